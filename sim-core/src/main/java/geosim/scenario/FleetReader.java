package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigValue;
import geosim.cost.CostSettings;
import geosim.fleet.FleetRegion;
import geosim.fleet.FleetRole;
import geosim.fleet.FleetSettings;
import geosim.node.PowerModel;
import geosim.topology.DataCenter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code fleet} block (with the {@code cost} prices) into {@link FleetSettings}: at least
 * one region with a unique name, a rate >= 0, a load shape and a server count; durations above 0;
 * server power within {@link PowerModel}'s ranges; the autoscaler ({@link AutoscalerReader}); the
 * roles ({@link FleetRoleReader}), or without {@code fleet.roles} the one role {@value
 * FleetRole#DEFAULT_NAME} made of the block's own keys.
 */
final class FleetReader {
  static final String BLOCK = "fleet";
  /** Highest request rate of a region, per second. Assumption: S3's 2008 peak was 70k/s (seed 001); 1e9 is far above. */
  static final double RATE_MAX = 1e9;
  private static final Set<String> REGION_KEYS = Set.of("name", "rate", "servers", "utc-offset", "shape");
  private static final String EXAMPLE = "{ name = us-east, rate = 300, servers = 50, utc-offset = -5, shape = [] }";

  private final ValueReader reader;
  private final Problems problems;

  FleetReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The settings, or null after reporting problems. */
  FleetSettings read(ConfigValue fleet, CostSettings cost) {
    int before = problems.count();
    Long tick = reader.durationNsAt(fleet, BLOCK, "tick", false);
    FleetRoleReader roleReader = new FleetRoleReader(reader, problems, fleet);
    FleetRole app = roleReader.defaultRole();
    PowerModel power = power(fleet);
    List<FleetRegion> regions = regions(reader.child(fleet, BLOCK, "regions"));
    ConfigValue listed = reader.child(fleet, BLOCK, "roles");
    List<FleetRole> roles = app == null ? null : roleReader.roles(listed);
    if (problems.count() != before || cost == null) return null;
    boolean rolesListed = !roles.isEmpty();
    return new FleetSettings(tick, regions, rolesListed ? roles : List.of(app), rolesListed, power, cost);
  }

  private PowerModel power(ConfigValue fleet) {
    int before = problems.count();
    ConfigValue server = reader.child(fleet, BLOCK, "server");
    String at = path(BLOCK, "server");
    Double peak = new TopologyValues(reader, problems)
        .positive(path(at, "peak-watts"), reader.child(server, at, "peak-watts"), PowerModel.WATTS_MAX);
    Double idle = reader.decimalAt(server, at, "idle-watts", 0, PowerModel.WATTS_MAX);
    Double pue = reader.decimalAt(fleet, BLOCK, "pue", 1, DataCenter.PUE_MAX);
    if (problems.count() != before) return null;
    if (idle > peak) {
      problems.at(reader.child(server, at, "idle-watts"), path(at, "idle-watts"),
          "must be at most " + at + ".peak-watts = " + peak + ", got " + idle);
      return null;
    }
    return new PowerModel(idle, peak, pue);
  }

  private List<FleetRegion> regions(ConfigValue value) {
    int before = problems.count();
    List<FleetRegion> regions = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    TopologyValues values = new TopologyValues(reader, problems);
    values.eachObject(value, path(BLOCK, "regions"), EXAMPLE, REGION_KEYS, (at, o) -> {
      String name = values.name(o, at, null, null);
      Double rate = reader.decimalAt(o, at, "rate", 0, RATE_MAX);
      Long servers = reader.integerAt(o, at, "servers", 0, AutoscalerReader.SERVERS_MAX);
      Double offset = reader.decimalAt(o, at, "utc-offset", -14, 14);
      LoadShapeReader.RegionalShape shape = new LoadShapeReader(reader, problems).read(reader.child(o, at, "shape"),
          path(at, "shape"));
      if (name == null || !values.unique(seen, name, o, at, "region")) return;
      if (rate == null || servers == null || offset == null || shape == null) return;
      regions.add(new FleetRegion(name, rate, shape.at(offset), servers.intValue()));
    });
    if (problems.count() == before && regions.isEmpty() && value != null) {
      problems.at(value, path(BLOCK, "regions"), "model = fleet needs at least one region, such as [" + EXAMPLE + "]");
    }
    return problems.count() != before ? null : regions;
  }
}
