package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * configs/scenarios/store-3-regions.conf (300 nodes, QUORUM writes, LOCAL_QUORUM reads, paths
 * network mode), shortened to half a virtual second at a third of its load: the file stays valid,
 * the run keeps its {@link Invariants}, and paths mode gives the same results on any partitioning.
 */
class StoreSpeedScenarioTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/store-3-regions.conf");
  private static final List<String> SHORT = List.of("duration=500ms", "metrics.interval=250ms",
      "store.workload.rate-per-server=100");
  /** The nearest other region of every region is at least half the us-east - us-west RTT away (36.37 ms one way). */
  private static final double NEAREST_RTT_MS = 72.74;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static SortedMap<String, Object> baseline;

  @BeforeAll
  static void setUp() throws Exception {
    baseline = ScenarioRuns.results(RUNTIME.get(), SCENARIO, SHORT, List.of("engine.partitions=1"));
  }

  @Test
  void quorumWritesPayTheNearestRegionAndLocalReadsDoNot() {
    Map<String, Object> ops = map(baseline, "operations");
    Map<String, Object> write = map(ops, "write");
    Map<String, Object> read = map(ops, "read");
    // 300 servers x 100 requests/s x 0.5 s, half of them reads; the last WAN round trip's worth is in flight.
    assertTrue(number(write, "ok") > 5_000 && number(read, "ok") > 5_000, "ops " + ops);
    assertEquals(0, number(write, "failed"));
    assertEquals(0, number(read, "failed"));
    assertTrue(number(map(write, "latencyMs"), "p50") >= NEAREST_RTT_MS, "write " + write.get("latencyMs"));
    assertTrue(number(map(read, "latencyMs"), "p99") < 10, "read " + read.get("latencyMs"));
    assertEquals(0, number(map(baseline, "store"), "speculativeRetries"),
        "a LOCAL_QUORUM read with one local replica has no replica to speculate to");
  }

  /** Paths mode must survive the loading (a fault plan's cuts once rebuilt the settings hop by hop). */
  @Test
  void theScenarioRunsInPathsModeWithAboutOneEventPerMessage() throws Exception {
    assertEquals(geosim.network.NetworkMode.PATHS, ScenarioLoader.load(SCENARIO, SHORT).network().mode());
    Map<String, Object> network = map(baseline, "network");
    // A write is ~6 messages and ~7 timers. Hop by hop every message is an event at each of its ~6
    // hops (events ~7x messages); in paths mode it is one (events ~2x messages).
    assertTrue(number(baseline, "events") < 4 * number(network, "messages"),
        "events " + baseline.get("events") + ", network " + network);
  }

  @ParameterizedTest(name = "partitions={0}, sync={1}")
  @CsvSource({"2, windows", "3, windows", "2, channels", "3, channels"})
  void pathsModeResultsDoNotDependOnPartitioningNorSync(int partitions, String sync) throws Exception {
    assertEquals(baseline, ScenarioRuns.results(RUNTIME.get(), SCENARIO, SHORT,
        List.of("engine.partitions=" + partitions, "engine.sync=" + sync)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  private static double number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }
}
