package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code model = store} on configs/scenarios/store-3-regions-small.conf (960 nodes, one replica per
 * region), shortened to 2 s at 5 requests per second per server, with a 3 kB memtable so that
 * flushes and compactions run too.
 */
class StoreScenarioTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/store-3-regions-small.conf");
  private static final List<String> SHORT = List.of("duration=2s", "metrics.interval=500ms",
      "store.workload.rate-per-server=5", "store.memtable-flush-bytes=3kB");
  /** Round trips of three-regions.conf: us-east - eu-west, the farthest region from us-east. */
  private static final double US_EAST_FARTHEST_RTT_MS = 80.55;
  private static final double US_WEST_FARTHEST_RTT_MS = 153.2;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static SortedMap<String, Object> baseline;

  @BeforeAll
  static void setUp() throws Exception {
    baseline = ScenarioRuns.results(RUNTIME.get(), SCENARIO, SHORT, List.of("engine.partition-by=none", "engine.partitions=1"));
  }

  @ParameterizedTest(name = "partition-by={0}, partitions={1}")
  @CsvSource({"region, 3", "datacenter, 4"})
  void resultsDoNotDependOnPartitioning(String by, int partitions) throws Exception {
    assertEquals(baseline, ScenarioRuns.results(RUNTIME.get(), SCENARIO, SHORT,
        List.of("engine.partition-by=" + by, "engine.partitions=" + partitions)));
  }

  @Test
  void baselineServesRequestsAndRunsTheStorageEngine() {
    Map<String, Object> write = op(baseline, "write");
    Map<String, Object> read = op(baseline, "read");
    assertTrue(number(write, "ok") > 4_000, "writes " + write);
    assertTrue(number(read, "ok") > 4_000, "reads " + read);
    assertEquals(0, number(write, "failed"));
    assertEquals(0, number(read, "failed"));
    Map<String, Object> store = map(baseline, "store");
    assertTrue(number(store, "flushes") > 0 && number(store, "compactions") > 0, "store " + store);
    assertTrue(number(store, "sstables") > 0, "store " + store);
    assertTrue(number(store, "writeAmplification") > 2, "flushes and compactions rewrite the commit log's bytes: " + store);
    assertTrue(number(store, "diskUtilizationMax") > 0, "store " + store);
    // LOCAL_QUORUM of one local copy answers within the region: far below any WAN round trip.
    assertTrue(number(map(write, "latencyMs"), "p99") < 10, "write latency " + write.get("latencyMs"));
  }

  @Test
  void allPaysTheWanRoundTripThatOneDoesNot() throws Exception {
    SortedMap<String, Object> one = levels("ONE", "ONE");
    SortedMap<String, Object> all = levels("ALL", "ALL");
    for (String op : List.of("write", "read")) {
      double p50One = number(map(op(one, op), "latencyMs"), "p50");
      double p50All = number(map(op(all, op), "latencyMs"), "p50");
      assertTrue(p50All > p50One, op + ": p50 at ALL " + p50All + " ms, at ONE " + p50One + " ms");
      assertTrue(p50One < 10, op + " at ONE stays in the region: " + p50One + " ms");
      Map<String, Object> byRegion = map(op(all, op), "latencyMsByRegion");
      assertTrue(number(map(byRegion, "us-east"), "p50") >= US_EAST_FARTHEST_RTT_MS, op + " " + byRegion);
      assertTrue(number(map(byRegion, "us-west"), "p50") >= US_WEST_FARTHEST_RTT_MS, op + " " + byRegion);
      assertTrue(number(map(byRegion, "eu-west"), "p50") >= US_WEST_FARTHEST_RTT_MS, op + " " + byRegion);
    }
  }

  @Test
  void aCutRegionFailsRequestsAtAllButNotAtLocalOne() throws Exception {
    List<String> cut = List.of("duration=3s", "network.cuts=[{start=0s, isolate=eu-west}]",
        "store.request-timeout.write=1s", "store.request-timeout.read=1s");
    Conserved all = conserved(cut, "ALL");
    Conserved localOne = conserved(cut, "LOCAL_ONE");
    for (String op : List.of("write", "read")) {
      assertTrue(number(op(all.summary, op), "failed") > 1_000, op + " at ALL " + op(all.summary, op));
      assertEquals(0, number(op(localOne.summary, op), "failed"), op + " at LOCAL_ONE " + op(localOne.summary, op));
      assertTrue(number(op(localOne.summary, op), "ok") > 5_000, op + " at LOCAL_ONE " + op(localOne.summary, op));
    }
    assertTrue(number(map(all.summary, "network"), "lostAtCuts") > 0, "the cut loses messages");
  }

  /** Every request started ends ok, failed or in flight, and the coordinators hold exactly the ones in flight. */
  private static Conserved conserved(List<String> cut, String level) throws Exception {
    List<String> sets = new ArrayList<>(SHORT);
    sets.addAll(cut);
    sets.add("store.write-consistency=" + level);
    sets.add("store.read-consistency=" + level);
    Simulation sim = Simulation.create(ScenarioLoader.load(SCENARIO, sets)).observe(new Invariants());
    RunResult result = sim.run(RUNTIME.get());
    SortedMap<String, Object> summary = RunSummary.of(sim, result);
    long inFlight = 0;
    for (String op : List.of("write", "read")) {
      Map<String, Object> o = op(summary, op);
      long started = result.counter("store." + op + ".started");
      assertEquals(started, (long) (number(o, "ok") + number(o, "failed") + number(o, "inFlight")), op + " " + o);
      inFlight += (long) number(o, "inFlight");
    }
    assertEquals(inFlight, sim.store().requestsInFlight(), "requests the coordinators still hold");
    // At most one timeout's worth of arrivals (960 servers x 5/s x 1 s) can be waiting: finished requests are dropped.
    assertTrue(inFlight < 960 * 5 * 2, "in flight " + inFlight);
    return new Conserved(summary);
  }

  private record Conserved(SortedMap<String, Object> summary) {}

  private static SortedMap<String, Object> levels(String write, String read) throws Exception {
    return ScenarioRuns.results(RUNTIME.get(), SCENARIO, SHORT,
        List.of("store.write-consistency=" + write, "store.read-consistency=" + read));
  }

  @Test
  void anotherSeedGivesOtherResults() throws Exception {
    assertNotEquals(baseline, ScenarioRuns.results(RUNTIME.get(), SCENARIO, SHORT, List.of("seed=2")));
  }

  private static Map<String, Object> op(Map<String, Object> summary, String op) {
    return map(map(summary, "operations"), op);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  private static double number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }
}
