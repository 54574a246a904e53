package geosim.queue;

import geosim.node.Cpu;
import java.util.Objects;

/**
 * Parameters of the queue validation model.
 *
 * @param arrivalRatePerS mean arrivals per second of virtual time (Poisson), > 0 and finite
 * @param meanServiceNs mean service demand of one request in core-nanoseconds, > 0
 * @param servers cores of the server's CPU (the c of M/M/c), 1 to {@link Cpu#CORES_MAX}
 * @param serviceDistribution how demands vary around their mean
 * @param durationNs virtual time the run lasts, > 0
 */
public record QueueSettings(
    double arrivalRatePerS,
    long meanServiceNs,
    int servers,
    ServiceDistribution serviceDistribution,
    long durationNs) {

  public QueueSettings {
    Objects.requireNonNull(serviceDistribution, "serviceDistribution");
    if (!(arrivalRatePerS > 0) || Double.isInfinite(arrivalRatePerS)) {
      throw new IllegalArgumentException("arrivalRatePerS must be > 0 and finite, got " + arrivalRatePerS);
    }
    if (meanServiceNs <= 0) throw new IllegalArgumentException("meanServiceNs must be > 0, got " + meanServiceNs);
    if (servers < 1 || servers > Cpu.CORES_MAX) {
      throw new IllegalArgumentException("servers must be between 1 and " + Cpu.CORES_MAX + ", got " + servers);
    }
    if (durationNs <= 0) throw new IllegalArgumentException("durationNs must be > 0, got " + durationNs);
  }

  /** Offered load per core, rho = lambda x mean service / c; the queue is stable below 1. */
  public double utilization() {
    return arrivalRatePerS * (meanServiceNs / 1e9) / servers;
  }

  /** Mean time between arrivals in nanoseconds, 1e9 / lambda. */
  public double meanInterArrivalNs() {
    return 1e9 / arrivalRatePerS;
  }
}
