package geosim.scenario;

import static geosim.scenario.SummaryValues.map;
import static geosim.scenario.SummaryValues.number;
import static geosim.scenario.SummaryValues.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import geosim.faults.FaultEvent;
import geosim.faults.FaultKind;
import geosim.faults.FaultSpec;
import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.Snapshot;
import geosim.kernel.VirtualTime;
import geosim.network.Degradation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults injected while a run goes on ({@link FaultInjector}), on configs/scenarios/store-faults-small.conf
 * without its scheduled faults: a driver (here a snapshot observer, as the visualizer's menu
 * would) asks for a crash without end, a partition, a storm and a cable cut, and ends the crash
 * and the cut later. They take effect, are recorded with their times, and running the recorded
 * config again gives the same summary, at one partition or three, hop by hop or in paths mode.
 */
class FaultInjectorTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/store-faults-small.conf");
  private static final String VICTIM = "us-east/use1-a/rack-1/srv-1";
  private static final List<String> BASE = List.of("faults=[]", "duration=32s", "store.workload.rate-per-server=5");
  private static final long S = VirtualTime.seconds(1);
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static Live hops;

  @BeforeAll
  static void setUp() throws Exception {
    hops = live(List.of());
  }

  /** What the driver does at each snapshot: the requests arrive after the run has passed their time or before it. */
  private static void drive(FaultInjector injector, Snapshot s) {
    long t = s.timeNs();
    if (t == 5 * S) {
      injector.inject(new FaultSpec(FaultKind.SERVER_CRASH, 3 * S, Long.MAX_VALUE, VICTIM, null));
      injector.inject(FaultSpec.regionPartition(7 * S, 12 * S, "us-east", "eu-west"));
    } else if (t == 10 * S) {
      injector.inject(new FaultSpec(FaultKind.STORM, 10 * S, 20 * S, null,
          List.of("us-east/use1-a/rack-1/tor", "us-east/use1-a/rack-2/tor"), 30e9));
      injector.inject(new FaultSpec(FaultKind.LINK_CUT, 11 * S, Long.MAX_VALUE, null,
          List.of("us-east/use1-a/rack-2/tor", "us-east/use1-a/agg-1"), 0));
    } else if (t == 30 * S) {
      injector.end(FaultSpec.serverCrash(0, 1, VICTIM));
      injector.end(new FaultSpec(FaultKind.LINK_CUT, 0, 1, null,
          List.of("us-east/use1-a/rack-2/tor", "us-east/use1-a/agg-1"), 0));
    }
  }

  private record Live(Simulation simulation, SortedMap<String, Object> summary) {}

  private static Live live(List<String> sets) throws Exception {
    return live(sets, FaultInjectorTest::drive);
  }

  private static Live live(List<String> sets, BiConsumer<FaultInjector, Snapshot> drive) throws Exception {
    List<String> all = new ArrayList<>(BASE);
    all.addAll(sets);
    Simulation sim = Simulation.create(ScenarioLoader.load(SCENARIO, all));
    FaultInjector injector = sim.faultInjector();
    Consumer<Snapshot> driver = s -> drive.accept(injector, s);
    sim.observe(new Invariants()).observe(driver::accept);
    return new Live(sim, RunSummary.of(sim, sim.run(RUNTIME.get())));
  }

  private static SortedMap<String, Object> replay(Simulation live, List<String> sets) throws Exception {
    Simulation sim = Simulation.create(ScenarioLoader.parse("replay.conf", live.renderResolved(), sets));
    sim.observe(new Invariants());
    return RunSummary.of(sim, sim.run(RUNTIME.get()));
  }

  @Test
  void aReplayOfTheRecordedRunGivesTheSameSummaryByteForByteAndAtThreePartitions() throws Exception {
    String json = json(hops.summary());
    assertEquals(json, json(replay(hops.simulation(), List.of())), "the replay, byte for byte");
    assertSameWithoutEngine(hops.summary(), replay(hops.simulation(), List.of("engine.partitions=3")));
    assertSameWithoutEngine(hops.summary(),
        replay(hops.simulation(), List.of("engine.partitions=3", "engine.sync=channels")));
  }

  /** In paths mode the route times beyond the NIC follow the injected schedule too. */
  @Test
  void aReplayInPathsModeGivesTheSameSummaryAtThreePartitions() throws Exception {
    Live live = live(List.of("network.mode=paths"));
    assertTrue(number(map(live.summary(), "network"), "lostAtCuts") > 0, "the cuts act: " + live.summary());
    assertSameWithoutEngine(live.summary(), replay(live.simulation(), List.of("engine.partitions=3")));
  }

  private static void assertSameWithoutEngine(SortedMap<String, Object> a, SortedMap<String, Object> b)
      throws Exception {
    assertEquals(json(ScenarioRuns.withoutEngine(a)), json(ScenarioRuns.withoutEngine(b)), "the replay at three partitions");
  }

  @Test
  void injectedFaultsActAreCountedAndRecordedWithTheirTimes() throws Exception {
    Live live = hops;
    List<FaultEvent> taken = live.simulation().faultInjector().taken();
    // The crash asked for 3 s arrives at the 5 s boundary; the partition keeps its 7 s.
    assertEquals(List.of(5 * S, 7 * S, 10 * S, 11 * S, 30 * S, 30 * S), taken.stream().map(FaultEvent::timeNs).toList());
    assertEquals(30 * S, taken.get(4).fault().endNs(), "the restore ends the crash: " + taken.get(4));
    Map<String, Object> faults = map(live.summary(), "faults");
    assertEquals(4, number(faults, "count"), "faults " + faults);
    assertEquals(1, number(faults, "storm"), "faults " + faults);
    Map<String, Object> fd = map(map(live.summary(), "store"), "failureDetector");
    // Convictions of the crashed server count as detections (its outage was noted), not false suspicions.
    assertTrue(number(fd, "detections") >= 3, "the other servers convict the crashed one: " + fd);
    Map<String, Object> hints = map(map(live.summary(), "store"), "hints");
    assertTrue(number(hints, "stored") > 0, "writes the crashed server and the far region missed are hinted: " + hints);
    Map<String, Object> network = map(live.summary(), "network");
    assertTrue(number(network, "lostAtCuts") > 0, "frames are lost at the cuts: " + network);
    Map<String, Object> storm = map(map(network, "backgroundFlows"), "injected-storm-1-a-b");
    assertTrue(number(storm, "deliveredGbit") > 0, "the storm flowed: " + storm);
    String recorded = live.simulation().renderResolved();
    List<FaultEvent> reloaded = ScenarioLoader.parse("replay.conf", recorded, List.of()).faults().injected();
    assertEquals(describe(taken), describe(reloaded), "the resolved config records what was taken");
  }

  /**
   * A slow disk, a gray failure (both asked for at their start, 10 s) and a clock jump (asked for
   * at 10 s for 15 s) injected during the run act as the same faults scheduled in the config: the
   * summaries are equal apart from {@code engine}; and the recorded run replays identically at
   * three partitions.
   */
  @Test
  void injectedServerStateFaultsActAsScheduledOnesAndReplay() throws Exception {
    String gray = "eu-west/euw1-a/rack-1/srv-1";
    String slow = "us-east/use1-a/rack-1/srv-2";
    String jump = "us-east/use1-a/rack-1/srv-3";
    Live injected = live(List.of("store.workload.keys=200"), (injector, s) -> {
      if (s.timeNs() == 10 * S) {
        injector.inject(new FaultSpec(FaultKind.SLOW_DISK, 10 * S, 25 * S, slow, null, 1000));
        injector.inject(new FaultSpec(FaultKind.GRAY_FAILURE, 10 * S, Long.MAX_VALUE, gray, null));
        injector.inject(new FaultSpec(FaultKind.CLOCK_JUMP, 15 * S, Long.MAX_VALUE, jump, null, -5e9));
      } else if (s.timeNs() == 25 * S) {
        injector.end(new FaultSpec(FaultKind.GRAY_FAILURE, 0, 1, gray, null));
      }
    });
    SortedMap<String, Object> scheduled = ScenarioRuns.results(RUNTIME.get(), SCENARIO, BASE, List.of(
        "store.workload.keys=200", "faults=[{at=10s, kind=slow-disk, target=\"" + slow + "\", factor=1000, duration=15s},"
        + "{at=10s, kind=gray-failure, target=\"" + gray + "\", duration=15s},"
        + "{at=15s, kind=clock-jump, target=\"" + jump + "\", by=-5s}]"));
    Map<String, Object> faults = map(injected.summary(), "faults");
    assertEquals(3, number(faults, "count"), "faults " + faults);
    assertEquals(1, number(faults, "clock-jump"), "faults " + faults);
    assertTrue(number(op(injected.summary(), "read"), "failed") > 0, "reads waiting for the gray server fail: "
        + op(injected.summary(), "read"));
    assertTrue(number(map(injected.summary(), "consistency"), "lostAcknowledgedWrites") > 0,
        "the jump loses writes: " + map(injected.summary(), "consistency"));
    assertSameWithoutEngine(scheduled, injected.summary());
    assertSameWithoutEngine(injected.summary(), replay(injected.simulation(), List.of("engine.partitions=3")));
  }

  /**
   * A WAN degradation (5 ms more each way, 10 % loss, half the bandwidth) injected at 10 s and
   * ended at 25 s acts as the same fault scheduled for 15 s, and replays identically at three
   * partitions, hop by hop and in paths mode: the losses are drawn from per-port streams.
   */
  @ParameterizedTest
  @ValueSource(strings = {"hops", "paths"})
  void anInjectedLinkDegradationActsAsAScheduledOneAndReplays(String mode) throws Exception {
    List<String> wan = List.of("us-east", "eu-west");
    Degradation degradation = new Degradation(5_000_000, 0.1, 0.5, Double.POSITIVE_INFINITY);
    List<String> sets = List.of("network.mode=" + mode);
    Live injected = live(sets, (injector, s) -> {
      if (s.timeNs() == 10 * S) {
        injector.inject(FaultSpec.linkDegradation(10 * S, Long.MAX_VALUE, wan.get(0), wan.get(1), degradation));
      } else if (s.timeNs() == 25 * S) {
        injector.end(FaultSpec.linkDegradation(0, 1, wan.get(0), wan.get(1), degradation));
      }
    });
    List<String> scheduledSets = new ArrayList<>(sets);
    scheduledSets.add("faults=[{at=10s, kind=link-degradation, between=[us-east, eu-west], latency=5ms, loss=0.1, "
        + "bandwidth-factor=0.5, duration=15s}]");
    SortedMap<String, Object> scheduled = ScenarioRuns.results(RUNTIME.get(), SCENARIO, BASE, scheduledSets);
    assertTrue(number(map(injected.summary(), "network"), "lostToLoss") > 0, "frames are lost: "
        + map(injected.summary(), "network"));
    assertEquals(1, number(map(injected.summary(), "faults"), "link-degradation"));
    assertSameWithoutEngine(scheduled, injected.summary());
    assertSameWithoutEngine(injected.summary(), replay(injected.simulation(), List.of("engine.partitions=3")));
  }

  /**
   * A partition of rack-1 of us-east against the other us-east rack and eu-west, injected at 10 s
   * and ended at 20 s, acts as the same partition scheduled for 10 s, and its recorded run replays:
   * hop by hop, the replay is byte for byte and the scheduled run at three partitions equal apart
   * from {@code engine}; in paths mode, the replay at three partitions. The fabric's partition
   * table is switched between windows.
   */
  @ParameterizedTest
  @ValueSource(strings = {"hops", "paths"})
  void anInjectedPartitionActsAsAScheduledOneAndReplays(String mode) throws Exception {
    List<String> rack1 = List.of("us-east/use1-a/rack-1");
    List<String> rest = List.of("us-east/use1-a/rack-2", "eu-west");
    boolean hopByHop = mode.equals("hops");
    Live injected = live(List.of("network.mode=" + mode), (injector, s) -> {
      if (s.timeNs() == 10 * S) {
        injector.inject(FaultSpec.partition(10 * S, Long.MAX_VALUE, rack1, rest));
      } else if (s.timeNs() == 20 * S) {
        injector.end(FaultSpec.partition(0, 1, rack1, rest));
      }
    });
    assertTrue(number(map(injected.summary(), "network"), "lostAtCuts") > 100, "frames across it are lost: "
        + map(injected.summary(), "network"));
    assertEquals(1, number(map(injected.summary(), "faults"), "partition"));
    SortedMap<String, Object> replayed = replay(injected.simulation(), List.of("engine.partitions=" + (hopByHop ? 1 : 3)));
    if (hopByHop) assertEquals(json(injected.summary()), json(replayed), "the replay, byte for byte");
    SortedMap<String, Object> scheduled = ScenarioRuns.results(RUNTIME.get(), SCENARIO, BASE, List.of(
        "network.mode=" + mode, "engine.partitions=" + (hopByHop ? 3 : 1), "faults=[{at=10s, kind=partition, "
            + "sides=[[us-east/use1-a/rack-1], [us-east/use1-a/rack-2, eu-west]], duration=10s}]"));
    assertSameWithoutEngine(scheduled, injected.summary());
    assertSameWithoutEngine(injected.summary(), replayed);
  }

  @Test
  void faultsThatCannotActAreRefusedAtOnce() throws Exception {
    Simulation sim = Simulation.create(ScenarioLoader.load(SCENARIO, BASE));
    FaultInjector injector = sim.faultInjector();
    assertThrows(IllegalArgumentException.class,
        () -> injector.inject(new FaultSpec(FaultKind.SLOW_DISK, S, 2 * S, "us-east/use1-a/rack-1", null, 10)));
    assertThrows(IllegalArgumentException.class,
        () -> injector.inject(FaultSpec.serverCrash(S, 2 * S, "us-east/use1-a/rack-9/srv-1")));
    assertThrows(IllegalArgumentException.class,
        () -> injector.inject(FaultSpec.regionPartition(S, 2 * S, "us-east", "mars")));
  }

  /** What a replay needs of each injection: time, start or end, kind, place, and a start's end and amount. */
  private static List<String> describe(List<FaultEvent> events) {
    return events.stream().map(e -> e.timeNs() + " " + (e.start() ? "start " + e.fault().endNs() + " " + e.fault().amount()
        : "end") + " " + e.fault().describe()).toList();
  }

  private static String json(SortedMap<String, Object> summary) throws Exception {
    return new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(summary);
  }
}
