package geosim.fleet;

import geosim.kernel.Kernel;

/**
 * The fluid fleet model ({@code model = fleet}): one {@link RegionFleet} actor per region and role
 * at {@code <region>/<role>} (a fleet without {@code fleet.roles} has the one role {@value
 * FleetRole#DEFAULT_NAME}). The actors never message each other (a role spawned by another takes
 * its share of the region's arrivals from the load shape, not from messages), so any lookahead is
 * valid and the run's results cannot depend on the partitioning.
 *
 * <p>Metrics, per role o and region r (counters are cumulative): {@code o.r.arrivals}, {@code
 * o.r.ok}, {@code o.r.failed} (dropped after the timeout), {@code o.r.instances-ns} (servers held,
 * integrated over time: its rate is the instance count, the time series of instances), {@code
 * o.r.in-service-ns}, {@code o.r.busy-core-ns}, {@code o.r.launched}, {@code o.r.drained}, {@code
 * o.r.instances-peak} (raised to the most servers held at once), {@code o.r.slo-miss-ns} (time
 * whose p99 response time, or p99 queue wait for jobs, was above the role's target), {@code
 * o.r.energy-joules} (facility energy) and {@code o.r.cost-microusd} (the cost of the role's
 * fleet in the region so far, priced as {@code cost.usd} is: its sum over roles and regions at the
 * end is {@code cost.usd}); the histogram {@code o.r.latency-us} for requests, {@code
 * o.r.wait-us} and {@code o.r.turnaround-us} for jobs.
 */
public final class FleetModel {
  private FleetModel() {}

  /** The actor path of a role's fleet in a region, e.g. {@code us-east/render}. */
  public static String path(String region, String role) {
    return region + "/" + role;
  }

  /** The name of metric {@code measure} of {@code role} in {@code region}, e.g. {@code render.us-east.ok}. */
  public static String metric(String role, String region, String measure) {
    return role + "." + region + "." + measure;
  }

  /** Any lookahead is valid: nothing crosses partition units. */
  public static long lookaheadNs(long endNs) {
    return Math.max(1, endNs);
  }

  /**
   * Registers an actor per region and role of {@code settings}.
   *
   * @param endNs virtual time the run ends, > 0
   */
  public static void populate(FleetSettings settings, long endNs, Kernel.Builder builder) {
    for (FleetRegion region : settings.regions()) {
      for (FleetRole role : settings.roles()) {
        builder.spawn(path(region.name(), role.name()), new RegionFleet(settings, role, region, endNs));
      }
    }
  }
}
