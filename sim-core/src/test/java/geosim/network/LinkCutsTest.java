package geosim.network;

import geosim.topology.TopologyFixtures;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A partition cuts links; routes across a cut are lost, others are not. */
class LinkCutsTest {
  private static final Routes ROUTES = new Routes(TopologyFixtures.twoRegions());
  private static final String EAST = "us-east/use1-a/rack-1/srv-1";
  private static final String EAST_OTHER_RACK = "us-east/use1-a/rack-2/srv-1";
  private static final String WEST = "eu-west/euw1-a/rack-1/srv-1";

  @Test
  void cuttingTheWanCableLosesCrossRegionRoutesOnly() {
    int there = ROUTES.linkId("us-east/wan", "eu-west/wan");
    int back = ROUTES.linkId("eu-west/wan", "us-east/wan");
    LinkCuts cuts = LinkCuts.none().with(there, back);
    Route across = ROUTES.route(EAST, WEST, 1);
    assertTrue(cuts.severs(across));
    assertTrue(cuts.severs(ROUTES.route(WEST, EAST, 1)));
    assertEquals(OptionalInt.of(there), cuts.firstCut(across));
    assertFalse(cuts.severs(ROUTES.route(EAST, EAST_OTHER_RACK, 1)));
    assertFalse(LinkCuts.none().severs(across));
  }

  @Test
  void aOneWayCutLosesOnlyThatDirection() {
    LinkCuts cuts = LinkCuts.of(ROUTES.linkId("us-east/wan", "eu-west/wan"));
    assertTrue(cuts.severs(ROUTES.route(EAST, WEST, 1)));
    assertFalse(cuts.severs(ROUTES.route(WEST, EAST, 1)));
  }

  @Test
  void healingRestoresTheSetAndSetsAreValues() {
    LinkCuts cuts = LinkCuts.of(7, 3);
    assertArrayEquals(new int[] {3, 7}, cuts.linkIds());
    assertEquals(2, cuts.size());
    assertTrue(cuts.isCut(7));
    assertEquals(LinkCuts.none(), cuts.without(3, 7));
    assertEquals(LinkCuts.of(3), cuts.without(7));
    assertEquals(LinkCuts.of(7, 3), cuts); // the original is unchanged
    assertEquals(LinkCuts.of(3, 7).hashCode(), cuts.hashCode());
    assertEquals("linkId must be >= 0, got -1",
        assertThrows(IllegalArgumentException.class, () -> LinkCuts.of(-1)).getMessage());
  }
}
