package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The land outline, antimeridian crossings, link curves and label placement. */
class MapGeometryTest {
  @Test
  void theShippedOutlineHasEveryContinentWithinRange() {
    List<double[]> rings = LandOutline.world();
    assertTrue(rings.size() > 100, "rings: " + rings.size());
    double minLat = 90;
    double maxLat = -90;
    for (double[] ring : rings) {
      for (int i = 0; i < ring.length; i += 2) {
        assertTrue(ring[i] >= -180 && ring[i] <= 180, "lon " + ring[i]);
        minLat = Math.min(minLat, ring[i + 1]);
        maxLat = Math.max(maxLat, ring[i + 1]);
      }
    }
    assertTrue(minLat < -80 && maxLat > 80, "from Antarctica to the Arctic: " + minLat + " to " + maxLat);
  }

  @Test
  void malformedOutlineLinesAreRejectedWithTheirNumber() {
    IOException e = assertThrows(IOException.class, () -> LandOutline.read(new StringReader("# c\n1 2 3 4 5\n")));
    assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
  }

  @Test
  void aRingCrossingTheAntimeridianIsMadeContinuous() {
    double[] fiji = {179.0, -16.0, -179.5, -16.5, -179.8, -17.0, 178.5, -17.5};
    assertArrayEquals(new double[] {179.0, 180.5, 180.2, 178.5}, MapGeometryTest.round(WorldMap.unwrappedLongitudes(fiji)));
    double[] plain = {10, 0, 20, 0, 15, 5};
    assertArrayEquals(new double[] {10, 20, 15}, WorldMap.unwrappedLongitudes(plain));
  }

  @Test
  void linksBendNorthByAFifthOfTheirLength() {
    double[] c = WorldMap.bend(new double[] {0, 100}, new double[] {100, 100});
    assertArrayEquals(new double[] {50, 80}, c, 1e-9);
  }

  @Test
  void aLabelMovesOffANeighboursCircle() {
    double r = 10;
    LabelPlacer placer = new LabelPlacer(r, 1000, List.of(new double[] {100, 100}, new double[] {150, 100}));
    double[] first = placer.place(100, 100, 80, 30);
    assertFalse(LabelPlacer.overlaps(new double[] {first[0], first[1], 80, 30}, new double[] {140, 90, 20, 20}),
        "the label of the west region must not cover the east one: " + first[0] + "," + first[1]);
    double[] second = placer.place(150, 100, 80, 30);
    assertFalse(LabelPlacer.overlaps(new double[] {first[0], first[1], 80, 30}, new double[] {second[0], second[1], 80, 30}));
    assertEquals(164, second[0], 1e-9, "the east one has room on its right");
  }

  private static double[] round(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) out[i] = Math.round(values[i] * 10) / 10.0;
    return out;
  }
}
