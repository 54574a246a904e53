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
   * ping or pong was dropped at a full port or lost at a cut link, the rest still on the way at
   * the end; round-trip times in ms.
   */
  static SortedMap<String, Object> ping(RunResult result) {
    long ok = result.counter(NetpingModel.OK);
    long failed = FabricSummary.lost(result);
    SortedMap<String, Object> op = new TreeMap<>();
    op.put("count", ok + failed);
    op.put("ok", ok);
    op.put("failed", failed);
    op.put("inFlight", result.counter(NetpingModel.SENT) - ok - failed);
    Histogram rtt = result.histograms().get(NetpingModel.RTT_US);
    op.put("latencyMs", RunSummary.latencyMs(rtt == null ? new Histogram(3) : rtt));
    return op;
  }

  /** {@code network}: the fabric's (see {@link FabricSummary#network}) and the pings and pongs sent. */
  static SortedMap<String, Object> network(NetpingModel model, RunResult result) {
    SortedMap<String, Object> network = FabricSummary.network(model.fabric(), result);
    network.put("messages", result.counter(NetpingModel.MESSAGES));
    return network;
  }

  /**
   * {@code cost}: the servers' facility energy (power from CPU utilization, times PUE) and pings
   * answered per kWh. Prices, and so {@code usd}, come with the cost model.
   */
  static SortedMap<String, Object> cost(NetpingModel model, EndState end, RunResult result) {
    SortedMap<String, Object> cost = new TreeMap<>();
    double kwh = model.serverFacilityEnergyKwh(end.serverCpu(), result.endTimeNs());
    cost.put("kwh", kwh);
    cost.put("opsPerKwh", kwh == 0 ? 0.0 : result.counter(NetpingModel.OK) / kwh);
    return cost;
  }
}
