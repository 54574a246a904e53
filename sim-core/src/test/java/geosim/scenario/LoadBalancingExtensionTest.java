package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The app tier's load-balancing extension point ({@code store.app.balancer-class}): geosim's own
 * {@code LeastOutstanding}, named as a class of one's own, reproduces {@code balancing =
 * least-outstanding} exactly; a policy that always picks the first server overloads it (four
 * one-core app servers at 75 % utilization, as in {@link StoreClientsTest}).
 */
class LoadBalancingExtensionTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/store-clients-small.conf");
  private static final List<String> BASE = List.of("duration=10s", "store.app.servers-per-region=4",
      "store.app.cores=1", "store.app.service-time=10ms", "store.app.service-time-cv=3",
      "store.clients.populations=[{region=us-east, rate=300}]");
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();


  @Test
  void theBuiltInPolicyNamedAsAClassGivesTheSameRunAndABadOneOverloadsAServer() throws Exception {
    SortedMap<String, Object> builtIn = ScenarioRuns.results(RUNTIME.get(), SCENARIO, BASE,
        List.of("store.app.balancing=least-outstanding"));
    SortedMap<String, Object> byName = ScenarioRuns.results(RUNTIME.get(), SCENARIO, BASE,
        List.of("store.app.balancer-class=geosim.store.client.LeastOutstanding"));
    assertEquals("geosim.store.client.LeastOutstanding", map(byName, "app").get("balancing"));
    assertEquals(withoutBalancing(builtIn), withoutBalancing(byName));

    SortedMap<String, Object> bad = ScenarioRuns.results(RUNTIME.get(), SCENARIO, BASE,
        List.of("store.app.balancer-class=" + FirstServerOnly.class.getName()));
    double p99BuiltIn = number(map(map(builtIn, "clients"), "latencyMs"), "p99");
    double p99Bad = number(map(map(bad, "clients"), "latencyMs"), "p99");
    assertTrue(p99Bad > 10 * p99BuiltIn, "first server only " + p99Bad + " ms, least outstanding " + p99BuiltIn + " ms");
  }

  private static SortedMap<String, Object> withoutBalancing(SortedMap<String, Object> summary) {
    SortedMap<String, Object> copy = new TreeMap<>(summary);
    SortedMap<String, Object> app = new TreeMap<>(map(summary, "app"));
    app.remove("balancing");
    copy.put("app", app);
    copy.remove("wallSeconds");
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  private static double number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }
}
