package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The aggregated (fluid) fleet model agrees with the per-request simulation on a small case: one
 * server of c cores under a constant Poisson load, as the queue model (configs/validation/queue.conf)
 * simulates request by request, against the fleet model's single region of one fixed server.
 */
class FleetAgreementTest {
  private static final Path QUEUE = Path.of("../configs/validation/queue.conf");
  private static final Path ANIMOTO = Path.of("../configs/scenarios/animoto.conf");
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();


  @ParameterizedTest(name = "c={0}, lambda={1}/s")
  @CsvSource({"1, 50", "1, 80", "1, 90", "4, 320", "4, 360"})
  @SuppressWarnings("unchecked")
  void fluidLatenciesMatchThePerRequestSimulation(int cores, double lambda) throws Exception {
    SortedMap<String, Object> perRequest = ScenarioRuns.results(RUNTIME.get(), QUEUE, List.of(), List.of(
        "queue.servers=" + cores, "queue.arrival-rate=" + lambda, "queue.duration=3h"));
    SortedMap<String, Object> fluid = ScenarioRuns.results(RUNTIME.get(), ANIMOTO, List.of(), List.of(
        "duration=1h", "fleet.service-time=10ms", "fleet.cores=" + cores, "fleet.autoscaler.policy=none",
        "fleet.autoscaler.min=1", "fleet.regions=[{name=a, rate=" + lambda + ", servers=1, utc-offset=0, shape=[]}]"));
    Map<String, Object> expected = latency(perRequest);
    Map<String, Object> actual = latency(fluid);
    for (String key : List.of("p50", "p95", "p99")) {
      double e = ((Number) expected.get(key)).doubleValue();
      double a = ((Number) actual.get(key)).doubleValue();
      assertEquals(e, a, 0.06 * e, key + ": per-request " + e + " ms, fluid " + a + " ms");
    }
    double meanPerRequest = ((Number) expected.get("mean")).doubleValue();
    double meanFluid = ((Number) actual.get("mean")).doubleValue();
    assertTrue(meanFluid >= 0.95 * meanPerRequest && meanFluid <= 1.15 * meanPerRequest,
        "mean: per-request " + meanPerRequest + " ms, fluid " + meanFluid + " ms (the grid overestimates a little)");
    Map<String, Object> u = (Map<String, Object>) fluid.get("utilization");
    assertEquals(lambda * 0.010 / cores, ((Number) u.get("serverCpuMean")).doubleValue(), 1e-3);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> latency(SortedMap<String, Object> summary) {
    Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) summary.get("operations")).get("request");
    return (Map<String, Object>) request.get("latencyMs");
  }
}
