package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.faults.FaultEvent;
import geosim.faults.FaultKind;
import geosim.faults.FaultPlan;
import geosim.faults.FaultSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the map draws a WAN link cut: faults between its regions, of either region, of either WAN router. */
class MapLinkTest {
  private static final long S = 1_000_000_000L;
  private static final MapLink LINK = new MapLink("us-east", "eu-west", 80);

  @Test
  void aPartitionCutsTheLinkInTheFramesItCovers() {
    FaultPlan plan = new FaultPlan(List.of(FaultSpec.regionPartition(10 * S, 20 * S, "eu-west", "us-east")));
    assertFalse(LINK.cutAt(plan, 10 * S), "the frame ending at the start is before it");
    assertTrue(LINK.cutAt(plan, 15 * S));
    assertTrue(LINK.cutAt(plan, 20 * S), "the frame ending at the heal still had it");
    assertFalse(LINK.cutAt(plan, 25 * S));
    assertFalse(new MapLink("us-east", "us-west", 60).cutAt(plan, 15 * S), "another link");
  }

  @Test
  void anOutageOrAWanRouterFailureOfEitherRegionCutsIt() {
    assertTrue(LINK.cutAt(new FaultPlan(List.of(new FaultSpec(FaultKind.REGION_OUTAGE, 0, 5 * S, "eu-west", null))), S));
    assertTrue(LINK.cutAt(new FaultPlan(List.of(new FaultSpec(FaultKind.SWITCH_FAILURE, 0, 5 * S, "us-east/wan", null))), S));
    assertFalse(LINK.cutAt(new FaultPlan(List.of(FaultSpec.serverCrash(0, 5 * S, "us-east/a/rack-1/srv-1"))), S));
  }

  /** A replayed run's injected cut, healed later, counts with the end its heal gave it. */
  @Test
  void anInjectedCutHealedLaterEndsAtTheHeal() {
    FaultSpec open = new FaultSpec(FaultKind.REGION_PARTITION, 10 * S, Long.MAX_VALUE, null, List.of("us-east", "eu-west"));
    FaultPlan plan = new FaultPlan(List.of(), List.of(new FaultEvent(10 * S, true, open),
        new FaultEvent(30 * S, false, open))).effective();
    assertTrue(LINK.cutAt(plan, 30 * S));
    assertFalse(LINK.cutAt(plan, 35 * S));
  }
}
