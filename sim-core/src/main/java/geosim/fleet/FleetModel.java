package geosim.fleet;

import geosim.kernel.Kernel;

/**
 * The fluid fleet model ({@code model = fleet}): one {@link RegionFleet} actor per region at
 * {@code <region>/app}. The actors never message each other, so any lookahead is valid and the
 * run's results cannot depend on the partitioning.
 *
 * <p>Metrics, per region r (counters are cumulative): {@code app.r.arrivals}, {@code app.r.ok},
 * {@code app.r.failed} (dropped after the timeout), {@code app.r.instances-ns} (servers held,
 * integrated over time: its rate is the instance count, the time series of instances),
 * {@code app.r.in-service-ns}, {@code app.r.busy-core-ns}, {@code app.r.launched}, {@code
 * app.r.drained}, {@code app.r.instances-peak} (raised to the most servers held at once), {@code
 * app.r.slo-miss-ns} (time whose p99 was above the latency target), {@code app.r.energy-joules}
 * (facility energy) and {@code app.r.cost-microusd} (the cost of the region's fleet so far, priced
 * as {@code cost.usd} is: its sum over the regions at the end is {@code cost.usd}), and the histogram {@code
 * app.r.latency-us}.
 */
public final class FleetModel {
  public static final String ROLE = "app";

  private FleetModel() {}

  /** The actor path of a region's fleet. */
  public static String path(String region) {
    return region + "/" + ROLE;
  }

  /** The name of metric {@code measure} of {@code region}, e.g. {@code app.us-east.ok}. */
  public static String metric(String region, String measure) {
    return ROLE + "." + region + "." + measure;
  }

  /** Any lookahead is valid: nothing crosses partition units. */
  public static long lookaheadNs(long endNs) {
    return Math.max(1, endNs);
  }

  /**
   * Registers a region actor per region of {@code settings}.
   *
   * @param endNs virtual time the run ends, > 0
   */
  public static void populate(FleetSettings settings, long endNs, Kernel.Builder builder) {
    for (FleetRegion region : settings.regions()) {
      builder.spawn(path(region.name()), new RegionFleet(settings, region, endNs));
    }
  }
}
