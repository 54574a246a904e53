package geosim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KernelTest {
  private static final long MS = VirtualTime.NANOS_PER_MILLI;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();


  /** Sends one message to a peer after a fixed delay, then records when it arrived. */
  private static final class Sender implements SimActor<String> {
    private final long delayNs;
    ActorRef<String> peer;
    final List<Long> arrivals = new ArrayList<>();

    Sender(long delayNs) {
      this.delayNs = delayNs;
    }

    @Override
    public void start(ActorContext<String> ctx) {
      if (peer != null) ctx.send(peer, "hello", delayNs);
    }

    @Override
    public void receive(String message, ActorContext<String> ctx) {
      arrivals.add(ctx.now());
      ctx.metrics().counter("received").increment();
    }
  }

  /** Two actors in two regions that send each other one message at start. */
  private record Pair(Sender east, Sender west, Kernel kernel) {}

  private static Pair pair(KernelSettings settings, long eastDelayNs, long westDelayNs) {
    Kernel.Builder b = Kernel.builder(settings);
    Sender east = new Sender(eastDelayNs);
    Sender west = new Sender(westDelayNs);
    ActorRef<String> eastRef = b.spawn("us-east/srv-1", east);
    east.peer = b.spawn("us-west/srv-1", west);
    west.peer = eastRef;
    return new Pair(east, west, b.build());
  }

  private static KernelSettings settings(int partitions, PartitionBy by, long lookaheadNs) {
    return KernelSettings.of(1, 1000 * MS, lookaheadNs).withPartitions(partitions, by);
  }

  @Test
  void crossPartitionMessageBelowTheLookaheadIsRejectedClearly() {
    Kernel kernel = pair(settings(2, PartitionBy.REGION, 10 * MS), 5 * MS, 5 * MS).kernel();
    assertEquals(2, kernel.partitionCount());
    SimulationException e = assertThrows(SimulationException.class, () -> kernel.run(RUNTIME.get()));
    assertTrue(e.getMessage().contains("below the lookahead 10ms"), e.getMessage());
    assertTrue(e.getMessage().contains("us-"), e.getMessage());
    assertTrue(e.getMessage().contains("seed 1"), e.getMessage());
    assertEquals(0, e.timeNs());
  }

  @Test
  void theLookaheadRuleHoldsBetweenUnitsEvenOnOnePartition() {
    // Results must not depend on the partition count, so neither may the rule.
    Kernel kernel = pair(settings(1, PartitionBy.REGION, 10 * MS), 5 * MS, 5 * MS).kernel();
    assertEquals(1, kernel.partitionCount());
    assertThrows(SimulationException.class, () -> kernel.run(RUNTIME.get()));
  }

  @Test
  void messagesWithinAUnitMayBeFasterThanTheLookahead() {
    Kernel.Builder b = Kernel.builder(settings(2, PartitionBy.REGION, 10 * MS));
    Sender a = new Sender(1 * MS);
    Sender c = new Sender(1 * MS);
    a.peer = b.spawn("us-east/srv-2", c);
    b.spawn("us-east/srv-1", a);
    b.spawn("us-west/srv-1", new Sender(0));
    RunResult result = b.build().run(RUNTIME.get());
    assertEquals(List.of(1 * MS), c.arrivals);
    assertEquals(1, result.counter("received"));
  }

  @Test
  void crossPartitionMessagesArriveAtTheirExactTime() {
    Pair p = pair(settings(2, PartitionBy.REGION, 10 * MS), 37 * MS, 10 * MS);
    RunResult result = p.kernel().run(RUNTIME.get());
    assertEquals(List.of(37 * MS), p.west().arrivals);
    assertEquals(List.of(10 * MS), p.east().arrivals);
    assertEquals(2, result.events());
    assertEquals(StopReason.END_TIME, result.stopReason());
    assertEquals(1000 * MS, result.endTimeNs());
  }

  @Test
  void idleStretchesAreJumpedOver() {
    long day = VirtualTime.NANOS_PER_DAY;
    Pair p = pair(KernelSettings.of(1, 3 * day, MS).withPartitions(2, PartitionBy.REGION), day, day);
    RunResult result = p.kernel().run(RUNTIME.get());
    assertEquals(List.of(day), p.west().arrivals);
    // A 1 ms lookahead over 3 days would be 259 million windows without jumping.
    assertTrue(result.windows() < 10, "windows " + result.windows());
  }

  @Test
  void cancelledTimersDoNotFire() {
    List<String> seen = new ArrayList<>();
    SimActor<String> actor = new SimActor<>() {
      @Override
      public void start(ActorContext<String> ctx) {
        ctx.startTimer("kept", 5 * MS);
        ctx.startTimer("cancelled", 3 * MS).cancel();
      }

      @Override
      public void receive(String message, ActorContext<String> ctx) {
        seen.add(message + "@" + ctx.now());
      }
    };
    Kernel.Builder b = Kernel.builder(settings(1, PartitionBy.NONE, MS));
    b.spawn("solo", actor);
    RunResult result = b.build().run(RUNTIME.get());
    assertEquals(List.of("kept@" + 5 * MS), seen);
    assertEquals(1, result.events());
  }

  @Test
  void duplicatePathsAndMalformedPathsAreRejected() {
    Kernel.Builder b = Kernel.builder(settings(1, PartitionBy.NONE, MS));
    b.spawn("a/b", new Sender(0));
    assertEquals("two actors have the path 'a/b'",
        assertThrows(IllegalArgumentException.class, () -> b.spawn("a/b", new Sender(0))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.spawn("a//b", new Sender(0)));
    assertThrows(IllegalArgumentException.class, () -> b.spawn("", new Sender(0)));
  }

  @Test
  void negativeDelayIsRejected() {
    Kernel.Builder b = Kernel.builder(settings(1, PartitionBy.NONE, MS));
    Sender s = new Sender(-1);
    s.peer = b.spawn("x", s);
    SimulationException e = assertThrows(SimulationException.class, () -> b.build().run(RUNTIME.get()));
    assertTrue(e.getMessage().contains("delay -1 ns"), e.getMessage());
  }

  @Test
  void anActorExceptionStopsTheRunNamingTheActorAndTime() {
    SimActor<String> faulty = failingAt(7 * MS);
    Kernel.Builder b = Kernel.builder(settings(1, PartitionBy.NONE, MS));
    b.spawn("eu-west/srv-9", faulty);
    SimulationException e = assertThrows(SimulationException.class, () -> b.build().run(RUNTIME.get()));
    assertEquals("eu-west/srv-9", e.actorPath());
    assertEquals(7 * MS, e.timeNs());
    assertTrue(e.getMessage().contains("model bug"));
  }

  /** An actor that throws "model bug" at {@code timeNs}. */
  private static SimActor<String> failingAt(long timeNs) {
    return new SimActor<>() {
      @Override
      public void start(ActorContext<String> ctx) {
        ctx.startTimer("boom", timeNs);
      }

      @Override
      public void receive(String message, ActorContext<String> ctx) {
        throw new IllegalStateException("model bug");
      }
    };
  }

  @Test
  void underChannelSyncMessagesArriveAtTheirExactTimeAndIdleStretchesAreJumped() {
    // 1 ms lookahead, one message each way at 37 ms and 10 ms, then 1000 s of nothing: windows of
    // 16 ms jump to the next event, so the run takes a handful of windows, not 62,500.
    KernelSettings s = KernelSettings.of(1, 1_000_000 * MS, MS).withPartitions(2, PartitionBy.REGION)
        .withSync(Sync.CHANNELS);
    Pair p = pair(s, 37 * MS, 10 * MS);
    RunResult result = p.kernel().run(RUNTIME.get());
    assertEquals(List.of(37 * MS), p.west().arrivals);
    assertEquals(List.of(10 * MS), p.east().arrivals);
    assertEquals(2, result.counter("received"));
    assertEquals(1_000_000 * MS, result.endTimeNs());
    assertTrue(result.windows() <= 5, "windows " + result.windows());
  }

  @Test
  void underChannelSyncAnActorExceptionStopsTheRunWhileItsPeerWaits() {
    KernelSettings s = settings(2, PartitionBy.REGION, 10 * MS).withSync(Sync.CHANNELS);
    Kernel.Builder b = Kernel.builder(s);
    SimActor<String> faulty = failingAt(7 * MS);
    b.spawn("eu-west/srv-9", faulty);
    b.spawn("us-east/srv-1", new Sender(0));
    SimulationException e = assertThrows(SimulationException.class, () -> b.build().run(RUNTIME.get()));
    assertEquals("eu-west/srv-9", e.actorPath());
    assertEquals(7 * MS, e.timeNs());
  }

  @Test
  void runawayRecursionInAnActorFailsTheRunInsteadOfHangingIt() {
    SimActor<String> recursive = new SimActor<>() {
      @Override
      public void start(ActorContext<String> ctx) {
        ctx.startTimer("go", MS);
      }

      @Override
      public void receive(String message, ActorContext<String> ctx) {
        receive(message, ctx);
      }
    };
    Kernel.Builder b = Kernel.builder(settings(1, PartitionBy.NONE, MS));
    b.spawn("deep", recursive);
    SimulationException e = assertThrows(SimulationException.class, () -> b.build().run(RUNTIME.get()));
    assertEquals("deep", e.actorPath());
    assertTrue(e.getMessage().contains("StackOverflowError"), e.getMessage());
  }

  @Test
  void aFailingObserverFailsTheRun() {
    Pair p = pair(settings(2, PartitionBy.REGION, 10 * MS), 20 * MS, 20 * MS);
    p.kernel().observe(s -> {
      throw new IllegalStateException("observer bug");
    });
    SimulationException e = assertThrows(SimulationException.class, () -> p.kernel().run(RUNTIME.get()));
    assertTrue(e.getMessage().contains("observer bug"), e.getMessage());
  }

  @Test
  void aStopPredicateEndsTheRunAtTheFirstSnapshotWhereItHolds() {
    Kernel.Builder b = Kernel.builder(settings(1, PartitionBy.NONE, MS).withMetricsInterval(100 * MS));
    SimActor<String> ticker = new SimActor<>() {
      @Override
      public void start(ActorContext<String> ctx) {
        ctx.startTimer("tick", 10 * MS);
      }

      @Override
      public void receive(String message, ActorContext<String> ctx) {
        ctx.metrics().counter("ticks").increment();
        ctx.startTimer("tick", 10 * MS);
      }
    };
    b.spawn("ticker", ticker);
    Kernel kernel = b.build().stopWhen(s -> s.counter("ticks") >= 25);
    RunResult result = kernel.run(RUNTIME.get());
    assertEquals(StopReason.PREDICATE, result.stopReason());
    assertEquals(300 * MS, result.endTimeNs());
    assertEquals(29, result.counter("ticks")); // ticks at 10, 20, ... 290 ms
  }

  /** Ticks every 10 ms; at every snapshot boundary its sampler records the time and the ticks since the last one. */
  private static final class SampledTicker implements SimActor<String> {
    private long ticks;
    private long sampledTicks;

    @Override
    public void start(ActorContext<String> ctx) {
      Counter boundaries = ctx.metrics().counter("sampled.boundary-ms-sum");
      org.HdrHistogram.Histogram perInterval = ctx.metrics().histogram("sampled.ticks");
      ctx.metrics().sampleAtSnapshots(atNs -> {
        boundaries.add(atNs / MS);
        perInterval.recordValue(ticks - sampledTicks);
        sampledTicks = ticks;
      });
      ctx.startTimer("tick", 10 * MS);
    }

    @Override
    public void receive(String message, ActorContext<String> ctx) {
      ticks++;
      ctx.startTimer("tick", 10 * MS);
    }
  }

  @Test
  void samplersRunAtEverySnapshotBoundaryBeforeItsMetricsAreTaken() {
    for (int partitions : new int[] {1, 2}) {
      Kernel.Builder b = Kernel.builder(settings(partitions, PartitionBy.REGION, MS).withMetricsInterval(300 * MS));
      b.spawn("east/ticker", new SampledTicker());
      b.spawn("west/ticker", new SampledTicker());
      List<Snapshot> snapshots = new ArrayList<>();
      RunResult result = b.build().observe(snapshots::add).run(RUNTIME.get());
      // Boundaries at 300, 600, 900 and the end, 1000 ms; two tickers sample at each.
      assertEquals(List.of(300 * MS, 600 * MS, 900 * MS, 1000 * MS),
          snapshots.stream().map(Snapshot::timeNs).toList(), "partitions " + partitions);
      assertEquals(2 * (300 + 600 + 900 + 1000), result.counter("sampled.boundary-ms-sum"));
      // Ticks at 10, 20, ... ms: 29 before 300 ms, then 30, 30, and 10 before 1000 ms (the tick at
      // a boundary belongs to the next interval).
      long[] expected = {29, 30, 30, 10};
      for (int i = 0; i < expected.length; i++) {
        org.HdrHistogram.Histogram h = snapshots.get(i).intervalHistograms().get("sampled.ticks");
        assertEquals(2, h.getTotalCount(), "interval " + i);
        assertEquals(expected[i], h.getMinValue(), "interval " + i);
        assertEquals(expected[i], h.getMaxValue(), "interval " + i);
      }
    }
  }

  @Test
  void placementSpreadsUnitsLargestFirst() {
    Kernel.Builder b = Kernel.builder(settings(2, PartitionBy.REGION, MS));
    List<ActorRef<String>> refs = new ArrayList<>();
    for (int i = 0; i < 3; i++) refs.add(b.spawn("big/srv-" + i, new Sender(0)));
    refs.add(b.spawn("small-a/srv-0", new Sender(0)));
    refs.add(b.spawn("small-b/srv-0", new Sender(0)));
    b.build();
    assertEquals(0, refs.get(0).partition());
    assertEquals(0, refs.get(2).partition());
    assertEquals(1, refs.get(3).partition());
    assertEquals(1, refs.get(4).partition());
  }
}
