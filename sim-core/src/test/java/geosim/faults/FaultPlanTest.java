package geosim.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import geosim.network.BackgroundFlowSpec;
import geosim.network.CutSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
  private static final long S = 1_000_000_000L;
  private static final String SRV = "r/dc/rack-1/srv-1";

  @Test
  void aServersCrashesAreMergedAndSortedAndOthersDoNotCount() {
    FaultPlan plan = new FaultPlan(List.of(
        FaultSpec.serverCrash(50 * S, 60 * S, SRV),
        FaultSpec.serverCrash(10 * S, 20 * S, SRV),
        FaultSpec.serverCrash(15 * S, 30 * S, SRV),
        FaultSpec.serverCrash(5 * S, 6 * S, "r/dc/rack-1/srv-2"),
        FaultSpec.regionPartition(1 * S, 2 * S, "r", "s")));
    assertArrayEquals(new long[] {10 * S, 30 * S, 50 * S, 60 * S}, plan.downWindowsNs(SRV));
    assertArrayEquals(new long[0], plan.downWindowsNs("r/dc/rack-1/srv-3"));
    assertEquals(4, plan.outages(List.of(SRV, "r/dc/rack-1/srv-2")).size());
    assertEquals(List.of(CutSpec.between(1 * S, 2 * S, "r", "s")), plan.cuts());
  }

  @Test
  void eachKindBecomesDownWindowsCutsFlowsOrServerStateAndIsCounted() {
    FaultSpec rack = new FaultSpec(FaultKind.RACK_POWER, 10 * S, 20 * S, "r/dc/rack-1", null);
    FaultSpec outage = new FaultSpec(FaultKind.REGION_OUTAGE, 15 * S, 40 * S, "r", null);
    FaultSpec tor = new FaultSpec(FaultKind.SWITCH_FAILURE, 1 * S, 2 * S, "s/dc/rack-1/tor", null);
    FaultSpec cable = new FaultSpec(FaultKind.LINK_CUT, 3 * S, 4 * S, null, List.of("s/dc/agg-1", "s/dc/core-1"));
    FaultSpec storm = new FaultSpec(FaultKind.STORM, 5 * S, 6 * S, null, List.of("s/dc/rack-1/tor", "s/dc/rack-2/tor"), 4e10);
    FaultSpec slow = new FaultSpec(FaultKind.SLOW_DISK, 0, 9 * S, SRV, null, 3);
    FaultPlan plan = new FaultPlan(List.of(rack, outage, tor, cable, storm, slow));
    // The rack's power loss and the region's outage overlap: one window from 10 s to 40 s.
    assertArrayEquals(new long[] {10 * S, 40 * S}, plan.downWindowsNs(SRV));
    assertArrayEquals(new long[] {15 * S, 40 * S}, plan.downWindowsNs("r/dc/rack-2/srv-1"));
    assertArrayEquals(new long[0], plan.downWindowsNs("s/dc/rack-1/srv-1"));
    assertEquals(List.of(CutSpec.isolate(15 * S, 40 * S, "r"), CutSpec.isolate(S, 2 * S, "s/dc/rack-1/tor"),
        CutSpec.between(3 * S, 4 * S, "s/dc/agg-1", "s/dc/core-1")), plan.cuts());
    List<BackgroundFlowSpec> flows = plan.storms();
    assertEquals(2, flows.size(), "one flow each way: " + flows);
    assertEquals("s/dc/rack-2/tor", flows.get(1).from());
    assertEquals(4e10, flows.get(1).demandBps());
    assertEquals(List.of(slow), plan.serverStateFaults(SRV));
    assertEquals(List.of(new ServerOutage(SRV, 10 * S, 20 * S), new ServerOutage(SRV, 15 * S, 40 * S)),
        plan.outages(List.of(SRV, "s/dc/rack-1/srv-1")));
    assertEquals(6, plan.countsByKind(Long.MAX_VALUE).size());
    assertEquals(java.util.Map.of("slow-disk", 1L, "switch-failure", 1L), plan.countsByKind(3 * S), "started before 3 s");
  }

  @Test
  void amountsMustFitTheirKind() {
    assertThrows(IllegalArgumentException.class, () -> new FaultSpec(FaultKind.SLOW_DISK, 0, S, SRV, null, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new FaultSpec(FaultKind.CLOCK_JUMP, 0, S, SRV, null, 0));
    assertThrows(IllegalArgumentException.class, () -> new FaultSpec(FaultKind.SERVER_CRASH, 0, S, SRV, null, 1));
    assertThrows(IllegalArgumentException.class, () -> new FaultSpec(FaultKind.STORM, 0, S, SRV, null, 1e9));
  }

  @Test
  void theFaultLogListsStartsAndEndsWithinTheRunByTime() {
    FaultSpec crash = FaultSpec.serverCrash(10 * S, 40 * S, SRV);
    FaultSpec partition = FaultSpec.regionPartition(10 * S, Long.MAX_VALUE, "r", "s");
    List<FaultEvent> events = new FaultPlan(List.of(crash, partition)).events(30 * S);
    assertEquals(List.of(new FaultEvent(10 * S, true, crash), new FaultEvent(10 * S, true, partition)), events);
    assertEquals(3, new FaultPlan(List.of(crash, partition)).events(41 * S).size());
  }

  @Test
  void badFaultsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> FaultSpec.serverCrash(-1, S, SRV));
    assertThrows(IllegalArgumentException.class, () -> FaultSpec.serverCrash(S, S, SRV));
    assertThrows(IllegalArgumentException.class, () -> FaultSpec.regionPartition(0, S, "r", "r"));
    assertThrows(IllegalArgumentException.class, () -> FaultKind.fromConfig("meteor"));
    assertEquals(FaultKind.REGION_PARTITION, FaultKind.fromConfig("region-partition"));
  }
}
