package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.fabric.Fabric;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.CounterBreakdown;
import geosim.kernel.Kernel;
import geosim.kernel.KernelSettings;
import geosim.kernel.PartitionBy;
import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.SimActor;
import geosim.kernel.SimulationException;
import geosim.kernel.Snapshot;
import geosim.kernel.VirtualTime;
import geosim.store.audit.ConsistencyReport;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each invariant fails on a snapshot that breaks it, naming it and the time, and passes a sound
 * one; a conservation invariant names the actor that breaks it, or says that only the sum does,
 * in a run as in a snapshot with a breakdown.
 */
class InvariantsTest {
  private static final long S = 1_000_000_000L;
  private static final long MS = VirtualTime.NANOS_PER_MILLI;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();

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

  /** A breakdown from fixed shares: counter name to actor path to value. */
  private static CounterBreakdown shares(Map<String, Map<String, Long>> byName) {
    return name -> new TreeMap<>(byName.getOrDefault(name, Map.of()));
  }

  private static Invariants.InvariantViolation violation(Snapshot s, CounterBreakdown byActor) {
    return assertThrows(Invariants.InvariantViolation.class, () -> new Invariants().onSnapshot(s, byActor));
  }

  @Test
  void aViolationNamesTheFirstActorInPathOrderThatBreaksIt() {
    Snapshot s = at(1, Map.of("request.arrivals", 10L, "request.ok", 12L));
    Invariants.InvariantViolation v = violation(s, shares(Map.of(
        "request.arrivals", Map.of("a/srv-1", 5L, "c/srv-1", 3L, "b/srv-2", 2L),
        "request.ok", Map.of("a/srv-1", 5L, "c/srv-1", 4L, "b/srv-2", 3L))));
    assertEquals("b/srv-2", v.actorPath());
    assertTrue(v.getMessage().contains("completed requests 12 (request.ok) exceed 10 (request.arrivals)"
        + " [at actor b/srv-2: 3 exceed 2]"), v.getMessage());
    assertFalse(v.getMessage().contains("c/srv-1") || v.getMessage().contains("a/srv-1"), v.getMessage());
  }

  @Test
  void whenOnlyTheSumBreaksItTheViolationSaysSoAndNamesTheLargestShares() {
    Snapshot s = at(1, Map.of(Fabric.FRAMES, 5L, Fabric.FRAMES_DELIVERED, 6L, Fabric.HOPS, 9L));
    Invariants.InvariantViolation v = violation(s, shares(Map.of(
        Fabric.FRAMES, Map.of("r/srv-1", 1L, "r/srv-2", 4L),
        Fabric.FRAMES_DELIVERED, Map.of("r/tor", 2L, "r/agg", 2L, "r/core", 1L, "r/spine", 1L))));
    assertNull(v.actorPath(), "a frame is counted sent at one actor and delivered at another");
    assertTrue(v.getMessage().contains("frames delivered + dropped + lost 6 exceed frames sent 5 [only the sum"
        + " breaks it, its sides are counted at different actors; largest shares of " + Fabric.FRAMES_DELIVERED
        + " + " + Fabric.DROPPED + " + " + Fabric.LOST_AT_CUT + ": r/agg 2, r/tor 2, r/core 1; of " + Fabric.FRAMES
        + ": r/srv-2 4, r/srv-1 1]"), v.getMessage());
  }

  @Test
  void countersHeldByNoActorNameNoActorAndDoNotCrash() {
    Snapshot s = at(1, Map.of("request.arrivals", 3L, "request.ok", 4L));
    Invariants.InvariantViolation v = violation(s, shares(Map.of(
        "request.arrivals", Map.of("a/srv-1", 3L),
        "request.ok", Map.of("a/srv-1", 2L, CounterBreakdown.NO_ACTOR, 2L))));
    assertNull(v.actorPath());
    assertTrue(v.getMessage().contains("[only the sum breaks it, no actor breaks it alone; largest shares of"
        + " request.ok: (no actor) 2, a/srv-1 2; of request.arrivals: a/srv-1 3]"), v.getMessage());
    Invariants.InvariantViolation without = violation(s, CounterBreakdown.NONE);
    assertNull(without.actorPath());
    assertFalse(without.getMessage().contains("["), "no breakdown, nothing to add: " + without.getMessage());
  }

  /** Counts a ping sent and answered every millisecond; a broken one counts two answers from {@code brokenFromMs}. */
  private static final class Pinger implements SimActor<String> {
    private final long brokenFromNs;
    private Counter sent;
    private Counter ok;

    Pinger(long brokenFromMs) {
      this.brokenFromNs = brokenFromMs * MS;
    }

    @Override
    public void start(ActorContext<String> ctx) {
      sent = ctx.metrics().counter("ping.sent");
      ok = ctx.metrics().counter("ping.ok");
      ctx.schedule("ping", MS);
    }

    @Override
    public void receive(String message, ActorContext<String> ctx) {
      sent.increment();
      ok.add(ctx.now() >= brokenFromNs ? 2 : 1);
      ctx.schedule("ping", MS);
    }
  }

  private static final String BROKEN = "eu-west/rack-1/srv-2";

  /** Four pingers in two regions, {@link #BROKEN} counting wrong from 7 ms; invariants on, snapshots every 5 ms. */
  private static SimulationException brokenPingRun(int partitions) {
    Kernel.Builder b = Kernel.builder(KernelSettings.of(42, 20 * MS, MS).withPartitions(partitions, PartitionBy.REGION)
        .withMetricsInterval(5 * MS));
    for (String path : List.of("us-east/rack-1/srv-1", "eu-west/rack-1/srv-1", BROKEN, "eu-west/rack-2/srv-1")) {
      b.spawn(path, new Pinger(path.equals(BROKEN) ? 7 : Long.MAX_VALUE / MS));
    }
    Kernel kernel = b.build().observe(new Invariants());
    assertEquals(partitions, kernel.partitionCount());
    return assertThrows(SimulationException.class, () -> kernel.run(RUNTIME.get()));
  }

  @Test
  void aRunWithABrokenCounterInOneActorFailsNamingExactlyThatActorAtAnyPartitioning() {
    SimulationException e = brokenPingRun(1);
    assertEquals(BROKEN, e.actorPath());
    assertEquals(10 * MS, e.timeNs(), "the first snapshot after the counter breaks");
    assertTrue(e.getMessage().startsWith("actor " + BROKEN + " failed at virtual time 10ms (10000000 ns), seed 42: "
        + "invariant violated at virtual time 10ms"), e.getMessage());
    assertTrue(e.getMessage().contains("answered pings 39 (ping.ok) exceed 36 (ping.sent) [at actor " + BROKEN
        + ": 12 exceed 9]"), e.getMessage());
    assertFalse(e.getMessage().contains("srv-1"), "only the broken actor is named: " + e.getMessage());
    assertEquals(e.getMessage(), brokenPingRun(1).getMessage(), "the same seed replays the same failure");
    assertEquals(e.getMessage(), brokenPingRun(2).getMessage(), "and so does another partitioning");
  }

  /** Counts frames sent or delivered every millisecond; {@code extraAtMs} > 0 counts one delivery too many then. */
  private static SimActor<String> frames(String counter, long extraAtMs) {
    return new SimActor<>() {
      private Counter count;

      @Override
      public void start(ActorContext<String> ctx) {
        count = ctx.metrics().counter(counter);
        ctx.schedule("frame", MS);
      }

      @Override
      public void receive(String message, ActorContext<String> ctx) {
        count.add(ctx.now() == extraAtMs * MS ? 2 : 1);
        ctx.schedule("frame", MS);
      }
    };
  }

  @Test
  void aRunWhoseSumBreaksAcrossActorsSaysSoAndNamesTheLargestShares() {
    Kernel.Builder b = Kernel.builder(KernelSettings.of(3, 20 * MS, MS).withMetricsInterval(5 * MS));
    b.spawn("us-east/srv-1", frames(Fabric.FRAMES, 0));
    b.spawn("us-east/tor", frames(Fabric.FRAMES_DELIVERED, 12));
    Kernel kernel = b.build().observe(new Invariants());
    SimulationException e = assertThrows(SimulationException.class, () -> kernel.run(RUNTIME.get()));
    assertNull(e.actorPath());
    assertTrue(e.getMessage().startsWith("the run failed at virtual time 15ms (15000000 ns), seed 3: "), e.getMessage());
    assertTrue(e.getMessage().contains("frames delivered + dropped + lost 15 exceed frames sent 14 [only the sum"
        + " breaks it, its sides are counted at different actors; largest shares of " + Fabric.FRAMES_DELIVERED
        + " + " + Fabric.DROPPED + " + " + Fabric.LOST_AT_CUT + ": us-east/tor 15; of " + Fabric.FRAMES
        + ": us-east/srv-1 14]"), e.getMessage());
  }
}
