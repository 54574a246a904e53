package geosim.fleet;

import geosim.workload.LoadShape;
import java.util.Objects;

/**
 * A region of the fleet model: its clients' request rate and the servers it starts with.
 *
 * @param name region name, [a-z][a-z0-9-]*
 * @param ratePerS base request rate, requests per second, >= 0 (times {@code shape}'s factor)
 * @param shape the load shape in the region's local time
 * @param initialServers servers in service at time 0, >= 0
 */
public record FleetRegion(String name, double ratePerS, LoadShape shape, int initialServers) {
  public FleetRegion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    if (!(ratePerS >= 0 && Double.isFinite(ratePerS))) throw new IllegalArgumentException("ratePerS must be >= 0");
    if (initialServers < 0) throw new IllegalArgumentException("initialServers must be >= 0");
  }
}
