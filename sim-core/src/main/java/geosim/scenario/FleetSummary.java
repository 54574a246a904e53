package geosim.scenario;

import geosim.cost.CostModel;
import geosim.cost.Usage;
import geosim.fleet.FleetModel;
import geosim.fleet.FleetRegion;
import geosim.fleet.FleetRole;
import geosim.fleet.FleetSettings;
import geosim.kernel.RunResult;
import geosim.kernel.VirtualTime;
import geosim.node.PowerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The parts of {@code summary.json} that the fleet model writes; see {@link RunSummary}. Energy is
 * exact for the fluid: power is linear in utilization ({@link PowerModel}), so a role's energy in
 * a region is {@code PUE (idle x instance-time + (peak - idle) x busy core-time / cores)}.
 *
 * <p>A fleet without {@code fleet.roles} keeps the one-role shape ({@code fleet.regions.<r>});
 * with roles, {@code fleet.roles.<role>} holds each role's kind, target, totals, cost and regions.
 * Totals ({@code operations}, {@code utilization}, {@code cost}, {@code fleet.instancesPeakSum},
 * {@code fleet.sloMissShare}) sum or weigh every role.
 */
final class FleetSummary {
  private static final double NS_PER_HOUR = 3.6e12;
  /** Watt-nanoseconds per kWh. */
  private static final double WNS_PER_KWH = 3.6e15;

  private FleetSummary() {}

  /**
   * {@code operations.request} (request roles: served, dropped, response times as {@code
   * latencyMs}) and {@code operations.job} (job roles: served, still queued, turnaround as {@code
   * latencyMs} and queue wait as {@code waitMs}), each when the fleet has such a role.
   */
  static SortedMap<String, Object> operations(FleetSettings fleet, RunResult result) {
    SortedMap<String, Object> operations = new TreeMap<>();
    List<FleetRole> requests = ofKind(fleet, FleetRole.Kind.REQUEST);
    List<FleetRole> jobs = ofKind(fleet, FleetRole.Kind.JOB);
    if (!requests.isEmpty()) operations.put("request", work(fleet, result, requests, "latency-us"));
    if (!jobs.isEmpty()) {
      SortedMap<String, Object> job = work(fleet, result, jobs, "turnaround-us");
      job.put("waitMs", RunSummary.latencyMs(merged(fleet, result, jobs, "wait-us")));
      operations.put("job", job);
    }
    return operations;
  }

  private static SortedMap<String, Object> work(FleetSettings fleet, RunResult result, List<FleetRole> roles,
      String histogram) {
    long ok = 0;
    long failed = 0;
    long arrivals = 0;
    for (FleetRole role : roles) {
      ok += sum(fleet, result, role, "ok");
      failed += sum(fleet, result, role, "failed");
      arrivals += sum(fleet, result, role, "arrivals");
    }
    SortedMap<String, Object> op = new TreeMap<>();
    op.put("count", ok + failed);
    op.put("ok", ok);
    op.put("failed", failed);
    op.put("inFlight", Math.max(0, arrivals - ok - failed));
    op.put("latencyMs", RunSummary.latencyMs(merged(fleet, result, roles, histogram)));
    return op;
  }

  private static Histogram merged(FleetSettings fleet, RunResult result, List<FleetRole> roles, String histogram) {
    Histogram all = new Histogram(3);
    for (FleetRole role : roles) {
      for (FleetRegion r : fleet.regions()) {
        Histogram h = result.histograms().get(FleetModel.metric(role.name(), r.name(), histogram));
        if (h != null) all.add(h);
      }
    }
    return all;
  }

  /** {@code utilization}: busy core-time over the core-time of the servers held (billed), mean and worst role and region. */
  static SortedMap<String, Object> utilization(FleetSettings fleet, RunResult result) {
    double max = 0;
    double coreNs = 0;
    long busyCoreNs = 0;
    for (FleetRole role : fleet.roles()) {
      for (FleetRegion r : fleet.regions()) max = Math.max(max, utilization(role, result, r.name()));
      coreNs += (double) sum(fleet, result, role, "instances-ns") * role.cores();
      busyCoreNs += sum(fleet, result, role, "busy-core-ns");
    }
    SortedMap<String, Object> u = new TreeMap<>();
    u.put("serverCpuMean", coreNs == 0 ? 0.0 : busyCoreNs / coreNs);
    u.put("serverCpuMax", max);
    return u;
  }

  /**
   * {@code fleet}: per region (and role, when roles are listed) instances (peak, mean, hours),
   * utilization, p99 (or job wait and turnaround) and time above the target.
   */
  static SortedMap<String, Object> fleet(FleetSettings fleet, RunResult result) {
    SortedMap<String, Object> f = new TreeMap<>();
    long missNs = 0;
    for (FleetRole role : fleet.roles()) missNs += sum(fleet, result, role, "slo-miss-ns");
    if (fleet.rolesListed()) {
      SortedMap<String, Object> roles = new TreeMap<>();
      for (FleetRole role : fleet.roles()) roles.put(role.name(), role(fleet, result, role));
      f.put("roles", roles);
    } else {
      FleetRole app = fleet.roles().get(0);
      f.put("regions", regions(fleet, result, app));
      f.put("latencyTargetMs", VirtualTime.toMillis(app.targetNs()));
    }
    f.put("instancesPeakSum", peakSum(fleet, result, fleet.roles()));
    f.put("sloMissShare", share(missNs, (double) result.endTimeNs() * fleet.regions().size() * fleet.roles().size()));
    return f;
  }

  private static SortedMap<String, Object> role(FleetSettings fleet, RunResult result, FleetRole role) {
    SortedMap<String, Object> o = new TreeMap<>();
    boolean jobs = role.kind() == FleetRole.Kind.JOB;
    o.put("kind", role.kind().configName());
    o.put(jobs ? "waitTargetMs" : "latencyTargetMs", VirtualTime.toMillis(role.targetNs()));
    o.put("serviceTimeMs", VirtualTime.toMillis(role.serviceNs()));
    o.put("regions", regions(fleet, result, role));
    o.put("instancesPeakSum", peakSum(fleet, result, List.of(role)));
    o.put("instanceHours", sum(fleet, result, role, "instances-ns") / NS_PER_HOUR);
    o.put("costUsd", CostModel.usd(fleet.cost(), usage(fleet, result, List.of(role))));
    o.put("sloMissShare", share(sum(fleet, result, role, "slo-miss-ns"), (double) result.endTimeNs() * fleet.regions().size()));
    return o;
  }

  private static SortedMap<String, Object> regions(FleetSettings fleet, RunResult result, FleetRole role) {
    SortedMap<String, Object> regions = new TreeMap<>();
    for (FleetRegion r : fleet.regions()) regions.put(r.name(), region(result, role, r.name()));
    return regions;
  }

  private static SortedMap<String, Object> region(RunResult result, FleetRole role, String name) {
    SortedMap<String, Object> r = new TreeMap<>();
    long instancesNs = counter(result, role, name, "instances-ns");
    r.put("instancesPeak", counter(result, role, name, "instances-peak"));
    r.put("instancesMean", share(instancesNs, result.endTimeNs()));
    r.put("instanceHours", instancesNs / NS_PER_HOUR);
    r.put("launched", counter(result, role, name, "launched"));
    r.put("drained", counter(result, role, name, "drained"));
    r.put("ok", counter(result, role, name, "ok"));
    r.put("failed", counter(result, role, name, "failed"));
    r.put("cpuUtilizationMean", utilization(role, result, name));
    r.put("sloMissShare", share(counter(result, role, name, "slo-miss-ns"), result.endTimeNs()));
    if (role.kind() == FleetRole.Kind.JOB) {
      r.put("waitP99Ms", p99Ms(result, role, name, "wait-us"));
      r.put("turnaroundP99Ms", p99Ms(result, role, name, "turnaround-us"));
      r.put("queuedPeak", counter(result, role, name, "queued-peak"));
    } else {
      r.put("p99Ms", p99Ms(result, role, name, "latency-us"));
    }
    return r;
  }

  private static double p99Ms(RunResult result, FleetRole role, String region, String histogram) {
    Histogram h = result.histograms().get(FleetModel.metric(role.name(), region, histogram));
    return h == null ? 0.0 : RunSummary.roundMs(h.getValueAtPercentile(99));
  }

  /** {@code cost}: the price of the run (cloud or owned) over every role, its energy, and work per dollar and per kWh. */
  static SortedMap<String, Object> cost(FleetSettings fleet, RunResult result) {
    Usage usage = usage(fleet, result, fleet.roles());
    double usd = CostModel.usd(fleet.cost(), usage);
    long ok = 0;
    for (FleetRole role : fleet.roles()) ok += sum(fleet, result, role, "ok");
    SortedMap<String, Object> cost = new TreeMap<>();
    cost.put("mode", fleet.cost().mode().configName());
    cost.put("usd", usd);
    cost.put("kwh", usage.kwh());
    cost.put("instanceHours", usage.instanceHours());
    cost.put("opsPerUsd", CostModel.perUsd(ok, usd));
    cost.put("opsPerKwh", usage.kwh() > 0 ? ok / usage.kwh() : 0.0);
    return cost;
  }

  /** What {@code roles} used over the run: instance-hours, the sum of their peaks, energy. */
  private static Usage usage(FleetSettings fleet, RunResult result, List<FleetRole> roles) {
    long instancesNs = 0;
    double kwh = 0;
    for (FleetRole role : roles) {
      instancesNs += sum(fleet, result, role, "instances-ns");
      for (FleetRegion r : fleet.regions()) kwh += energyKwh(fleet.power(), role, result, r.name());
    }
    return new Usage(instancesNs / NS_PER_HOUR, peakSum(fleet, result, roles), result.endTimeNs() / NS_PER_HOUR, kwh, 0, 0);
  }

  private static long peakSum(FleetSettings fleet, RunResult result, List<FleetRole> roles) {
    long peak = 0;
    for (FleetRole role : roles) peak += sum(fleet, result, role, "instances-peak");
    return peak;
  }

  private static double energyKwh(PowerModel power, FleetRole role, RunResult result, String region) {
    double instanceNs = counter(result, role, region, "instances-ns");
    double busyCoreNs = counter(result, role, region, "busy-core-ns");
    double wattNs = power.idleWatts() * instanceNs + (power.peakWatts() - power.idleWatts()) * busyCoreNs / role.cores();
    return power.pue() * wattNs / WNS_PER_KWH;
  }

  private static double utilization(FleetRole role, RunResult result, String region) {
    double coreNs = (double) counter(result, role, region, "instances-ns") * role.cores();
    return coreNs == 0 ? 0.0 : counter(result, role, region, "busy-core-ns") / coreNs;
  }

  private static List<FleetRole> ofKind(FleetSettings fleet, FleetRole.Kind kind) {
    List<FleetRole> out = new ArrayList<>();
    for (FleetRole role : fleet.roles()) if (role.kind() == kind) out.add(role);
    return out;
  }

  private static long counter(RunResult result, FleetRole role, String region, String measure) {
    return result.counter(FleetModel.metric(role.name(), region, measure));
  }

  private static long sum(FleetSettings fleet, RunResult result, FleetRole role, String measure) {
    long total = 0;
    for (FleetRegion r : fleet.regions()) total += counter(result, role, r.name(), measure);
    return total;
  }

  private static double share(double part, double whole) {
    return whole == 0 ? 0.0 : part / whole;
  }
}
