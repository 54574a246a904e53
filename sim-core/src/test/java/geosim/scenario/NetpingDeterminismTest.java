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

/** The netping scenario gives the same summary at any partitioning (the lookahead changes with it). */
class NetpingDeterminismTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/three-regions-ping.conf");
  private static final List<String> SHORT = List.of("duration=5s", "metrics.interval=1s");
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static SortedMap<String, Object> baseline;

  @BeforeAll
  static void setUp() throws Exception {
    baseline = summary(List.of("engine.partition-by=none", "engine.partitions=1"));
  }

  private static SortedMap<String, Object> summary(List<String> sets) throws Exception {
    return ScenarioRuns.results(RUNTIME.get(), SCENARIO, SHORT, sets);
  }

  @ParameterizedTest(name = "partition-by={0}, partitions={1}")
  @CsvSource({"region, 1", "region, 3", "datacenter, 4", "rack, 5", "server, 8"})
  void resultsDoNotDependOnPartitioning(String by, int partitions) throws Exception {
    assertEquals(baseline, summary(List.of("engine.partition-by=" + by, "engine.partitions=" + partitions)));
  }

  /** The congestion scenario squeezed into 5 s: its backup flows from 1 s, us-west cut off from 2 to 4 s. */
  private static SortedMap<String, Object> congestion(String by, int partitions) throws Exception {
    List<String> sets = new java.util.ArrayList<>(List.of("engine.partition-by=" + by, "engine.partitions=" + partitions,
        "network.cuts=[{start=2s, duration=2s, isolate=us-west}]"));
    StringBuilder flows = new StringBuilder("network.background-flows=[");
    for (int i = 1; i <= 12; i++) {
      flows.append(i > 1 ? ", " : "").append("{from=us-east/use1-a/rack-1/srv-").append(i).append(", to=eu-west/euw1-a/rack-1/srv-").append(i)
          .append(", rate-gbps=10, start=1s}");
    }
    sets.add(flows.append("]").toString());
    return ScenarioRuns.results(RUNTIME.get(), Path.of("../configs/scenarios/three-regions-congestion.conf"), SHORT, sets);
  }

  @Test
  @SuppressWarnings("unchecked")
  void flowsAndCutsDoNotDependOnPartitioningEither() throws Exception {
    SortedMap<String, Object> one = congestion("none", 1);
    Map<String, Object> network = (Map<String, Object>) one.get("network");
    assertTrue(((Number) network.get("lostAtCuts")).longValue() > 0, "the cut loses pings: " + network);
    assertEquals(12, ((Map<String, Object>) network.get("backgroundFlows")).size());
    double linkMax = ((Number) ((Map<String, Object>) one.get("utilization")).get("linkIntervalMax")).doubleValue();
    assertEquals(1.0, linkMax, 0.001, "the flows fill a link");
    assertEquals(one, congestion("region", 3));
    assertEquals(one, congestion("rack", 5));
  }

  @Test
  @SuppressWarnings("unchecked")
  void baselineHasRoundTripsAndNetworkTraffic() {
    Map<String, Object> ping = (Map<String, Object>) ((Map<String, Object>) baseline.get("operations")).get("ping");
    Map<String, Object> network = (Map<String, Object>) baseline.get("network");
    assertTrue(((Number) ping.get("ok")).longValue() > 1_000, "ok " + ping.get("ok"));
    assertTrue(((Number) network.get("messages")).longValue() > 2_000, "messages " + network.get("messages"));
    double linkMax = ((Number) ((Map<String, Object>) baseline.get("utilization")).get("linkMax")).doubleValue();
    assertTrue(linkMax > 0 && linkMax < 1, "linkMax " + linkMax);
  }

  @Test
  void anotherSeedGivesOtherResults() throws Exception {
    assertTrue(!baseline.equals(summary(List.of("seed=2"))), "seed must matter");
  }
}
