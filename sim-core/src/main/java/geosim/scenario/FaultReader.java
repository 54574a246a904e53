package geosim.scenario;

import static geosim.scenario.Problems.shown;
import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import geosim.faults.FaultKind;
import geosim.faults.FaultPlan;
import geosim.faults.FaultSpec;
import geosim.network.CutSpec;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the top-level {@code faults} list into a {@link FaultPlan}: each fault's kind, start
 * ({@code at}, within the run), optional duration (> 0; default: to the end of the run), and its
 * place, checked against the topology: a server crash's {@code target} is a server's path, a
 * region partition's {@code between} two different regions. Server crashes need {@code model =
 * store} (the only model whose servers can crash); region partitions work with any model on a
 * topology (they become network cuts).
 */
final class FaultReader {
  static final String BLOCK = "faults";
  private static final String EXAMPLE =
      "{ at = 20s, kind = server-crash, target = us-east/use1-a/rack-1/srv-1, duration = 60s }";
  private static final Set<String> CRASH_KEYS = Set.of("at", "kind", "target", "duration");
  private static final Set<String> PARTITION_KEYS = Set.of("at", "kind", "between", "duration");

  private final ValueReader reader;
  private final Problems problems;

  FaultReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /**
   * The plan, or null when any problem was reported.
   *
   * @param topology the scenario's topology, or null (then the list must be empty)
   * @param durationNs the run's length, or null when it had problems (then {@code at} is not checked)
   * @param crashesAllowed whether the model lets servers crash
   */
  FaultPlan read(ConfigValue value, Topology topology, Long durationNs, boolean crashesAllowed) {
    if (value == null) return null;
    if (!(value instanceof ConfigList list)) {
      problems.at(value, BLOCK, "expected a list such as [" + EXAMPLE + "], got '" + shown(value) + "'");
      return null;
    }
    if (!list.isEmpty() && topology == null) {
      problems.at(value, BLOCK, "needs a topology { ... } block whose servers and regions it names");
      return null;
    }
    int before = problems.count();
    List<FaultSpec> faults = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      FaultSpec fault = fault(list.get(i), BLOCK + "[" + i + "]", topology, durationNs, crashesAllowed);
      if (fault != null) faults.add(fault);
    }
    return problems.count() == before ? new FaultPlan(faults) : null;
  }

  private FaultSpec fault(ConfigValue value, String at, Topology topology, Long durationNs, boolean crashesAllowed) {
    if (!(value instanceof ConfigObject o)) {
      problems.at(value, at, "expected an object such as " + EXAMPLE + ", got '" + shown(value) + "'");
      return null;
    }
    FaultKind kind = kind(o, at);
    if (kind == null) return null;
    int before = problems.count();
    UnknownKeys.checkElement(o, at, kind == FaultKind.SERVER_CRASH ? CRASH_KEYS : PARTITION_KEYS, problems);
    long[] window = window(o, at, durationNs);
    if (kind == FaultKind.SERVER_CRASH) {
      String target = target(o, at, topology);
      if (!crashesAllowed) {
        problems.at(o.get("kind"), path(at, "kind"), "server-crash needs model = store (the servers of other "
            + "models cannot crash); use region-partition, or network.cuts with isolate = <server>");
      }
      return problems.count() == before ? FaultSpec.serverCrash(window[0], window[1], target) : null;
    }
    List<String> between = regions(o, at, topology);
    if (problems.count() == before
        && CutSpec.between(0, 1, between.get(0), between.get(1)).linkIds(topology.links()).length == 0) {
      problems.at(o.get("between"), path(at, "between"), "cuts no link: no WAN link joins " + between.get(0)
          + " and " + between.get(1) + " directly");
    }
    return problems.count() == before ? FaultSpec.regionPartition(window[0], window[1], between.get(0), between.get(1))
        : null;
  }

  private FaultKind kind(ConfigObject o, String at) {
    String text = reader.stringAt(o, at, "kind");
    if (text == null) return null;
    try {
      return FaultKind.fromConfig(text);
    } catch (IllegalArgumentException e) {
      problems.at(o.get("kind"), path(at, "kind"), e.getMessage());
      return null;
    }
  }

  /** {@code at} (within the run) and {@code duration} (> 0, default: to the end) as [start, end). */
  private long[] window(ConfigObject o, String at, Long durationNs) {
    Long start = reader.durationNsAt(o, at, "at", true);
    Long duration = o.containsKey("duration") ? reader.durationNsAt(o, at, "duration", false) : null;
    if (start == null || (o.containsKey("duration") && duration == null)) return new long[] {0, 1};
    if (durationNs != null && start >= durationNs) {
      problems.at(o.get("at"), path(at, "at"), "must be before the end of the run (duration = "
          + durationNs / 1e9 + " s), got " + shown(o.get("at")));
    }
    long end = duration == null || start > Long.MAX_VALUE - duration ? Long.MAX_VALUE : start + duration;
    return new long[] {start, end};
  }

  private String target(ConfigObject o, String at, Topology topology) {
    String target = reader.stringAt(o, at, "target");
    if (target == null) return null;
    if (topology.server(target).isEmpty()) {
      problems.at(o.get("target"), path(at, "target"), "no server '" + target + "' in the topology (a server's "
          + "path is region/datacenter/rack/server, e.g. " + topology.servers().get(0).path() + ")");
    }
    return target;
  }

  private List<String> regions(ConfigObject o, String at, Topology topology) {
    ConfigValue value = reader.child(o, at, "between");
    String path = path(at, "between");
    if (value == null) return null;
    if (!(value instanceof ConfigList list) || list.size() != 2) {
      problems.at(value, path, "expected two regions such as [us-east, eu-west], got '" + shown(value) + "'");
      return null;
    }
    List<String> regions = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String name = reader.string(path + "[" + i + "]", list.get(i));
      if (name != null && topology.region(name).isEmpty()) {
        problems.at(list.get(i), path + "[" + i + "]", "no region '" + name + "' in the topology (regions: "
            + String.join(", ", topology.regions().stream().map(r -> r.name()).toList()) + ")");
      }
      regions.add(name);
    }
    if (regions.get(0) != null && regions.get(0).equals(regions.get(1))) {
      problems.at(value, path, "names region '" + regions.get(0) + "' twice; name two different regions");
    }
    return regions;
  }
}
