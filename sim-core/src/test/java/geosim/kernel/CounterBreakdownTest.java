package geosim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each actor that looks a counter up owns its own; snapshots sum them, and an observer can ask,
 * during its call only, what each actor holds, at any partitioning.
 */
class CounterBreakdownTest {
  private static final long MS = VirtualTime.NANOS_PER_MILLI;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();

  /** Counts {@code step} on "ticks" every millisecond. */
  private static final class Ticker implements SimActor<String> {
    private final int step;
    private Counter ticks;

    Ticker(int step) {
      this.step = step;
    }

    @Override
    public void start(ActorContext<String> ctx) {
      ticks = ctx.metrics().counter("ticks");
      assertSame(ticks, ctx.metrics().counter("ticks"), "a second lookup by the same actor finds its counter");
      ctx.schedule("tick", MS);
    }

    @Override
    public void receive(String message, ActorContext<String> ctx) {
      ticks.add(step);
      ctx.schedule("tick", MS);
    }
  }

  private static final List<String> PATHS = List.of("us-east/srv-2", "eu-west/srv-1", "us-east/srv-1");

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void eachActorHoldsItsOwnShareAndTheSnapshotTheirSum(int partitions) {
    KernelSettings settings = KernelSettings.of(1, 10 * MS, MS).withPartitions(partitions, PartitionBy.REGION)
        .withMetricsInterval(5 * MS);
    Kernel.Builder b = Kernel.builder(settings);
    for (int i = 0; i < PATHS.size(); i++) b.spawn(PATHS.get(i), new Ticker(i + 1));
    Kernel kernel = b.build();
    assertEquals(partitions, kernel.partitionCount());
    List<SortedMap<String, Long>> shares = new ArrayList<>();
    List<Long> sums = new ArrayList<>();
    kernel.observe(new SnapshotObserver() {
      @Override
      public void onSnapshot(Snapshot snapshot) {
        throw new AssertionError("the kernel calls the two-argument method");
      }

      @Override
      public void onSnapshot(Snapshot snapshot, CounterBreakdown byActor) {
        shares.add(byActor.byActor("ticks"));
        sums.add(snapshot.counter("ticks"));
        assertEquals(Map.of(), byActor.byActor("no-such-counter"));
      }
    });
    kernel.run(RUNTIME.get());
    // Ticks at 1..4 ms are before the 5 ms snapshot; the one at 5 ms is after it.
    assertEquals(new TreeMap<>(Map.of("eu-west/srv-1", 4 * 2L, "us-east/srv-1", 4 * 3L, "us-east/srv-2", 4 * 1L)),
        shares.get(0));
    assertEquals(List.of(24L, 54L), sums);
    assertEquals(sums.get(1), shares.get(1).values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void theBreakdownAnswersOnlyDuringTheObserversCall() {
    Kernel.Builder b = Kernel.builder(KernelSettings.of(1, 10 * MS, MS));
    b.spawn("a/srv-1", new Ticker(1));
    List<CounterBreakdown> kept = new ArrayList<>();
    b.build().observe(new SnapshotObserver() {
      @Override
      public void onSnapshot(Snapshot snapshot) {}

      @Override
      public void onSnapshot(Snapshot snapshot, CounterBreakdown byActor) {
        kept.add(byActor);
      }
    }).run(RUNTIME.get());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> kept.get(0).byActor("ticks"));
    assertTrue(e.getMessage().contains("only during onSnapshot"), e.getMessage());
  }

  @Test
  void countersLookedUpOutsideAnyActorBelongToNone() {
    Metrics metrics = new Metrics();
    metrics.counter("global").add(3);
    metrics.counter("global").add(4);
    SortedMap<String, Long> byOwner = new TreeMap<>();
    metrics.addByOwnerTo("global", slot -> slot == Metrics.NO_OWNER ? CounterBreakdown.NO_ACTOR : "slot " + slot,
        byOwner);
    assertEquals(Map.of(CounterBreakdown.NO_ACTOR, 7L), byOwner);
  }

  @Test
  void anObservedFailureNamesItsActorInTheRunsFailure() {
    Kernel.Builder b = Kernel.builder(KernelSettings.of(7, 10 * MS, MS).withMetricsInterval(5 * MS));
    b.spawn("a/srv-1", new Ticker(1));
    Kernel kernel = b.build().observe(s -> {
      throw new ObservedFailure("ticks broke", "a/srv-1");
    });
    SimulationException e = assertThrows(SimulationException.class, () -> kernel.run(RUNTIME.get()));
    assertEquals("a/srv-1", e.actorPath());
    assertEquals("actor a/srv-1 failed at virtual time 5ms (5000000 ns), seed 7: ticks broke", e.getMessage());
    Kernel.Builder c = Kernel.builder(KernelSettings.of(7, 10 * MS, MS).withMetricsInterval(5 * MS));
    c.spawn("a/srv-1", new Ticker(1));
    Kernel noActor = c.build().observe(s -> {
      throw new ObservedFailure("ticks broke", null);
    });
    e = assertThrows(SimulationException.class, () -> noActor.run(RUNTIME.get()));
    assertEquals(null, e.actorPath());
    assertTrue(e.getMessage().startsWith("the run failed at virtual time 5ms"), e.getMessage());
  }
}
