package geosim.scenario;

import geosim.kernel.RunResult;
import geosim.netping.NetpingModel;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** The parts of {@code summary.json} that the netping model writes; see {@link RunSummary}. */
final class NetpingSummary {
  private NetpingSummary() {}

  /**
   * {@code operations.ping}: finished round trips (ok + failed), pongs received, pings whose
   * ping or pong was dropped, the rest still on the way at the end; round-trip times in ms.
   */
  static SortedMap<String, Object> ping(RunResult result) {
    long ok = result.counter(NetpingModel.OK);
    long failed = result.counter(NetpingModel.DROPPED);
    SortedMap<String, Object> op = new TreeMap<>();
    op.put("count", ok + failed);
    op.put("ok", ok);
    op.put("failed", failed);
    op.put("inFlight", result.counter(NetpingModel.SENT) - ok - failed);
    Histogram rtt = result.histograms().get(NetpingModel.RTT_US);
    op.put("latencyMs", RunSummary.latencyMs(rtt == null ? new Histogram(3) : rtt));
    return op;
  }

  /** {@code utilization.linkMax}: the busiest egress port's foreground busy time / run time. */
  static SortedMap<String, Object> utilization(NetpingModel model, RunResult result) {
    SortedMap<String, Object> utilization = new TreeMap<>();
    utilization.put("linkMax", model.linkUtilizationMax(result.endTimeNs()));
    return utilization;
  }

  /** {@code network}: messages (pings and pongs) put into the network, and those dropped. */
  static SortedMap<String, Object> network(RunResult result) {
    SortedMap<String, Object> network = new TreeMap<>();
    network.put("messages", result.counter(NetpingModel.MESSAGES));
    network.put("dropped", result.counter(NetpingModel.DROPPED));
    network.put("hops", result.counter(NetpingModel.HOPS));
    return network;
  }
}
