package geosim.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
