package geosim.scenario;

import static geosim.scenario.SummaryValues.map;
import static geosim.scenario.SummaryValues.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.node.Disk;
import geosim.node.DiskSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * configs/scenarios/ssd-vs-hdd.conf: HDD against SSD store nodes compared at equal p99. For each
 * medium a search finds the highest client rate whose p99 stays within the target (and nothing
 * failed), then the test compares the work done per dollar and per kWh at those rates.
 */
class SsdVsHddScenarioTest {
  private static final Path FILE = Path.of("../configs/scenarios/ssd-vs-hdd.conf");
  /** The p99 target of docs/scenarios/ssd-vs-hdd.md, ms. */
  static final double TARGET_P99_MS = 50;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static CapacitySearch.Result hdd;
  private static CapacitySearch.Result ssd;

  @BeforeAll
  static void search() throws Exception {
    hdd = CapacitySearch.run(rate -> run("hdd", rate), TARGET_P99_MS);
    ssd = CapacitySearch.run(rate -> run("ssd", rate), TARGET_P99_MS);
  }

  @Test
  void eachMediumIsLoadedUpToItsKneeWithinTheTarget() {
    for (CapacitySearch.Result r : List.of(hdd, ssd)) {
      assertTrue(CapacitySearch.p99Ms(r.best()) <= TARGET_P99_MS, "p99 at the best rate " + r);
      assertEquals(1.0, number(map(r.best(), "clients"), "ok") / number(map(r.best(), "clients"), "requests"), 0.01, "" + r);
      assertTrue(r.failingRate() <= r.bestRate() * 1.2, "the next rate up misses the target: " + r);
    }
  }

  @Test
  void ssdDoesMoreWorkPerDollarAndPerKwhForRandomReadsThatMissMemory() {
    Map<String, Object> h = map(hdd.best(), "cost");
    Map<String, Object> s = map(ssd.best(), "cost");
    assertTrue(number(s, "opsPerUsd") > 2 * number(h, "opsPerUsd"), "ops per $: hdd " + h + ", ssd " + s);
    assertTrue(number(s, "opsPerKwh") > 2 * number(h, "opsPerKwh"), "ops per kWh: hdd " + h + ", ssd " + s);
    // An SSD server costs more per hour than an HDD server: the gain is throughput, not price.
    assertTrue(number(s, "usd") / number(s, "instanceHours") > number(h, "usd") / number(h, "instanceHours"),
        "$ per server-hour: hdd " + h + ", ssd " + s);
  }

  @Test
  void theBottleneckMovesFromTheDiskToTheCpu() {
    double hddDisk = number(map(hdd.best(), "store"), "diskUtilizationMean");
    double ssdDisk = number(map(ssd.best(), "store"), "diskUtilizationMean");
    double hddCpu = number(map(hdd.best(), "utilization"), "serverCpuMean");
    double ssdCpu = number(map(ssd.best(), "utilization"), "serverCpuMean");
    String shown = "disk utilization hdd " + hddDisk + ", ssd " + ssdDisk + "; CPU hdd " + hddCpu + ", ssd " + ssdCpu;
    assertTrue(hddDisk > hddCpu && ssdCpu > ssdDisk, "each medium's busiest resource: " + shown);
    assertTrue(hddDisk > 5 * ssdDisk && ssdCpu > 5 * hddCpu, shown);
  }

  @Test
  void preloadedKeysPutTheDataSetOnDiskSoEveryReadPaysARandomRead() throws Exception {
    SortedMap<String, Object> loaded = run("hdd", 20);
    SortedMap<String, Object> empty = ScenarioRuns.results(RUNTIME.get(), FILE, List.of(),
        List.of("vars.rate=20", "duration=5s", "store.workload.preloaded-keys=0"));
    double positioningMs = DiskSpec.hdd().positioningNs(Disk.Access.RANDOM) / 1e6;
    assertTrue(number(map(loaded, "store"), "readAmplification") >= 1, "loaded " + loaded.get("store"));
    assertTrue(number(map(SummaryValues.op(loaded, "read"), "latencyMs"), "p50") > positioningMs,
        "a read of a loaded key seeks: " + SummaryValues.op(loaded, "read"));
    assertTrue(number(map(empty, "store"), "readAmplification") < 0.1, "empty " + empty.get("store"));
    assertTrue(number(map(SummaryValues.op(empty, "read"), "latencyMs"), "p50") < positioningMs / 4,
        "a read of a key nobody wrote finds nothing on disk: " + SummaryValues.op(empty, "read"));
    assertEquals(0.0, number(map(loaded, "consistency"), "staleReads"), "loaded " + loaded.get("consistency"));
  }

  /** One run at {@code rate} requests per second, long enough for about 3,000 requests, at least 2 s. */
  private static SortedMap<String, Object> run(String disk, double rate) throws ScenarioConfigException {
    long seconds = Math.max(2, (long) Math.ceil(3000 / rate));
    return ScenarioRuns.results(RUNTIME.get(), FILE, List.of(),
        List.of("vars.disk=" + disk, "vars.rate=" + rate, "duration=" + seconds + "s"));
  }
}
