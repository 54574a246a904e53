package geosim.scenario;

import geosim.cost.CostModel;
import geosim.cost.Usage;
import geosim.fleet.FleetModel;
import geosim.fleet.FleetRegion;
import geosim.fleet.FleetSettings;
import geosim.kernel.RunResult;
import geosim.kernel.VirtualTime;
import geosim.node.PowerModel;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The parts of {@code summary.json} that the fleet model writes; see {@link RunSummary}. Energy is
 * exact for the fluid: power is linear in utilization ({@link PowerModel}), so a region's energy
 * is {@code PUE (idle x instance-time + (peak - idle) x busy core-time / cores)}.
 */
final class FleetSummary {
  private static final double NS_PER_HOUR = 3.6e12;
  /** Watt-nanoseconds per kWh. */
  private static final double WNS_PER_KWH = 3.6e15;

  private FleetSummary() {}

  /** {@code operations.request}: requests served and dropped, response times over all regions. */
  static SortedMap<String, Object> request(FleetSettings fleet, RunResult result) {
    long ok = sum(fleet, result, "ok");
    long failed = sum(fleet, result, "failed");
    Histogram all = new Histogram(3);
    for (FleetRegion r : fleet.regions()) {
      Histogram h = result.histograms().get(FleetModel.metric(r.name(), "latency-us"));
      if (h != null) all.add(h);
    }
    SortedMap<String, Object> op = new TreeMap<>();
    op.put("count", ok + failed);
    op.put("ok", ok);
    op.put("failed", failed);
    op.put("inFlight", Math.max(0, sum(fleet, result, "arrivals") - ok - failed));
    op.put("latencyMs", RunSummary.latencyMs(all));
    return op;
  }

  /** {@code utilization}: busy core-time over the core-time of the servers held (billed), mean and worst region. */
  static SortedMap<String, Object> utilization(FleetSettings fleet, RunResult result) {
    double max = 0;
    for (FleetRegion r : fleet.regions()) max = Math.max(max, utilization(fleet, result, r.name()));
    SortedMap<String, Object> u = new TreeMap<>();
    double coreNs = (double) sum(fleet, result, "instances-ns") * fleet.cores();
    u.put("serverCpuMean", coreNs == 0 ? 0.0 : sum(fleet, result, "busy-core-ns") / coreNs);
    u.put("serverCpuMax", max);
    return u;
  }

  /** {@code fleet}: per region instances (peak, mean, hours), utilization, p99 and time above the latency target. */
  static SortedMap<String, Object> fleet(FleetSettings fleet, RunResult result) {
    SortedMap<String, Object> regions = new TreeMap<>();
    long peakSum = 0;
    for (FleetRegion r : fleet.regions()) {
      regions.put(r.name(), region(fleet, result, r.name()));
      peakSum += result.counter(FleetModel.metric(r.name(), "instances-peak"));
    }
    SortedMap<String, Object> f = new TreeMap<>();
    f.put("regions", regions);
    f.put("instancesPeakSum", peakSum);
    f.put("latencyTargetMs", VirtualTime.toMillis(fleet.latencyTargetNs()));
    f.put("sloMissShare", share(sum(fleet, result, "slo-miss-ns"), (double) result.endTimeNs() * fleet.regions().size()));
    return f;
  }

  private static SortedMap<String, Object> region(FleetSettings fleet, RunResult result, String name) {
    SortedMap<String, Object> r = new TreeMap<>();
    long instancesNs = result.counter(FleetModel.metric(name, "instances-ns"));
    r.put("instancesPeak", result.counter(FleetModel.metric(name, "instances-peak")));
    r.put("instancesMean", share(instancesNs, result.endTimeNs()));
    r.put("instanceHours", instancesNs / NS_PER_HOUR);
    r.put("launched", result.counter(FleetModel.metric(name, "launched")));
    r.put("drained", result.counter(FleetModel.metric(name, "drained")));
    r.put("ok", result.counter(FleetModel.metric(name, "ok")));
    r.put("failed", result.counter(FleetModel.metric(name, "failed")));
    r.put("cpuUtilizationMean", utilization(fleet, result, name));
    r.put("sloMissShare", share(result.counter(FleetModel.metric(name, "slo-miss-ns")), result.endTimeNs()));
    Histogram h = result.histograms().get(FleetModel.metric(name, "latency-us"));
    r.put("p99Ms", h == null ? 0.0 : RunSummary.roundMs(h.getValueAtPercentile(99)));
    return r;
  }

  /** {@code cost}: the price of the run (cloud or owned), its energy, and work per dollar and per kWh. */
  static SortedMap<String, Object> cost(FleetSettings fleet, RunResult result) {
    double instanceHours = sum(fleet, result, "instances-ns") / NS_PER_HOUR;
    double kwh = 0;
    long peak = 0;
    for (FleetRegion r : fleet.regions()) {
      kwh += energyKwh(fleet.power(), fleet.cores(), result, r.name());
      peak += result.counter(FleetModel.metric(r.name(), "instances-peak"));
    }
    Usage usage = new Usage(instanceHours, peak, result.endTimeNs() / NS_PER_HOUR, kwh, 0, 0);
    double usd = CostModel.usd(fleet.cost(), usage);
    long ok = sum(fleet, result, "ok");
    SortedMap<String, Object> cost = new TreeMap<>();
    cost.put("mode", fleet.cost().mode().configName());
    cost.put("usd", usd);
    cost.put("kwh", kwh);
    cost.put("instanceHours", instanceHours);
    cost.put("opsPerUsd", CostModel.perUsd(ok, usd));
    cost.put("opsPerKwh", kwh > 0 ? ok / kwh : 0.0);
    return cost;
  }

  private static double energyKwh(PowerModel power, int cores, RunResult result, String region) {
    double instanceNs = result.counter(FleetModel.metric(region, "instances-ns"));
    double busyCoreNs = result.counter(FleetModel.metric(region, "busy-core-ns"));
    double wattNs = power.idleWatts() * instanceNs + (power.peakWatts() - power.idleWatts()) * busyCoreNs / cores;
    return power.pue() * wattNs / WNS_PER_KWH;
  }

  private static double utilization(FleetSettings fleet, RunResult result, String region) {
    double coreNs = (double) result.counter(FleetModel.metric(region, "instances-ns")) * fleet.cores();
    return coreNs == 0 ? 0.0 : result.counter(FleetModel.metric(region, "busy-core-ns")) / coreNs;
  }

  private static long sum(FleetSettings fleet, RunResult result, String measure) {
    long total = 0;
    for (FleetRegion r : fleet.regions()) total += result.counter(FleetModel.metric(r.name(), measure));
    return total;
  }

  private static double share(double part, double whole) {
    return whole == 0 ? 0.0 : part / whole;
  }
}
