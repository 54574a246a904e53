package geosim.scenario;

import static geosim.scenario.Problems.shown;
import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import geosim.faults.FaultEvent;
import geosim.faults.FaultKind;
import geosim.faults.FaultPlan;
import geosim.faults.FaultSpec;
import geosim.faults.RandomFaults;
import geosim.kernel.Seeds;
import geosim.kernel.StreamRandom;
import geosim.network.CutSpec;
import geosim.network.Degradation;
import geosim.node.Disk;
import geosim.store.node.ClockSettings;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the top-level {@code faults} list into a {@link FaultPlan}: each fault's kind, start
 * ({@code at}, within the run), duration (> 0; default: to the end of the run; required for a
 * restart, not allowed for a termination or a clock jump), its place ({@link FaultPlaces}: a
 * {@code target}, the two ends of a link or region pair in {@code between}, or for a {@code
 * partition} the two groups of regions, data centers, racks or servers in {@code sides}), and
 * its amount ({@code factor} of a slow disk, {@code by} of a clock jump, {@code rate-gbps} of a
 * storm). Faults that only store servers can suffer need {@code model = store}; cuts and storms
 * work with any model on a topology. Two faults with the same effect on the same target whose
 * times overlap contradict each other and are rejected. An element {@code { kind = random, element
 * = server|disk|rack|tor-switch, mtbf, mttr }} adds random failures of every such element, drawn here
 * from the stream {@value #RANDOM_STREAM} and appended to the plan as scheduled faults (they may
 * overlap the scheduled ones: down windows merge, cuts add up).
 */
final class FaultReader {
  static final String BLOCK = "faults";
  /** The faults injected during a recorded run ({@link InjectedFaults}). */
  static final String INJECTED_BLOCK = "injected-faults";
  /** The stream random faults are drawn from, in the order the scenario lists them. */
  static final String RANDOM_STREAM = "faults/random";
  private static final String RANDOM = "random";
  private static final Set<String> RANDOM_KEYS = Set.of("kind", "element", "mtbf", "mttr");
  private static final String EXAMPLE =
      "{ at = 20s, kind = server-crash, target = us-east/use1-a/rack-1/srv-1, duration = 60s }";

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
   * @param seed the run's seed, or null when it had problems (then random faults are not drawn)
   * @param crashesAllowed whether the model lets servers crash (is the store)
   */
  FaultPlan read(ConfigValue value, Topology topology, Long durationNs, Long seed, boolean crashesAllowed) {
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
    FaultPlaces places = topology == null ? null : new FaultPlaces(reader, problems, topology);
    List<FaultSpec> faults = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    List<RandomFaults> random = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (isRandom(list.get(i))) {
        RandomFaults r = randomFaults((ConfigObject) list.get(i), BLOCK + "[" + i + "]", crashesAllowed);
        if (r != null) random.add(r);
        continue;
      }
      FaultSpec fault = fault(list.get(i), BLOCK + "[" + i + "]", places, durationNs, crashesAllowed, Set.of());
      if (fault != null) {
        checkNoConflict(fault, (ConfigObject) list.get(i), BLOCK + "[" + i + "]", faults, indices, topology);
        faults.add(fault);
        indices.add(i);
      }
    }
    if (problems.count() != before) return null;
    if (!random.isEmpty() && durationNs != null && seed != null) {
      StreamRandom stream = new StreamRandom(Seeds.streamSeed(seed, RANDOM_STREAM));
      for (RandomFaults r : random) faults.addAll(r.expand(topology, durationNs, stream));
    }
    return new FaultPlan(faults);
  }

  /**
   * The {@value #INJECTED_BLOCK} list of a recorded run: starts and ends ({@code phase}), in time
   * order; or null when any problem was reported.
   */
  List<FaultEvent> readInjected(ConfigValue value, Topology topology, Long durationNs, boolean crashesAllowed) {
    if (value == null) return null;
    if (!(value instanceof ConfigList list)) {
      problems.at(value, INJECTED_BLOCK, "expected a list such as [" + EXAMPLE + "], got '" + shown(value) + "'");
      return null;
    }
    if (!list.isEmpty() && topology == null) {
      problems.at(value, INJECTED_BLOCK, "needs a topology { ... } block whose servers and regions it names");
      return null;
    }
    int before = problems.count();
    FaultPlaces places = topology == null ? null : new FaultPlaces(reader, problems, topology);
    List<FaultEvent> events = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = INJECTED_BLOCK + "[" + i + "]";
      FaultSpec fault = fault(list.get(i), at, places, durationNs, crashesAllowed, Set.of("phase"));
      if (fault == null) continue;
      ConfigObject o = (ConfigObject) list.get(i);
      String phase = o.containsKey("phase") ? reader.stringAt(o, at, "phase") : "start";
      if (phase != null && !phase.equals("start") && !phase.equals("end")) {
        problems.at(o.get("phase"), path(at, "phase"), "expected start|end, got '" + phase + "'");
      }
      if (!events.isEmpty() && fault.atNs() < events.get(events.size() - 1).timeNs()) {
        problems.at(o.get("at"), path(at, "at"), "must not be before the one before it: injections are in time order");
      }
      events.add(new FaultEvent(fault.atNs(), !"end".equals(phase), fault));
    }
    return problems.count() == before ? events : null;
  }

  private static boolean isRandom(ConfigValue value) {
    return value instanceof ConfigObject o && o.get("kind") != null
        && RANDOM.equals(o.get("kind").unwrapped());
  }

  /**
   * {@code { kind = random, element = server|disk|rack|tor-switch, mtbf = duration, mttr = duration }}:
   * each element of that kind fails and is repaired at random ({@link RandomFaults}); {@code mtbf}
   * and {@code mttr} default to the element's cited figures.
   */
  private RandomFaults randomFaults(ConfigObject o, String at, boolean crashesAllowed) {
    int before = problems.count();
    UnknownKeys.checkElement(o, at, RANDOM_KEYS, problems);
    String name = reader.stringAt(o, at, "element");
    RandomFaults.Element element = null;
    if (name != null) {
      try {
        element = RandomFaults.Element.fromConfig(name);
      } catch (IllegalArgumentException e) {
        problems.at(o.get("element"), path(at, "element"), e.getMessage());
      }
    }
    Long mtbf = o.containsKey("mtbf") ? reader.durationNsAt(o, at, "mtbf", false) : null;
    Long mttr = o.containsKey("mttr") ? reader.durationNsAt(o, at, "mttr", false) : null;
    if (element != null && element.kind().needsStore() && !crashesAllowed) {
      problems.at(o.get("element"), path(at, "element"), "random " + name + " failures need model = store (the "
          + "servers of other models cannot crash); use element = tor-switch");
    }
    if (problems.count() != before) return null;
    return new RandomFaults(element, mtbf != null ? mtbf : element.defaultMtbfNs(),
        mttr != null ? mttr : element.defaultMttrNs());
  }

  private FaultSpec fault(ConfigValue value, String at, FaultPlaces places, Long durationNs, boolean crashesAllowed,
      Set<String> moreKeys) {
    if (!(value instanceof ConfigObject o)) {
      problems.at(value, at, "expected an object such as " + EXAMPLE + ", got '" + shown(value) + "'");
      return null;
    }
    FaultKind kind = kind(o, at);
    if (kind == null) return null;
    int before = problems.count();
    Set<String> keys = keys(kind);
    keys.addAll(moreKeys);
    UnknownKeys.checkElement(o, at, keys, problems);
    long[] window = window(o, at, kind, durationNs);
    boolean between = kind.place() == FaultKind.Place.BETWEEN;
    boolean sided = kind.place() == FaultKind.Place.SIDES;
    String target = between || sided ? null : places.target(o, at, kind);
    List<String> ends = between ? places.between(o, at, kind) : null;
    List<List<String>> sides = sided ? places.sides(o, at) : null;
    double amount = amount(o, at, kind);
    Degradation degradation = kind == FaultKind.LINK_DEGRADATION ? new DegradationReader(reader, problems).read(o, at) : null;
    if (kind.needsStore() && !crashesAllowed) {
      problems.at(o.get("kind"), path(at, "kind"), kind.configName() + " needs model = store (the servers of other "
          + "models cannot crash); use region-partition, or network.cuts with isolate = <server>");
    }
    return problems.count() == before
        ? new FaultSpec(kind, window[0], window[1], target, ends, amount, degradation, sides) : null;
  }

  private static Set<String> keys(FaultKind kind) {
    Set<String> keys = new TreeSet<>(List.of("at", "kind"));
    keys.add(switch (kind.place()) {
      case BETWEEN -> "between";
      case SIDES -> "sides";
      default -> "target";
    });
    if (kind.hasDuration()) keys.add("duration");
    switch (kind) {
      case SLOW_DISK -> keys.add("factor");
      case CLOCK_JUMP -> keys.add("by");
      case STORM -> keys.add("rate-gbps");
      case LINK_DEGRADATION -> keys.addAll(DegradationReader.KEYS);
      default -> { }
    }
    return keys;
  }

  private FaultKind kind(ConfigObject o, String at) {
    String text = reader.stringAt(o, at, "kind");
    if (text == null) return null;
    try {
      return FaultKind.fromConfig(text);
    } catch (IllegalArgumentException e) {
      problems.at(o.get("kind"), path(at, "kind"), e.getMessage().replace(", got", "|" + RANDOM + ", got"));
      return null;
    }
  }

  /**
   * {@code at} (within the run) and {@code duration} (> 0, default: to the end; required for a
   * restart) as [start, end).
   */
  private long[] window(ConfigObject o, String at, FaultKind kind, Long durationNs) {
    Long start = reader.durationNsAt(o, at, "at", true);
    if (kind == FaultKind.SERVER_RESTART && !o.containsKey("duration")) {
      problems.at(o, path(at, "duration"), "missing: a server-restart needs the time its server is down, e.g. 30s");
    }
    Long duration = o.containsKey("duration") && kind.hasDuration()
        ? reader.durationNsAt(o, at, "duration", false) : null;
    if (start == null || (o.containsKey("duration") && kind.hasDuration() && duration == null)) {
      return new long[] {0, 1};
    }
    if (durationNs != null && start >= durationNs) {
      problems.at(o.get("at"), path(at, "at"), "must be before the end of the run (duration = "
          + durationNs / 1e9 + " s), got " + shown(o.get("at")));
    }
    long end = duration == null || start > Long.MAX_VALUE - duration ? Long.MAX_VALUE : start + duration;
    return new long[] {start, end};
  }

  /** The slow disk's factor, the clock jump in ns, the storm's rate in bit/s; 0 for the other kinds. */
  private double amount(ConfigObject o, String at, FaultKind kind) {
    Number amount = switch (kind) {
      case SLOW_DISK -> reader.decimalAt(o, at, "factor", 1, Disk.SLOWDOWN_MAX);
      case CLOCK_JUMP -> reader.signedDurationNs(path(at, "by"), reader.child(o, at, "by"), ClockSettings.OFFSET_NS_MAX);
      case STORM -> new TopologyValues(reader, problems)
          .positive(path(at, "rate-gbps"), reader.child(o, at, "rate-gbps"), NetworkReader.RATE_GBPS_MAX);
      default -> 0;
    };
    if (amount == null) return kind == FaultKind.SLOW_DISK ? 1 : 0;
    if (kind == FaultKind.CLOCK_JUMP && amount.longValue() == 0) {
      problems.at(o.get("by"), path(at, "by"), "must not be 0 (a jump forward, or a negative one backward)");
    }
    return kind == FaultKind.STORM ? amount.doubleValue() * 1e9 : amount.doubleValue();
  }

  /**
   * Reports {@code fault} when it overlaps in time an earlier fault with the same effect on the
   * same place (two crashes, a crash and a restart, two slow disks of one server, two degradations
   * of one link...): which one holds would be arbitrary.
   */
  private void checkNoConflict(FaultSpec fault, ConfigObject o, String at, List<FaultSpec> earlier,
      List<Integer> indices, Topology topology) {
    for (int j = 0; j < earlier.size(); j++) {
      FaultSpec other = earlier.get(j);
      if (sameEffect(fault, other) && samePlace(fault, other, topology) && fault.overlaps(other)) {
        problems.at(o.get("at"), path(at, "at"), "overlaps " + BLOCK + "[" + indices.get(j) + "] (" + other.describe()
            + " from " + other.atNs() / 1e9 + " s" + (other.endNs() == Long.MAX_VALUE ? "" : " to "
            + other.endNs() / 1e9 + " s") + ") on the same target; make them follow each other or merge them");
        return;
      }
    }
  }

  /** The same target or pair; for link degradations, pairs that share a link (regions and their WAN routers, say). */
  private static boolean samePlace(FaultSpec a, FaultSpec b, Topology topology) {
    if (a.where().equals(b.where())) return true;
    if (a.kind() != FaultKind.LINK_DEGRADATION || b.kind() != FaultKind.LINK_DEGRADATION) return false;
    int[] mine = linkIds(a, topology);
    for (int id : linkIds(b, topology)) {
      if (Arrays.binarySearch(mine, id) >= 0) return true;
    }
    return false;
  }

  private static int[] linkIds(FaultSpec between, Topology topology) {
    return CutSpec.between(0, 1, between.between().get(0), between.between().get(1)).linkIds(topology.links());
  }

  private static boolean sameEffect(FaultSpec a, FaultSpec b) {
    return a.kind() == b.kind()
        || (a.kind().effect() == FaultKind.Effect.DOWN && b.kind().effect() == FaultKind.Effect.DOWN);
  }
}
