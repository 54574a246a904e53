package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.Snapshot;
import geosim.store.node.StoreModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store's per-server CPU channel ({@link Simulation#recordCpuPerServer}), which the live view's
 * heat map colours servers by: each server's rate over an interval is its own utilization, the
 * region's servers average to the region's utilization histogram, the crashed server idles, and
 * asking for the channel changes no result.
 */
class ServerCpuChannelTest {
  private static final Path FAULTS = Path.of("../configs/scenarios/store-faults-small.conf");
  private static final List<String> SETS = List.of("duration=20s", "metrics.interval=2s",
      "engine.partitions=1", "faults=[{at=5s, kind=server-crash, target=\"us-east/use1-a/rack-1/srv-1\", duration=12s}]");
  private static final String CRASHED = "us-east/use1-a/rack-1/srv-1"; // down from 5 s to 17 s
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();

  @Test
  void eachServersRateIsItsOwnUtilizationAndTheyAverageToTheRegionsHistogram() throws Exception {
    List<Snapshot> snapshots = new ArrayList<>();
    Simulation sim = Simulation.create(ScenarioLoader.load(FAULTS, SETS)).recordCpuPerServer();
    sim.observe(new Invariants()).observe(snapshots::add);
    sim.run(RUNTIME.get());
    Snapshot previous = null;
    int checked = 0;
    for (Snapshot s : snapshots) {
      if (previous != null && s.timeNs() > previous.timeNs()) {
        double seconds = (s.timeNs() - previous.timeNs()) / 1e9;
        for (String region : List.of("us-east", "eu-west")) {
          double sum = 0;
          int servers = 0;
          for (Map.Entry<String, Long> c : s.counters().entrySet()) {
            String name = c.getKey();
            if (!name.startsWith("server." + region + "/") || !name.endsWith(".cpu-ns")) continue;
            double utilization = (c.getValue() - previous.counter(name)) / 1e9 / seconds;
            assertTrue(utilization >= 0 && utilization <= 1, name + " " + utilization);
            sum += utilization;
            servers++;
          }
          assertEquals(6, servers, "every server of " + region + " has the channel");
          Histogram h = s.intervalHistograms().get(StoreModel.cpuUtilizationMetric(region));
          double mean = h.getMean() / 1e6;
          assertTrue(mean > 0, region + " is busy");
          // The histogram holds each server's utilization rounded to a ppm, to 3 significant digits.
          assertEquals(mean, sum / servers, 1e-6 + 2e-3 * mean, region + " at " + s.timeNs() / 1e9 + " s");
          checked++;
        }
        double crashed = (s.counter("server." + CRASHED + ".cpu-ns") - previous.counter("server." + CRASHED + ".cpu-ns")) / 1e9 / seconds;
        if (previous.timeNs() >= 6_000_000_000L && s.timeNs() <= 16_000_000_000L) {
          assertEquals(0, crashed, 1e-12, "the crashed server idles, interval ending at " + s.timeNs() / 1e9 + " s");
        }
      }
      previous = s;
    }
    assertTrue(checked >= 18, "region intervals checked: " + checked);
  }

  @Test
  void askingForTheChannelChangesNoResult() throws Exception {
    Simulation plain = Simulation.create(ScenarioLoader.load(FAULTS, SETS));
    Simulation withCpu = Simulation.create(ScenarioLoader.load(FAULTS, SETS)).recordCpuPerServer();
    SortedMap<String, Object> a = ScenarioRuns.withoutEngine(RunSummary.of(plain, plain.run(RUNTIME.get())));
    SortedMap<String, Object> b = ScenarioRuns.withoutEngine(RunSummary.of(withCpu, withCpu.run(RUNTIME.get())));
    a.remove("wallSeconds");
    b.remove("wallSeconds");
    assertEquals(a, b);
  }
}
