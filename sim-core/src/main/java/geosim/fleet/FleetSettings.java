package geosim.fleet;

import geosim.cost.CostSettings;
import geosim.node.PowerModel;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The fluid fleet model's parameters (block {@code fleet}, prices from block {@code cost}). Times
 * are virtual nanoseconds; defaults and sources are in {@code reference.conf} and docs/model.md.
 *
 * @param tickNs time step of every role's actor in every region, > 0
 * @param regions the regions, at least one, unique names
 * @param roles the roles, at least one, unique names; a fleet without {@code fleet.roles} has one,
 *     {@value FleetRole#DEFAULT_NAME}, made of the block's own keys
 * @param rolesListed whether the scenario listed {@code fleet.roles} (summary.json then reports
 *     per role; otherwise it keeps the one-role shape)
 * @param power one server's power and the facility's PUE
 * @param cost prices
 */
public record FleetSettings(
    long tickNs,
    List<FleetRegion> regions,
    List<FleetRole> roles,
    boolean rolesListed,
    PowerModel power,
    CostSettings cost) {

  public FleetSettings {
    regions = List.copyOf(regions);
    roles = List.copyOf(roles);
    Objects.requireNonNull(power, "power");
    Objects.requireNonNull(cost, "cost");
    if (tickNs <= 0) throw new IllegalArgumentException("tick must be > 0, got " + tickNs);
    if (regions.isEmpty()) throw new IllegalArgumentException("at least one region");
    if (roles.isEmpty()) throw new IllegalArgumentException("at least one role");
    Set<String> names = new HashSet<>();
    for (FleetRole r : roles) {
      if (!names.add(r.name())) throw new IllegalArgumentException("duplicate role " + r.name());
    }
    if (!rolesListed && (roles.size() != 1 || !roles.get(0).name().equals(FleetRole.DEFAULT_NAME))) {
      throw new IllegalArgumentException("without fleet.roles the fleet has the one role " + FleetRole.DEFAULT_NAME);
    }
  }
}
