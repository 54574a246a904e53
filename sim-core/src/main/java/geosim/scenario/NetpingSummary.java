package geosim.scenario;

import geosim.kernel.RunResult;
import geosim.netping.NetpingModel;
import geosim.network.LinkSchedule;
import geosim.network.LinkTier;
import geosim.network.TimedFlow;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** The parts of {@code summary.json} that the netping model writes; see {@link RunSummary}. */
final class NetpingSummary {
  private NetpingSummary() {}

  /**
   * {@code operations.ping}: finished round trips (ok + failed), pongs received, pings whose
   * ping or pong was dropped at a full port or lost at a cut link, the rest still on the way at
   * the end; round-trip times in ms.
   */
  static SortedMap<String, Object> ping(RunResult result) {
    long ok = result.counter(NetpingModel.OK);
    long failed = result.counter(NetpingModel.DROPPED) + result.counter(NetpingModel.LOST_AT_CUT);
    SortedMap<String, Object> op = new TreeMap<>();
    op.put("count", ok + failed);
    op.put("ok", ok);
    op.put("failed", failed);
    op.put("inFlight", result.counter(NetpingModel.SENT) - ok - failed);
    Histogram rtt = result.histograms().get(NetpingModel.RTT_US);
    op.put("latencyMs", RunSummary.latencyMs(rtt == null ? new Histogram(3) : rtt));
    return op;
  }

  /**
   * {@code utilization}: servers' CPU busy time / (cores x run time), mean and max over servers;
   * {@code linkMax}, the busiest egress port's share of capacity over the run (foreground
   * messages and background flows); {@code linkIntervalMax}, the highest share any port had in
   * one metrics interval.
   */
  static SortedMap<String, Object> utilization(NetpingModel model, RunResult result) {
    SortedMap<String, Object> utilization = new TreeMap<>();
    double[] cpu = model.serverCpuUtilization(result.endTimeNs());
    utilization.put("serverCpuMean", Arrays.stream(cpu).average().orElse(0));
    utilization.put("serverCpuMax", Arrays.stream(cpu).max().orElse(0));
    utilization.put("linkMax", model.linkUtilizationMax(result.endTimeNs()));
    long ppmMax = 0;
    for (LinkTier tier : LinkTier.values()) {
      Histogram h = result.histograms().get(NetpingModel.linkUtilizationMetric(tier));
      if (h != null) ppmMax = Math.max(ppmMax, h.getMaxValue());
    }
    utilization.put("linkIntervalMax", ppmMax / 1e6);
    return utilization;
  }

  /**
   * {@code network}: messages (pings and pongs) put into the network, hops attempted, messages
   * dropped at full ports and lost at cut links; and each background flow's delivered volume and
   * mean rate over the run.
   */
  static SortedMap<String, Object> network(NetpingModel model, RunResult result) {
    SortedMap<String, Object> network = new TreeMap<>();
    network.put("messages", result.counter(NetpingModel.MESSAGES));
    network.put("dropped", result.counter(NetpingModel.DROPPED));
    network.put("lostAtCuts", result.counter(NetpingModel.LOST_AT_CUT));
    network.put("hops", result.counter(NetpingModel.HOPS));
    LinkSchedule schedule = model.schedule();
    SortedMap<String, Object> flows = new TreeMap<>();
    for (int f = 0; f < schedule.flows().size(); f++) {
      TimedFlow flow = schedule.flows().get(f);
      double bits = schedule.deliveredBits(f, result.endTimeNs());
      long activeNs = Math.max(0, Math.min(flow.endNs(), result.endTimeNs()) - Math.min(flow.startNs(), result.endTimeNs()));
      SortedMap<String, Object> entry = new TreeMap<>();
      entry.put("deliveredGbit", bits / 1e9);
      entry.put("demandGbps", flow.demand().demandBps() / 1e9);
      entry.put("meanGbps", activeNs == 0 ? 0.0 : bits / (activeNs / 1e9) / 1e9);
      flows.put(flow.name(), entry);
    }
    network.put("backgroundFlows", flows);
    return network;
  }

  /**
   * {@code cost}: the servers' facility energy (power from CPU utilization, times PUE) and pings
   * answered per kWh. Prices, and so {@code usd}, come with the cost model.
   */
  static SortedMap<String, Object> cost(NetpingModel model, RunResult result) {
    SortedMap<String, Object> cost = new TreeMap<>();
    double kwh = model.serverFacilityEnergyKwh(result.endTimeNs());
    cost.put("kwh", kwh);
    cost.put("opsPerKwh", kwh == 0 ? 0.0 : result.counter(NetpingModel.OK) / kwh);
    return cost;
  }
}
