package geosim.scenario;

import static geosim.scenario.Problems.shown;
import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import geosim.faults.FaultKind;
import geosim.network.CutSpec;
import geosim.network.PartitionSpec;
import geosim.topology.Link;
import geosim.topology.Placement;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks where a fault acts, against the topology: a {@code target} (a server, a rack,
 * a region or a switch, by the kind's {@link FaultKind.Place}) or a {@code between} pair (two
 * regions for a region partition, two elements a cable joins for a link cut or degradation, two servers or ToR
 * switches for a storm), or a partition's {@code sides} (two non-empty lists of regions, data
 * centers, racks or servers, apart from each other).
 */
final class FaultPlaces {
  private final ValueReader reader;
  private final Problems problems;
  private final Topology topology;

  FaultPlaces(ValueReader reader, Problems problems, Topology topology) {
    this.reader = reader;
    this.problems = problems;
    this.topology = topology;
  }

  /** The fault's {@code target}, or null after reporting a problem. */
  String target(ConfigObject o, String at, FaultKind kind) {
    String target = reader.stringAt(o, at, "target");
    if (target == null) return null;
    String expected = switch (kind.place()) {
      case SERVER -> topology.server(target).isPresent() ? null
          : "a server's path, region/datacenter/rack/server, e.g. " + firstServer().path();
      case RACK -> isRack(target) ? null : "a rack's path, region/datacenter/rack, e.g. " + rackOf(firstServer());
      case REGION -> topology.region(target).isPresent() ? null : "a region (regions: " + regionNames() + ")";
      case SWITCH -> isSwitch(target) ? null : "a switch's path, e.g. " + firstServer().torSwitchPath() + ", "
          + firstServer().region().name() + "/" + firstServer().dataCenter().name() + "/agg-1 or "
          + firstServer().region().name() + "/wan";
      case BETWEEN, SIDES -> throw new IllegalArgumentException(kind + " has no target");
    };
    if (expected == null) return target;
    problems.at(o.get("target"), path(at, "target"), "no " + kind.place().name().toLowerCase(java.util.Locale.ROOT)
        + " '" + target + "' in the topology (expected " + expected + ")");
    return null;
  }

  /** The fault's {@code between} pair, or null after reporting a problem. */
  List<String> between(ConfigObject o, String at, FaultKind kind) {
    ConfigValue value = reader.child(o, at, "between");
    String path = path(at, "between");
    if (value == null) return null;
    if (!(value instanceof ConfigList list) || list.size() != 2) {
      problems.at(value, path, "expected two elements such as [us-east, eu-west], got '" + shown(value) + "'");
      return null;
    }
    int before = problems.count();
    List<String> ends = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String name = reader.string(path + "[" + i + "]", list.get(i));
      if (name != null) checkEnd(kind, name, list.get(i), path + "[" + i + "]");
      ends.add(name);
    }
    if (problems.count() != before) return null;
    if (ends.get(0).equals(ends.get(1))) {
      problems.at(value, path, "names '" + ends.get(0) + "' twice; name two different elements");
      return null;
    }
    if (kind != FaultKind.STORM && CutSpec.between(0, 1, ends.get(0), ends.get(1)).linkIds(topology.links()).length == 0) {
      problems.at(value, path, (kind == FaultKind.LINK_DEGRADATION ? "degrades" : "cuts") + " no link: no "
          + (kind == FaultKind.REGION_PARTITION ? "WAN link" : "cable")
          + " joins " + ends.get(0) + " and " + ends.get(1) + " directly");
      return null;
    }
    return ends;
  }

  /** A partition's {@code sides}: two lists of elements, each non-empty, apart; or null after reporting a problem. */
  List<List<String>> sides(ConfigObject o, String at) {
    ConfigValue value = reader.child(o, at, "sides");
    String path = path(at, "sides");
    if (value == null) return null;
    if (!(value instanceof ConfigList list) || list.size() != 2) {
      problems.at(value, path, "expected two sides, each a list of regions, data centers, racks or servers, such as "
          + "[[us-east/use1-a/rack-1, us-east/use1-a/rack-2], [us-east/use1-a/rack-3]], got '" + shown(value) + "'");
      return null;
    }
    int before = problems.count();
    List<List<String>> sides = new ArrayList<>();
    for (int s = 0; s < 2; s++) sides.add(side(list.get(s), path + "[" + s + "]"));
    if (problems.count() != before) return null;
    ConfigList second = (ConfigList) list.get(1);
    for (int j = 0; j < sides.get(1).size(); j++) {
      for (String a : sides.get(0)) {
        String b = sides.get(1).get(j);
        if (PartitionSpec.overlap(a, b)) {
          problems.at(second.get(j), path + "[1][" + j + "]", "'" + b + "' overlaps '" + a + "' of " + path
              + "[0]; the two sides must share no server");
          return null;
        }
      }
    }
    return sides;
  }

  /** One side: a non-empty list of elements of the topology, none named twice; null elements after a problem. */
  private List<String> side(ConfigValue value, String path) {
    if (!(value instanceof ConfigList list) || list.isEmpty()) {
      problems.at(value, path, "expected a non-empty list of regions, data centers, racks or servers, such as ["
          + rackOf(firstServer()) + "], got '" + shown(value) + "'");
      return List.of();
    }
    List<String> side = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = path + "[" + i + "]";
      String name = reader.string(at, list.get(i));
      if (name == null) continue;
      if (!isElement(name)) {
        problems.at(list.get(i), at, "no region, data center, rack or server '" + name + "' in the topology (e.g. "
            + rackOf(firstServer()) + ")");
      } else if (side.contains(name)) {
        problems.at(list.get(i), at, "names '" + name + "' twice");
      }
      side.add(name);
    }
    return side;
  }

  /** Whether {@code path} is a region, a data center, a rack or a server of the topology. */
  private boolean isElement(String path) {
    for (Placement p : topology.servers()) {
      String region = p.region().name();
      String dc = region + "/" + p.dataCenter().name();
      if (path.equals(region) || path.equals(dc) || path.equals(rackOf(p)) || path.equals(p.path())) return true;
    }
    return false;
  }

  private void checkEnd(FaultKind kind, String name, ConfigValue value, String path) {
    if (kind == FaultKind.REGION_PARTITION && topology.region(name).isEmpty()) {
      problems.at(value, path, "no region '" + name + "' in the topology (regions: " + regionNames() + ")");
    } else if (kind == FaultKind.STORM && topology.server(name).isEmpty() && !isTor(name)) {
      problems.at(value, path, "no server or top-of-rack switch '" + name + "' in the topology (a storm runs between"
          + " two, e.g. " + firstServer().path() + " or " + firstServer().torSwitchPath() + ")");
    } else if ((kind == FaultKind.LINK_CUT || kind == FaultKind.LINK_DEGRADATION) && !isLinkEnd(name)) {
      problems.at(value, path, "no element '" + name + "' in the topology (a switch, server, rack, data center or"
          + " region path, e.g. " + firstServer().torSwitchPath() + ")");
    }
  }

  private boolean isRack(String path) {
    for (Placement p : topology.servers()) {
      if (rackOf(p).equals(path)) return true;
    }
    return false;
  }

  private boolean isTor(String path) {
    for (Placement p : topology.servers()) {
      if (p.torSwitchPath().equals(path)) return true;
    }
    return false;
  }

  private boolean isSwitch(String path) {
    if (topology.server(path).isPresent()) return false;
    for (Link link : topology.links()) {
      if (link.from().equals(path)) return true;
    }
    return false;
  }

  private boolean isLinkEnd(String path) {
    for (Link link : topology.links()) {
      if (CutSpec.within(link.from(), path) || CutSpec.within(link.to(), path)) return true;
    }
    return false;
  }

  private Placement firstServer() {
    return topology.servers().get(0);
  }

  private static String rackOf(Placement p) {
    return p.region().name() + "/" + p.dataCenter().name() + "/" + p.rack().name();
  }

  private String regionNames() {
    return String.join(", ", topology.regions().stream().map(r -> r.name()).toList());
  }
}
