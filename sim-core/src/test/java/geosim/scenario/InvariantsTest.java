package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.fabric.Fabric;
import geosim.kernel.Snapshot;
import geosim.store.audit.ConsistencyReport;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Each invariant fails on a snapshot that breaks it, naming it and the time, and passes a sound one. */
class InvariantsTest {
  private static final long S = 1_000_000_000L;

  private static Snapshot at(long timeS, Map<String, Long> counters) {
    return at(timeS, counters, new TreeMap<>());
  }

  private static Snapshot at(long timeS, Map<String, Long> counters, SortedMap<String, Histogram> histograms) {
    return new Snapshot(timeS * S, Math.max(0, timeS - 1) * S, timeS, new TreeMap<>(counters), histograms);
  }

  private static String violation(Snapshot... snapshots) {
    Invariants invariants = new Invariants();
    for (int i = 0; i < snapshots.length - 1; i++) invariants.onSnapshot(snapshots[i]);
    return assertThrows(Invariants.InvariantViolation.class,
        () -> invariants.onSnapshot(snapshots[snapshots.length - 1])).getMessage();
  }

  @Test
  void aSoundRunPasses() {
    Invariants invariants = new Invariants();
    Map<String, Long> c1 = Map.of(Fabric.FRAMES, 10L, Fabric.FRAMES_DELIVERED, 7L, Fabric.DROPPED, 1L, Fabric.HOPS, 40L,
        Fabric.BYTES_SENT, 15_000L, Fabric.BYTES_DELIVERED, 10_500L, Fabric.BYTES_LOST, 1_500L,
        "netping.sent", 6L, "netping.ok", 3L);
    assertDoesNotThrow(() -> invariants.onSnapshot(at(1, c1)));
    assertDoesNotThrow(() -> invariants.onSnapshot(at(2, c1)));
  }

  @Test
  void countersMustNotGoBack() {
    String m = violation(at(1, Map.of("request.arrivals", 5L)), at(2, Map.of("request.arrivals", 4L)));
    assertTrue(m.contains("counter request.arrivals went back from 5 to 4") && m.contains("at virtual time 2s"), m);
  }

  @Test
  void nothingCompletesThatWasNotIssued() {
    String m = violation(at(1, Map.of("request.arrivals", 5L, "request.ok", 6L)));
    assertTrue(m.contains("completed requests 6 (request.ok) exceed 5 (request.arrivals)"), m);
    m = violation(at(1, Map.of("netping.sent", 5L, "netping.ok", 4L, Fabric.DROPPED, 2L, Fabric.FRAMES, 9L,
        Fabric.HOPS, 20L)));
    assertTrue(m.contains("netping: pongs + frames lost 6 exceed pings sent 5"), m);
  }

  @Test
  void storeFailuresAndHintsAddUp() {
    String m = violation(at(1, Map.of("store.write.started", 5L, "store.write.failed", 2L, "store.write.unavailable", 2L,
        "store.write.crashed", 1L)));
    assertTrue(m.contains("store writes unavailable + crashed 3 exceed those failed"), m);
    m = violation(at(1, Map.of("store.hints.stored", 3L, "store.hints.replayed", 4L)));
    assertTrue(m.contains("replayed hints 4 (store.hints.replayed) exceed 3 (store.hints.stored)"), m);
  }

  @Test
  void framesAndBytesAreConserved() {
    String m = violation(at(1, Map.of(Fabric.FRAMES, 3L, Fabric.FRAMES_DELIVERED, 3L, Fabric.LOST_AT_CUT, 1L,
        Fabric.HOPS, 9L)));
    assertTrue(m.contains("frames delivered + dropped + lost 4 exceed frames sent 3"), m);
    m = violation(at(1, Map.of(Fabric.BYTES_SENT, 3000L, Fabric.BYTES_DELIVERED, 3000L, Fabric.BYTES_LOST, 1L)));
    assertTrue(m.contains("bytes delivered + lost 3001 exceed bytes sent 3000"), m);
  }

  @Test
  void utilizationStaysWithinCapacity() {
    Histogram h = new Histogram(3);
    h.recordValue(1_200_000);
    SortedMap<String, Histogram> hs = new TreeMap<>(Map.of("link.wan.utilization-ppm", h));
    String m = violation(at(1, Map.of(), hs));
    assertTrue(m.contains("link.wan.utilization-ppm reached 1.2"), m);
  }

  @Test
  void theAuditMustAccountForEveryAcknowledgedWriteAndAnsweredRead() {
    ConsistencyReport audit = new ConsistencyReport(10, 1, 20, 0, 0, 0);
    assertDoesNotThrow(() -> Invariants.checkAudit(audit, 20, 10));
    Invariants.InvariantViolation missing = assertThrows(Invariants.InvariantViolation.class,
        () -> Invariants.checkAudit(audit, 21, 10));
    assertTrue(missing.getMessage().contains("20 acknowledged writes"), missing.getMessage());
    assertThrows(Invariants.InvariantViolation.class, () -> Invariants.checkAudit(audit, 20, 9));
  }
}
