package geosim.node;

import geosim.topology.DataCenter;
import java.util.Objects;

/**
 * Power drawn by one server and by its share of the facility, linear in CPU utilization {@code u}
 * [1, 2]:
 *
 * <pre>
 *   serverWatts(u)   = idle + (peak - idle) * u          u in [0, 1]
 *   facilityWatts(u) = serverWatts(u) * PUE
 * </pre>
 *
 * <p>PUE (power usage effectiveness) is facility power over IT power: cooling, power distribution
 * losses and lighting on top of the servers [3]; it comes from the server's {@link DataCenter}.
 *
 * <p>Because power is linear in {@code u}, the energy over an interval depends only on the busy
 * time in it, not on how utilization varied: {@code E = idle * T + (peak - idle) * busyCoreNs /
 * cores}. So {@link #facilityEnergyKwh(long, int, long)} integrates a piecewise-constant
 * utilization exactly from a CPU's busy core-time. Example, defaults and PUE 1.5: a server 50%
 * busy draws 187.5 W, 281.25 W at the facility, 0.28125 kWh per hour.
 *
 * <p>[1] L. A. Barroso, U. Hölzle, "The Case for Energy-Proportional Computing", IEEE Computer
 * 40(12), 2007: servers draw about half their peak power when idle, and power grows roughly
 * linearly with utilization.
 * <br>[2] X. Fan, W.-D. Weber, L. A. Barroso, "Power Provisioning for a Warehouse-sized
 * Computer", ISCA 2007: the linear model idle + (busy - idle) * u tracks measured machine power.
 * <br>[3] The Green Grid, "The Green Grid Data Center Power Efficiency Metrics: PUE and DCiE",
 * white paper 6, 2007.
 *
 * @param idleWatts server power at utilization 0, W, 0 to {@code peakWatts}
 * @param peakWatts server power at utilization 1, W, > 0 and at most {@value #WATTS_MAX}
 * @param pue power usage effectiveness, 1 to {@link DataCenter#PUE_MAX}
 */
public record PowerModel(double idleWatts, double peakWatts, double pue) {
  /** Highest server power, W. Assumption: above any single server, even with 8 GPUs (~10 kW). */
  public static final double WATTS_MAX = 100_000;
  /**
   * Default peak power of a two-socket server, W. Assumption: full-load figures of two-socket
   * servers in SPECpower_ssj2008 results lie around 200–300 W; not taken from one source.
   */
  public static final double PEAK_WATTS_DEFAULT = 250;
  /** Default idle power as a fraction of peak: "about half" [1]. */
  public static final double IDLE_FRACTION_DEFAULT = 0.5;

  private static final double NS_PER_HOUR = 3.6e12;

  public PowerModel {
    if (!(peakWatts > 0 && peakWatts <= WATTS_MAX)) {
      throw new IllegalArgumentException("peakWatts must be > 0 and <= " + WATTS_MAX + ", got " + peakWatts);
    }
    if (!(idleWatts >= 0 && idleWatts <= peakWatts)) {
      throw new IllegalArgumentException("idleWatts must be between 0 and peakWatts = " + peakWatts
          + ", got " + idleWatts);
    }
    if (!(pue >= 1 && pue <= DataCenter.PUE_MAX)) {
      throw new IllegalArgumentException("pue must be between 1 and " + DataCenter.PUE_MAX + ", got " + pue);
    }
  }

  /** The default server (250 W peak, 125 W idle) in a data center, with its PUE. */
  public static PowerModel defaultsIn(DataCenter dataCenter) {
    Objects.requireNonNull(dataCenter, "dataCenter");
    return new PowerModel(PEAK_WATTS_DEFAULT * IDLE_FRACTION_DEFAULT, PEAK_WATTS_DEFAULT, dataCenter.pue());
  }

  /** Server power at CPU utilization {@code utilization} in [0, 1], W. */
  public double serverWatts(double utilization) {
    checkUtilization(utilization);
    return idleWatts + (peakWatts - idleWatts) * utilization;
  }

  /** Facility power attributed to the server at utilization in [0, 1]: server power x PUE, W. */
  public double facilityWatts(double utilization) {
    return serverWatts(utilization) * pue;
  }

  /**
   * Facility energy over an interval at constant utilization, kWh.
   *
   * @param utilization in [0, 1]
   * @param intervalNs >= 0
   */
  public double facilityEnergyKwh(double utilization, long intervalNs) {
    if (intervalNs < 0) throw new IllegalArgumentException("intervalNs must be >= 0, got " + intervalNs);
    return facilityWatts(utilization) * intervalNs / NS_PER_HOUR / 1_000;
  }

  /**
   * Facility energy over an interval in which a CPU of {@code cores} cores was busy {@code
   * busyCoreNs} core-nanoseconds, kWh: exact for any utilization profile in the interval.
   *
   * @param busyCoreNs 0 to cores x intervalNs (from {@link Cpu#busyCoreNs} differences)
   * @param cores >= 1
   * @param intervalNs > 0
   */
  public double facilityEnergyKwh(long busyCoreNs, int cores, long intervalNs) {
    return facilityEnergyKwh(Cpu.utilization(busyCoreNs, cores, intervalNs), intervalNs);
  }

  private static void checkUtilization(double utilization) {
    if (!(utilization >= 0 && utilization <= 1)) {
      throw new IllegalArgumentException("utilization must be between 0 and 1, got " + utilization);
    }
  }
}
