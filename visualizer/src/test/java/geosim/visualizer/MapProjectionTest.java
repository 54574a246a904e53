package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MapProjectionTest {
  @Test
  void cornersAndCentreOfAMapThatFitsExactly() {
    double scale = 2; // pixels per degree
    MapProjection p = new MapProjection(360 * scale, (MapProjection.LAT_NORTH - MapProjection.LAT_SOUTH) * scale);
    assertEquals(0, p.x(-180), 1e-9);
    assertEquals(720, p.x(180), 1e-9);
    assertEquals(360, p.x(0), 1e-9);
    assertEquals(0, p.y(MapProjection.LAT_NORTH), 1e-9);
    assertEquals(MapProjection.LAT_NORTH * scale, p.y(0), 1e-9);
    assertEquals(p.height(), p.y(MapProjection.LAT_SOUTH), 1e-9);
  }

  @Test
  void aTallPaneCentresTheMapVerticallyAndKeepsDegreesSquare() {
    MapProjection p = new MapProjection(360, 1000);
    assertEquals(1.0, p.scale(), 1e-9);
    double mapHeight = MapProjection.LAT_NORTH - MapProjection.LAT_SOUTH;
    assertEquals((1000 - mapHeight) / 2, p.y(MapProjection.LAT_NORTH), 1e-9);
    assertEquals(p.x(10) - p.x(0), p.y(0) - p.y(10), 1e-9, "one degree is as wide as it is tall");
  }

  @Test
  void easternAndNorthernPlacesLieRightAndAbove() {
    MapProjection p = new MapProjection(800, 400);
    assertTrue(p.x(-6.26) > p.x(-77.49), "Dublin is east of Virginia");
    assertTrue(p.y(53.35) < p.y(39.04), "Dublin is north of Virginia");
  }

  @Test
  void rejectsAnEmptyPane() {
    assertThrows(IllegalArgumentException.class, () -> new MapProjection(0, 100));
    assertThrows(IllegalArgumentException.class, () -> new MapProjection(100, -1));
  }
}
