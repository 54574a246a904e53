package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import geosim.autoscale.AutoscaleSettings;
import geosim.elastic.AutoscalerSettings;
import geosim.store.client.ClientSettings;
import geosim.store.node.StoreSettings;
import geosim.store.ring.Membership;
import geosim.store.ring.NetworkTopologyStrategy;
import geosim.topology.Region;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code store.autoscaler} into {@link AutoscaleSettings}: {@code roles} lists the scaled
 * roles ({@code app}, {@code store}; empty: no autoscaling), each with its block read as {@code
 * fleet.autoscaler} is ({@link AutoscalerReader}). The app role needs an app tier; the store role
 * needs every region's store servers to be its {@code max}, a {@code min} of at least the region's
 * replication factor, NetworkTopologyStrategy ({@code replication-by-region}) and no scheduled
 * {@code store.membership.changes}.
 */
final class StoreAutoscaleReader {
  static final String AT = "store.autoscaler";
  private static final List<String> ROLES = List.of("app", "store");

  private final ValueReader reader;
  private final Problems problems;

  StoreAutoscaleReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The settings, or null for none or after reporting problems. */
  AutoscaleSettings read(ConfigValue block, ClientSettings clients, StoreSettings store, Topology topology) {
    ConfigValue rolesValue = reader.child(block, AT, "roles");
    List<String> roles = roles(rolesValue);
    if (roles == null || roles.isEmpty()) return null;
    int before = problems.count();
    AutoscalerSettings app = null;
    AutoscalerSettings nodes = null;
    if (roles.contains("app")) {
      app = new AutoscalerReader(reader, problems, path(AT, "app")).read(reader.child(block, AT, "app"));
      if (clients == null || clients.app() == null) {
        problems.at(rolesValue, path(AT, "roles"), "role app needs an app tier (store.app.servers-per-region >= 1 "
            + "and store.clients.populations)");
      }
    }
    if (roles.contains("store")) {
      nodes = new AutoscalerReader(reader, problems, path(AT, "store")).read(reader.child(block, AT, "store"));
      if (nodes != null && store != null && topology != null) storeFits(block, rolesValue, nodes, store, topology);
    }
    return problems.count() != before ? null : new AutoscaleSettings(app, nodes);
  }

  private List<String> roles(ConfigValue value) {
    if (!(value instanceof ConfigList list)) {
      if (value != null) problems.at(value, path(AT, "roles"), "expected a list of roles such as [app], got '" + value.unwrapped() + "'");
      return null;
    }
    List<String> roles = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = path(AT, "roles") + "[" + i + "]";
      String role = reader.string(at, list.get(i));
      if (role == null) return null;
      if (!ROLES.contains(role)) {
        problems.at(list.get(i), at, "expected one of app|store, got '" + role + "'");
        return null;
      }
      if (roles.contains(role)) {
        problems.at(list.get(i), at, "role '" + role + "' listed twice");
        return null;
      }
      roles.add(role);
    }
    return roles;
  }

  /** The store role scales each region's own servers, from a ring that the replication can live with. */
  private void storeFits(ConfigValue block, ConfigValue roles, AutoscalerSettings nodes, StoreSettings store,
      Topology topology) {
    ConfigValue at = reader.child(reader.child(block, AT, "store"), path(AT, "store"), "min");
    if (!(store.strategy() instanceof NetworkTopologyStrategy nts)) {
      problems.at(roles, path(AT, "roles"), "role store needs store.replication-by-region (NetworkTopologyStrategy)");
      return;
    }
    if (!store.membership().steps().isEmpty()) {
      problems.at(roles, path(AT, "roles"), "role store cannot be combined with store.membership.changes");
      return;
    }
    double versions = Math.pow(nodes.max() - nodes.min() + 1, topology.regions().size());
    if (versions > Membership.ELASTIC_VERSIONS_MAX) {
      problems.at(at, path(AT, "store.min"), "max - min + 1 = " + (nodes.max() - nodes.min() + 1) + " spares' steps in "
          + topology.regions().size() + " regions make " + (long) versions + " rings to precompute, more than "
          + Membership.ELASTIC_VERSIONS_MAX + ": raise min");
      return;
    }
    for (Region region : topology.regions()) {
      int servers = region.serverCount();
      int rf = nts.rf(region.name());
      if (servers != nodes.max()) {
        problems.at(reader.child(reader.child(block, AT, "store"), path(AT, "store"), "max"), path(AT, "store.max"),
            "must equal the store servers of every region (" + region.name() + " has " + servers + "), got " + nodes.max());
        return;
      }
      if (nodes.min() < rf) {
        problems.at(at, path(AT, "store.min"), "must be at least the replication factor of " + region.name() + " = " + rf
            + " (the ring must hold every copy), got " + nodes.min());
        return;
      }
    }
  }
}
