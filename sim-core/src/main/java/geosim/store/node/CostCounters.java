package geosim.store.node;

import geosim.kernel.Counter;
import geosim.kernel.Metrics;
import geosim.node.Cpu;

/**
 * One store server's share of its region's cost and energy series: at every snapshot boundary it
 * asks its {@link ServerMeter} for its cumulative cost and energy and adds their growth to {@code
 * store.<region>.cost-microusd} and {@code store.<region>.energy-joules}, so each region's
 * counters are its servers' cumulative cost and energy, rounded per server (at most 0.5 µUSD and
 * 0.5 J off each), and the regions' sum at the end of the run is the summary's {@code cost.usd}
 * and {@code cost.kwh}. Writes nothing with {@link ServerMeter#NONE}.
 */
final class CostCounters {
  private final ServerMeter meter;
  private final int server;
  private Counter microUsd;
  private Counter joules;
  private long microUsdSoFar;
  private long joulesSoFar;

  CostCounters(ServerMeter meter, int server) {
    this.meter = meter;
    this.server = server;
  }

  /** The name of a region's cumulative store cost: {@code store.us-east.cost-microusd}. */
  static String costMetric(String region) {
    return "store." + region + ".cost-microusd";
  }

  /** The name of a region's cumulative store energy: {@code store.us-east.energy-joules}. */
  static String energyMetric(String region) {
    return "store." + region + ".energy-joules";
  }

  void start(Metrics m, String region) {
    if (meter == ServerMeter.NONE) return;
    microUsd = m.counter(costMetric(region));
    joules = m.counter(energyMetric(region));
  }

  /** At a snapshot boundary, with the server's busy core and channel time since the start. */
  void sample(long atNs, long cpuBusyCoreNs, int cores, long diskBusyChannelNs, int channels) {
    if (microUsd == null || atNs <= 0) return;
    ServerMeter.Metered now = meter.at(server, atNs, Cpu.utilization(cpuBusyCoreNs, cores, atNs),
        Cpu.utilization(diskBusyChannelNs, channels, atNs));
    // Never backwards: a cumulative counter (rounding of a flat total could step back by one).
    long cost = Math.max(microUsdSoFar, now.microUsd());
    long energy = Math.max(joulesSoFar, now.joules());
    microUsd.add(cost - microUsdSoFar);
    joules.add(energy - joulesSoFar);
    microUsdSoFar = cost;
    joulesSoFar = energy;
  }
}
