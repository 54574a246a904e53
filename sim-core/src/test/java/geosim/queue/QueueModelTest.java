package geosim.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.RunResult;
import geosim.scenario.RunSummary;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The queue scenario end to end: determinism, partitioning, and cases with exact answers. */
class QueueModelTest {
  private static final Path CONFIG = Path.of("../configs/validation/queue.conf");
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();


  private static SortedMap<String, Object> summary(String... sets) throws Exception {
    List<String> all = new ArrayList<>(List.of("queue.duration=10m", "metrics.interval=1m"));
    all.addAll(List.of(sets));
    Simulation sim = Simulation.create(ScenarioLoader.load(CONFIG, all));
    return RunSummary.of(sim, sim.run(RUNTIME.get()));
  }

  private static RunResult result(String... sets) throws Exception {
    List<String> all = new ArrayList<>(List.of("queue.duration=10m", "metrics.interval=1m"));
    all.addAll(List.of(sets));
    return Simulation.create(ScenarioLoader.load(CONFIG, all)).run(RUNTIME.get());
  }

  @Test
  void sameSeedTwiceGivesAnIdenticalSummary() throws Exception {
    SortedMap<String, Object> first = summary("seed=7");
    SortedMap<String, Object> second = summary("seed=7"); // a separate run
    assertEquals(first, second);
    assertNotEquals(summary("seed=7").get("operations"), summary("seed=8").get("operations"));
  }

  @Test
  void resultsDoNotDependOnPartitioning() throws Exception {
    SortedMap<String, Object> alone = summary("queue.servers=2", "queue.arrival-rate=150");
    // partition-by server makes source and server two units: requests then cross partitions.
    SortedMap<String, Object> split = summary("queue.servers=2", "queue.arrival-rate=150",
        "engine.partition-by=server", "engine.partitions=2");
    alone.remove("engine");
    split.remove("engine");
    assertEquals(alone, split);
  }

  @Test
  void summaryCarriesTheContractsFields() throws Exception {
    SortedMap<String, Object> s = summary();
    Map<?, ?> request = (Map<?, ?>) ((Map<?, ?>) s.get("operations")).get("request");
    assertEquals(List.of("count", "failed", "inFlight", "latencyMs", "ok"), List.copyOf(request.keySet()));
    assertEquals(List.of("max", "mean", "p50", "p95", "p99", "p999"),
        List.copyOf(((Map<?, ?>) request.get("latencyMs")).keySet()));
    assertEquals(List.of("serverCpuMax", "serverCpuMean"), List.copyOf(((Map<?, ?>) s.get("utilization")).keySet()));
    assertEquals(600.0, s.get("virtualSeconds")); // queue.duration sets the run's length
  }

  @Test
  void withoutQueueingEveryResponseIsExactlyTheServiceTime() throws Exception {
    // Deterministic 1 ms service on 4096 cores: nothing ever waits.
    RunResult r = result("queue.servers=4096", "queue.service-distribution=deterministic",
        "queue.mean-service-time=1ms", "queue.arrival-rate=1000");
    Histogram us = r.histograms().get(QueueModel.LATENCY_US);
    long ok = r.counter(QueueModel.COMPLETED);
    assertEquals(1_000, us.getMinValue());
    assertEquals(1_000, us.getMaxValue());
    assertEquals(ok * 1_000_000L, r.counter(QueueModel.LATENCY_NS_SUM));
    // Busy core-time is one service per request that started, counted exactly up to the end.
    long arrivals = r.counter(QueueModel.ARRIVALS);
    long busy = r.counter(QueueModel.CPU_BUSY_CORE_NS);
    assertTrue(busy <= arrivals * 1_000_000L && busy >= ok * 1_000_000L, "busy " + busy);
    assertTrue(arrivals - ok <= 5, "in flight at the end " + (arrivals - ok));
  }

  @Test
  void overloadedQueueKeepsGrowingAndTheCpuIsFullyBusy() throws Exception {
    SortedMap<String, Object> s = summary("queue.arrival-rate=200"); // rho = 2
    double cpu = (Double) ((Map<?, ?>) s.get("utilization")).get("serverCpuMean");
    assertTrue(cpu > 0.9999 && cpu <= 1.0, "utilization " + cpu);
    Map<?, ?> request = (Map<?, ?>) ((Map<?, ?>) s.get("operations")).get("request");
    assertTrue((Long) request.get("inFlight") > 50_000, "backlog " + request.get("inFlight"));
  }
}
