package geosim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuTest {
  private static final long MS = 1_000_000;

  @Test
  void oneCoreServesInArrivalOrderAndQueuesBehindTheBusyCore() {
    Cpu cpu = new Cpu(1);
    assertEquals(10 * MS, cpu.submit(0, 10 * MS));
    assertEquals(15 * MS, cpu.submit(2 * MS, 5 * MS)); // waits 8 ms for the core
    assertEquals(30 * MS, cpu.submit(20 * MS, 10 * MS)); // idle core: starts at once
  }

  @Test
  void twoCoresTakeTheEarliestFreeCore() {
    Cpu cpu = new Cpu(2);
    assertEquals(10 * MS, cpu.submit(0, 10 * MS));
    assertEquals(4 * MS, cpu.submit(0, 4 * MS));
    assertEquals(7 * MS, cpu.submit(1 * MS, 3 * MS)); // second core frees at 4 ms
    assertEquals(12 * MS, cpu.submit(2 * MS, 5 * MS)); // cores free at 10 and 7: starts at 7
    assertEquals(2, cpu.busyCores(9 * MS));
    assertEquals(1, cpu.busyCores(11 * MS));
  }

  @Test
  void busyTimeIsExactOverAnyIntervalAndUtilizationNeverExceedsOne() {
    Cpu cpu = new Cpu(2);
    cpu.submit(0, 10 * MS);
    cpu.submit(0, 10 * MS);
    cpu.submit(5 * MS, 10 * MS); // runs 10..20 ms on one core
    assertEquals(0, cpu.busyCoreNs(5 * MS) - 10 * MS); // both cores busy 0..5 ms
    assertEquals(20 * MS, cpu.busyCoreNs(10 * MS));
    assertEquals(25 * MS, cpu.busyCoreNs(15 * MS));
    assertEquals(30 * MS, cpu.busyCoreNs(20 * MS));
    assertEquals(30 * MS, cpu.busyCoreNs(40 * MS));
    // [0, 10 ms): both cores busy; [10, 20 ms): one of two; [0, 40 ms): 30 of 80 core-ms.
    assertEquals(1.0, Cpu.utilization(cpu.busyCoreNs(10 * MS), 2, 10 * MS));
    assertEquals(0.5, Cpu.utilization(cpu.busyCoreNs(20 * MS) - cpu.busyCoreNs(10 * MS), 2, 10 * MS));
    assertEquals(0.375, Cpu.utilization(cpu.busyCoreNs(40 * MS), 2, 40 * MS));
  }

  @Test
  void idleGapsBetweenItemsAreNotBusy() {
    Cpu cpu = new Cpu(1);
    cpu.submit(0, 3 * MS);
    cpu.submit(10 * MS, 3 * MS);
    assertEquals(3 * MS, cpu.busyCoreNs(10 * MS));
    assertEquals(4 * MS, cpu.busyCoreNs(11 * MS));
    assertEquals(6 * MS, cpu.busyCoreNs(100 * MS));
  }

  @Test
  void edgeValues() {
    Cpu cpu = new Cpu(1);
    assertEquals(0, cpu.busyCoreNs(0));
    assertEquals(0, cpu.submit(0, 0)); // zero demand on an idle core completes at once
    assertEquals(Long.MAX_VALUE, cpu.submit(1, Long.MAX_VALUE - 1));
    assertThrows(IllegalArgumentException.class, () -> cpu.submit(2, 1)); // past the clock
    assertEquals(Cpu.CORES_MAX, new Cpu(Cpu.CORES_MAX).cores());
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new Cpu(0));
    assertThrows(IllegalArgumentException.class, () -> new Cpu(Cpu.CORES_MAX + 1));
    Cpu cpu = new Cpu(1);
    assertThrows(IllegalArgumentException.class, () -> cpu.submit(0, -1));
    assertThrows(IllegalArgumentException.class, () -> cpu.submit(-1, 1));
    cpu.submit(5, 1);
    assertThrows(IllegalArgumentException.class, () -> cpu.submit(4, 1)); // before the last arrival
    assertThrows(IllegalArgumentException.class, () -> cpu.busyCoreNs(4));
    assertThrows(IllegalArgumentException.class, () -> Cpu.utilization(11, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> Cpu.utilization(-1, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> Cpu.utilization(0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> Cpu.utilization(0, 0, 10));
  }

  @Test
  void processorSharingSplitsOneCoreEvenly() {
    SharedCpu cpu = new SharedCpu(1);
    cpu.submit(0, 1, 10 * MS);
    assertEquals(10 * MS, cpu.nextCompletionNs());
    cpu.submit(4 * MS, 2, 2 * MS); // item 1 has 6 ms left; both now run at half speed
    assertEquals(8 * MS, cpu.nextCompletionNs()); // item 2 needs 2 ms at rate 1/2
    assertTrue(cpu.takeCompleted(7 * MS).isEmpty());
    assertEquals(java.util.List.of(2L), cpu.takeCompleted(8 * MS));
    // Item 1 got 4 ms alone + 2 ms shared: 4 ms left at full speed.
    assertEquals(12 * MS, cpu.nextCompletionNs());
    assertEquals(java.util.List.of(1L), cpu.takeCompleted(12 * MS));
    assertEquals(Long.MAX_VALUE, cpu.nextCompletionNs());
    assertEquals(12 * MS, cpu.busyCoreNs(12 * MS));
    assertEquals(12 * MS, cpu.busyCoreNs(20 * MS)); // idle since
  }

  @Test
  void processorSharingUsesAllCoresOnlyWhenThereAreEnoughItems() {
    SharedCpu cpu = new SharedCpu(2);
    cpu.submit(0, 1, 6 * MS);
    assertEquals(6 * MS, cpu.nextCompletionNs()); // one item cannot use two cores
    cpu.submit(0, 2, 6 * MS);
    cpu.submit(0, 3, 6 * MS); // three items on two cores: each at rate 2/3
    assertEquals(9 * MS, cpu.nextCompletionNs());
    assertEquals(java.util.List.of(1L, 2L, 3L), cpu.takeCompleted(9 * MS)); // ties in arrival order
    assertEquals(18 * MS, cpu.busyCoreNs(9 * MS)); // two cores busy for 9 ms
    assertEquals(0, cpu.size());
  }

  @Test
  void processorSharingRejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new SharedCpu(0));
    SharedCpu cpu = new SharedCpu(1);
    assertThrows(IllegalArgumentException.class, () -> cpu.submit(0, 1, -1));
    cpu.submit(5, 1, 10);
    assertThrows(IllegalArgumentException.class, () -> cpu.submit(4, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> cpu.busyCoreNs(16)); // past the completion
    assertEquals(java.util.List.of(), cpu.takeCompleted(5));
    cpu.submit(5, 2, 0); // zero demand: due at once
    assertEquals(5, cpu.nextCompletionNs());
    assertEquals(java.util.List.of(2L), cpu.takeCompleted(5));
  }
}
