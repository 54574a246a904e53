package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.RunResult;
import geosim.kernel.Snapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Same scenario and seed give the same summary, at any partitioning, paused or not. */
class SimulationDeterminismTest {
  private static final Path ATLANTIC_PING = Path.of("../configs/scenarios/atlantic-ping.conf");
  private static final List<String> SHORT = List.of("duration=2m", "metrics.interval=10s");
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static SortedMap<String, Object> baseline;

  @BeforeAll
  static void setUp() throws Exception {
    baseline = summary(List.of("engine.partition-by=none", "engine.partitions=1"));
  }

  private static SortedMap<String, Object> summary(List<String> sets) throws Exception {
    return ScenarioRuns.results(RUNTIME.get(), ATLANTIC_PING, SHORT, sets);
  }


  @ParameterizedTest(name = "partition-by={0}, partitions={1}")
  @CsvSource({"region, 1", "region, 2", "server, 3", "server, 8", "none, 4"})
  void resultsDoNotDependOnPartitioning(String by, int partitions) throws Exception {
    assertEquals(baseline, summary(List.of("engine.partition-by=" + by, "engine.partitions=" + partitions)));
  }

  @Test
  void theSummaryHasTheContractKeysAndRealTraffic() {
    assertEquals(1.0, baseline.get("availability"), "nothing can fail in the ping model");
    for (String key : List.of("scenario", "seed", "virtualSeconds", "events", "operations")) {
      assertTrue(baseline.containsKey(key), key);
    }
    assertEquals(120.0, baseline.get("virtualSeconds"));
    @SuppressWarnings("unchecked")
    Map<String, Object> ping = (Map<String, Object>) ((Map<String, Object>) baseline.get("operations")).get("ping");
    long ok = (Long) ping.get("ok");
    // 8 servers, one ping a second each, for 120 s: about 960.
    assertTrue(ok > 850 && ok < 1070, "pings " + ok);
    @SuppressWarnings("unchecked")
    Map<String, Object> latency = (Map<String, Object>) ping.get("latencyMs");
    double max = (Double) latency.get("max");
    assertTrue(max >= 75.0 && max < 120.0, "max rtt " + max);
  }

  @Test
  void anotherSeedGivesOtherResults() throws Exception {
    assertNotEquals(baseline, summary(List.of("seed=2")));
  }

  @ParameterizedTest(name = "partitions={0}")
  @CsvSource({"1", "2"})
  void theEventBudgetStopsAtTheSamePointAtAnyPartitioning(int partitions) throws Exception {
    SortedMap<String, Object> one = summary(List.of("engine.event-budget=1000", "engine.partition-by=region",
        "engine.partitions=1"));
    SortedMap<String, Object> many = summary(List.of("engine.event-budget=1000", "engine.partition-by=server",
        "engine.partitions=" + partitions));
    assertEquals(one, many);
    assertEquals("event-budget", one.get("stopReason"));
    // Checked at each 10 s snapshot: about 24 events/s, so the run stops at the boundary after ~42 s.
    assertEquals(50.0, one.get("virtualSeconds"));
    assertTrue((Long) one.get("events") >= 1000, "events " + one.get("events"));
  }

  @Test
  void pausingAndSteppingDoNotChangeResults() throws Exception {
    Simulation sim = Simulation.create(ScenarioLoader.load(ATLANTIC_PING, SHORT));
    BlockingQueue<Long> snapshots = new ArrayBlockingQueue<>(100);
    sim.observe((Snapshot s) -> {
      if (s.timeNs() == 10_000_000_000L) sim.control().pause();
      snapshots.add(s.timeNs());
    });
    CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> sim.run(RUNTIME.get()));
    assertEquals(10_000_000_000L, snapshots.poll(60, TimeUnit.SECONDS));
    assertTrue(sim.control().isPaused());
    sim.control().step();
    assertEquals(20_000_000_000L, snapshots.poll(60, TimeUnit.SECONDS));
    sim.control().resume();
    RunResult result = run.get(60, TimeUnit.SECONDS);
    assertEquals(baseline, ScenarioRuns.withoutEngine(RunSummary.of(sim, result)));
    assertEquals(12, 2 + snapshots.size());
  }
}
