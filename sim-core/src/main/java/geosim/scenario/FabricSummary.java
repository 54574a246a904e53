package geosim.scenario;

import geosim.fabric.Fabric;
import geosim.kernel.RunResult;
import geosim.network.LinkSchedule;
import geosim.network.LinkTier;
import geosim.network.TimedFlow;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** The parts of {@code summary.json} that any model on the {@link Fabric} writes; see {@link RunSummary}. */
final class FabricSummary {
  private FabricSummary() {}

  /**
   * {@code utilization} of a model of servers on the fabric: the servers' CPU busy time / (cores x
   * run time), mean and max over servers (the end state's, one per server), and the links' (see
   * {@link #linkUtilization}).
   */
  static SortedMap<String, Object> utilization(EndState end, RunResult result) {
    double[] serverCpu = end.serverCpu();
    SortedMap<String, Object> utilization = new TreeMap<>();
    utilization.put("serverCpuMean", Arrays.stream(serverCpu).average().orElse(0));
    utilization.put("serverCpuMax", Arrays.stream(serverCpu).max().orElse(0));
    linkUtilization(end, result, utilization);
    return utilization;
  }

  /**
   * Adds to {@code utilization}: {@code linkMax}, the busiest egress port's share of capacity
   * over the run (foreground frames and background flows); {@code linkIntervalMax}, the highest
   * share any port had in one metrics interval (3 significant digits).
   */
  static void linkUtilization(EndState end, RunResult result, SortedMap<String, Object> utilization) {
    utilization.put("linkMax", end.linkUtilizationMax());
    long ppmMax = 0;
    for (LinkTier tier : LinkTier.values()) {
      Histogram h = result.histograms().get(Fabric.linkUtilizationMetric(tier));
      if (h != null) ppmMax = Math.max(ppmMax, h.getMaxValue());
    }
    utilization.put("linkIntervalMax", Math.min(1, ppmMax / 1e6));
  }

  /**
   * {@code network}: hops attempted, frames dropped at full ports, lost at cut links and lost on
   * degraded links ({@code lostToLoss}); and each
   * background flow's delivered volume and mean rate over the run.
   */
  static SortedMap<String, Object> network(Fabric fabric, RunResult result) {
    SortedMap<String, Object> network = new TreeMap<>();
    network.put("dropped", result.counter(Fabric.DROPPED));
    network.put("lostAtCuts", result.counter(Fabric.LOST_AT_CUT));
    network.put("lostToLoss", result.counter(Fabric.LOST_TO_LOSS));
    network.put("hops", result.counter(Fabric.HOPS));
    LinkSchedule schedule = fabric.schedule();
    long end = result.endTimeNs();
    SortedMap<String, Object> flows = new TreeMap<>();
    for (int f = 0; f < schedule.flows().size(); f++) {
      TimedFlow flow = schedule.flows().get(f);
      double bits = schedule.deliveredBits(f, end);
      long activeNs = Math.min(flow.endNs(), end) - Math.min(flow.startNs(), end);
      SortedMap<String, Object> entry = new TreeMap<>();
      entry.put("deliveredGbit", bits / 1e9);
      entry.put("demandGbps", flow.demand().demandBps() / 1e9);
      entry.put("meanGbps", activeNs == 0 ? 0.0 : bits / (activeNs / 1e9) / 1e9);
      flows.put(flow.name(), entry);
    }
    network.put("backgroundFlows", flows);
    return network;
  }

  /** Frames lost in the network: dropped at full ports, lost at cuts and on degraded links. */
  static long lost(RunResult result) {
    return result.counter(Fabric.DROPPED) + result.counter(Fabric.LOST_AT_CUT) + result.counter(Fabric.LOST_TO_LOSS);
  }
}
