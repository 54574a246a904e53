package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.fabric.Fabric;
import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.Snapshot;
import geosim.network.LinkTier;
import geosim.store.node.StoreModel;
import geosim.topology.Link;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-element load channels ({@link Simulation#recordPerElement}) the live view's drill-down
 * colours servers and switches by: each server's rate over an interval is its own CPU utilization
 * and each link's its own utilization; they average to their region's and tier's utilization
 * histograms; the crashed server idles; and asking for them changes no result.
 */
class PerElementLoadTest {
  private static final Path FAULTS = Path.of("../configs/scenarios/store-faults-small.conf");
  private static final List<String> SETS = List.of("duration=20s", "metrics.interval=2s",
      "engine.partitions=1", "faults=[{at=5s, kind=server-crash, target=\"us-east/use1-a/rack-1/srv-1\", duration=12s}]");
  private static final String CRASHED = "us-east/use1-a/rack-1/srv-1"; // down from 5 s to 17 s
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();

  @Test
  void eachServersAndLinksRateIsItsOwnUtilizationAndTheyAverageToTheHistograms() throws Exception {
    List<Snapshot> snapshots = new ArrayList<>();
    Simulation sim = Simulation.create(ScenarioLoader.load(FAULTS, SETS)).recordPerElement();
    sim.observe(new Invariants()).observe(snapshots::add);
    sim.run(RUNTIME.get());
    Snapshot previous = null;
    int checked = 0;
    int linkTiers = 0;
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
        for (LinkTier tier : LinkTier.values()) {
          Histogram h = s.intervalHistograms().get(Fabric.linkUtilizationMetric(tier));
          if (h == null) continue;
          double sum = 0;
          int links = 0;
          for (Link link : sim.fabric().links()) {
            if (LinkTier.of(link) != tier) continue;
            String name = Fabric.linkBusyMetric(link);
            double utilization = (s.counter(name) - previous.counter(name)) / 1e9 / seconds;
            assertTrue(utilization >= 0 && utilization <= 1, name + " " + utilization);
            sum += utilization;
            links++;
          }
          assertEquals(h.getTotalCount(), links, tier + ": one sample per link");
          double mean = h.getMean() / 1e6;
          assertEquals(mean, sum / links, 1e-6 + 2e-3 * mean, tier + " at " + s.timeNs() / 1e9 + " s");
          linkTiers++;
        }
        double crashed = (s.counter("server." + CRASHED + ".cpu-ns") - previous.counter("server." + CRASHED + ".cpu-ns")) / 1e9 / seconds;
        if (previous.timeNs() >= 6_000_000_000L && s.timeNs() <= 16_000_000_000L) {
          assertEquals(0, crashed, 1e-12, "the crashed server idles, interval ending at " + s.timeNs() / 1e9 + " s");
        }
      }
      previous = s;
    }
    assertTrue(checked >= 18, "region intervals checked: " + checked);
    assertTrue(linkTiers >= 30, "link tiers by interval checked: " + linkTiers);
  }

  @Test
  void askingForTheChannelChangesNoResult() throws Exception {
    Simulation plain = Simulation.create(ScenarioLoader.load(FAULTS, SETS));
    Simulation withCpu = Simulation.create(ScenarioLoader.load(FAULTS, SETS)).recordPerElement();
    SortedMap<String, Object> a = ScenarioRuns.withoutEngine(RunSummary.of(plain, plain.run(RUNTIME.get())));
    SortedMap<String, Object> b = ScenarioRuns.withoutEngine(RunSummary.of(withCpu, withCpu.run(RUNTIME.get())));
    a.remove("wallSeconds");
    b.remove("wallSeconds");
    assertEquals(a, b);
  }
}
