package geosim.scenario;

import static geosim.scenario.Problems.shown;
import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import geosim.faults.FaultKind;
import geosim.faults.FaultSpace;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code explore} block: the scenario's fault space ({@code explore.fault-space}: kinds,
 * targets, max-faults, within, duration = [shortest, longest]) and whether this run draws a plan
 * from it ({@code explore.draw-faults}, which {@code geosim explore} sets for every seed it runs
 * and puts in its reproduce commands). An empty {@code kinds} list declares no space. Every
 * problem names its key; a target must name an element of the topology, and each kind must have a
 * place within the targets.
 */
final class FaultSpaceReader {
  static final String BLOCK = "explore";
  private static final String SPACE = BLOCK + ".fault-space";

  private final ValueReader reader;
  private final Problems problems;

  FaultSpaceReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** What the block says: the space (null when none is declared) and whether to draw from it. */
  record Explore(FaultSpace space, boolean draw) {}

  /**
   * The block, or null after a problem.
   *
   * @param topology the scenario's topology, or null (then no space may be declared)
   * @param crashesAllowed whether the model lets servers crash (is the store)
   */
  Explore read(ConfigValue explore, Topology topology, boolean crashesAllowed) {
    if (explore == null) return null;
    int before = problems.count();
    ConfigValue drawValue = reader.child(explore, BLOCK, "draw-faults");
    Boolean draw = bool(drawValue, path(BLOCK, "draw-faults"));
    ConfigValue space = reader.child(explore, BLOCK, "fault-space");
    ConfigValue kindsValue = reader.child(space, SPACE, "kinds");
    List<FaultKind> kinds = kinds(kindsValue, crashesAllowed);
    ConfigValue targetsValue = reader.child(space, SPACE, "targets");
    List<String> targets = strings(targetsValue, path(SPACE, "targets"));
    Long max = reader.integerAt(space, SPACE, "max-faults", 1, FaultSpace.FAULTS_MAX);
    Long within = reader.durationNsAt(space, SPACE, "within", false);
    long[] duration = duration(reader.child(space, SPACE, "duration"));
    if (problems.count() != before) return null;
    if (kinds.isEmpty()) {
      if (draw) problems.at(drawValue, path(BLOCK, "draw-faults"), "true needs a fault space, but "
          + path(SPACE, "kinds") + " is empty: name at least one of " + FaultSpace.kindNames());
      return problems.count() == before ? new Explore(null, false) : null;
    }
    if (topology == null) {
      problems.at(kindsValue, path(SPACE, "kinds"), "a fault space needs a topology { ... } block");
      return null;
    }
    FaultSpace result = new FaultSpace(kinds, targets, max.intValue(), within, duration[0], duration[1]);
    checkPlaces(result, topology, kindsValue, targetsValue);
    return problems.count() == before ? new Explore(result, draw) : null;
  }

  private Boolean bool(ConfigValue value, String at) {
    if (value == null) return null;
    try {
      return value.atKey("v").getBoolean("v");
    } catch (ConfigException.WrongType e) {
      problems.at(value, at, "expected true or false, got '" + shown(value) + "'");
      return null;
    }
  }

  private List<FaultKind> kinds(ConfigValue value, boolean crashesAllowed) {
    List<FaultKind> kinds = new ArrayList<>();
    List<String> names = strings(value, path(SPACE, "kinds"));
    for (int i = 0; i < names.size(); i++) {
      FaultKind kind = kindNamed(names.get(i));
      ConfigValue element = ((ConfigList) value).get(i);
      String at = path(SPACE, "kinds") + "[" + i + "]";
      if (kind == null) {
        problems.at(element, at, "expected one of " + FaultSpace.kindNames() + ", got '" + names.get(i) + "'");
      } else if (kinds.contains(kind)) {
        problems.at(element, at, names.get(i) + " is named twice");
      } else if (kind.needsStore() && !crashesAllowed) {
        problems.at(element, at, names.get(i) + " needs model = store (the servers of other models cannot crash)");
      } else {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  private static FaultKind kindNamed(String name) {
    for (FaultKind k : FaultSpace.KINDS) {
      if (k.configName().equals(name)) return k;
    }
    return null;
  }

  /** A list of strings; an empty list when it is not one (after a problem). */
  private List<String> strings(ConfigValue value, String at) {
    List<String> out = new ArrayList<>();
    if (value == null) return out;
    if (!(value instanceof ConfigList list)) {
      problems.at(value, at, "expected a list such as [server-crash, rack-power], got '" + shown(value) + "'");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      String s = reader.string(at + "[" + i + "]", list.get(i));
      if (s != null) out.add(s.strip());
    }
    return out;
  }

  /** {@code duration = [shortest, longest]}: two durations > 0, in order. */
  private long[] duration(ConfigValue value) {
    String at = path(SPACE, "duration");
    if (value == null) return null;
    if (!(value instanceof ConfigList list) || list.size() != 2) {
      problems.at(value, at, "expected [shortest, longest] such as [30s, 5m], got '" + shown(value) + "'");
      return null;
    }
    Long min = reader.durationNs(at + "[0]", list.get(0), false);
    Long max = reader.durationNs(at + "[1]", list.get(1), false);
    if (min == null || max == null) return null;
    if (max < min) {
      problems.at(list.get(1), at + "[1]", "the longest must not be shorter than the shortest, " + shown(list.get(0))
          + ", got " + shown(list.get(1)));
      return null;
    }
    return new long[] {min, max};
  }

  /** Every target names an element of the topology, and every kind has a place within the targets. */
  private void checkPlaces(FaultSpace space, Topology topology, ConfigValue kindsValue, ConfigValue targetsValue) {
    int before = problems.count();
    for (int i = 0; i < space.targets().size(); i++) {
      FaultSpace one = new FaultSpace(FaultSpace.KINDS.stream().toList(), List.of(space.targets().get(i)), 1, 1, 1, 1);
      boolean any = false;
      for (FaultKind k : FaultSpace.KINDS) any |= !one.places(k, topology).isEmpty();
      if (!any) {
        problems.at(((ConfigList) targetsValue).get(i), path(SPACE, "targets") + "[" + i + "]", "'"
            + space.targets().get(i) + "' is no region, data center, rack, switch or server of the topology");
      }
    }
    if (problems.count() != before) return; // every kind would lack a place within an unknown target
    for (int i = 0; i < space.kinds().size(); i++) {
      if (space.places(space.kinds().get(i), topology).isEmpty()) {
        problems.at(kindsValue, path(SPACE, "kinds"), space.kinds().get(i).configName()
            + " has no place within the targets " + space.targets());
      }
    }
  }
}
