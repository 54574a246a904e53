package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import geosim.node.Cpu;
import geosim.relational.RelationalCosts;
import geosim.relational.RelationalSettings;
import geosim.relational.RelationalWorkload;
import geosim.relational.ShardMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code relational} block into {@link RelationalSettings}: names unique, every replica
 * of a known primary, a shard map covering every hash slot exactly once, crashes of known
 * primaries (at most one each: a shard fails over once).
 */
final class RelationalReader {
  static final String BLOCK = "relational";
  private static final String WORKLOAD = BLOCK + ".workload";
  /** Most hash slots. Assumption: Redis Cluster's 16384 slots, and beyond. */
  private static final long SLOTS_MAX = 1 << 20;
  /** Highest request rate. Assumption: far beyond one MySQL tier. */
  private static final double RATE_MAX = 1e7;

  private final ValueReader reader;
  private final Problems problems;

  RelationalReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The settings, or null after a problem. */
  RelationalSettings read(ConfigValue block) {
    int before = problems.count();
    List<String> primaries = primaries(reader.child(block, BLOCK, "primaries"));
    List<RelationalSettings.Replica> replicas = replicas(reader.child(block, BLOCK, "replicas"), primaries);
    Long slots = reader.integerAt(block, BLOCK, "hash-slots", 1, SLOTS_MAX);
    ShardMap map = slots == null ? null : shardMap(reader.child(block, BLOCK, "shard-map"), primaries, slots.intValue());
    RelationalCosts costs = costs(block);
    RelationalWorkload workload = workload(reader.child(block, BLOCK, "workload"));
    Long detectNs = reader.durationNsAt(block, BLOCK, "detection-delay", false);
    List<RelationalSettings.Crash> crashes = crashes(reader.child(block, BLOCK, "crashes"), primaries);
    String promote = reader.stringAt(block, BLOCK, "promote");
    if (promote != null && !promote.equals("received") && !promote.equals("applied")) {
      problems.at(reader.child(block, BLOCK, "promote"), path(BLOCK, "promote"), "expected one of received|applied, got '" + promote + "'");
    }
    if (problems.count() != before) return null;
    return new RelationalSettings(primaries, replicas, map, workload, costs,
        new RelationalSettings.Failover(detectNs, crashes, promote.equals("applied")));
  }

  private List<String> primaries(ConfigValue value) {
    List<String> names = new ArrayList<>();
    if (!(value instanceof ConfigList list) || list.isEmpty()) {
      if (value != null) problems.at(value, path(BLOCK, "primaries"), "expected a list of names such as [db-1, db-2], got '" + Problems.shown(value) + "'");
      return names;
    }
    for (int i = 0; i < list.size(); i++) {
      String name = reader.string(path(BLOCK, "primaries") + "[" + i + "]", list.get(i));
      if (name == null) continue;
      if (names.contains(name)) problems.at(list.get(i), path(BLOCK, "primaries") + "[" + i + "]", "'" + name + "' is listed twice");
      names.add(name);
    }
    return names;
  }

  private List<RelationalSettings.Replica> replicas(ConfigValue list, List<String> primaries) {
    List<RelationalSettings.Replica> out = new ArrayList<>();
    List<String> seen = new ArrayList<>(primaries);
    new TopologyValues(reader, problems).eachObject(list, path(BLOCK, "replicas"), "{ name = db-1-r1, of = db-1 }",
        Set.of("name", "of"), (at, o) -> {
          String name = reader.stringAt(o, at, "name");
          String of = reader.stringAt(o, at, "of");
          if (name != null && seen.contains(name)) problems.at(o.get("name"), path(at, "name"), "'" + name + "' is used twice");
          if (of != null && !primaries.contains(of)) {
            problems.at(o.get("of"), path(at, "of"), "unknown primary '" + of + "' (expected one of " + String.join("|", primaries) + ")");
            return;
          }
          if (name == null || of == null) return;
          seen.add(name);
          out.add(new RelationalSettings.Replica(name, primaries.indexOf(of)));
        });
    return out;
  }

  /** The shard map; empty means the primaries split the slots evenly, in order. */
  private ShardMap shardMap(ConfigValue list, List<String> primaries, int slots) {
    if (primaries.isEmpty() || list == null) return null;
    List<ShardMap.Range> ranges = new ArrayList<>();
    int before = problems.count();
    new TopologyValues(reader, problems).eachObject(list, path(BLOCK, "shard-map"), "{ primary = db-1, from = 0, to = 511 }",
        Set.of("primary", "from", "to"), (at, o) -> {
          String primary = reader.stringAt(o, at, "primary");
          Long from = reader.integerAt(o, at, "from", 0, slots - 1);
          Long to = reader.integerAt(o, at, "to", 0, slots - 1);
          if (primary != null && !primaries.contains(primary)) {
            problems.at(o.get("primary"), path(at, "primary"), "unknown primary '" + primary + "'");
          } else if (from != null && to != null && to < from) {
            problems.at(o.get("to"), path(at, "to"), "must be at least from = " + from + ", got " + to);
          } else if (primary != null && from != null && to != null) {
            ranges.add(new ShardMap.Range(primaries.indexOf(primary), from.intValue(), to.intValue()));
          }
        });
    if (problems.count() != before) return null;
    if (ranges.isEmpty()) {
      if (primaries.size() <= slots) return ShardMap.even(slots, primaries.size());
      problems.at(list, path(BLOCK, "hash-slots"), "must be at least the " + primaries.size() + " primaries, got " + slots);
      return null;
    }
    try {
      return ShardMap.of(slots, ranges);
    } catch (IllegalArgumentException e) {
      problems.at(list, path(BLOCK, "shard-map"), e.getMessage());
      return null;
    }
  }

  private RelationalCosts costs(ConfigValue block) {
    Long cores = reader.integerAt(block, BLOCK, "cores", 1, Cpu.CORES_MAX);
    Long write = reader.durationNsAt(block, BLOCK, "cpu-per-write", true);
    Long read = reader.durationNsAt(block, BLOCK, "cpu-per-read", true);
    Long apply = reader.durationNsAt(block, BLOCK, "apply-per-write", true);
    Long delay = reader.durationNsAt(block, BLOCK, "network-delay", false);
    if (cores == null || write == null || read == null || apply == null || delay == null) return null;
    return new RelationalCosts(cores.intValue(), write, read, apply, delay);
  }

  private RelationalWorkload workload(ConfigValue w) {
    Double rate = reader.decimalAt(w, WORKLOAD, "rate", 1e-9, RATE_MAX);
    Double readFraction = reader.decimalAt(w, WORKLOAD, "read-fraction", 0, 1);
    Long keys = reader.integerAt(w, WORKLOAD, "keys", 1, Long.MAX_VALUE / 2);
    Long sessions = reader.integerAt(w, WORKLOAD, "sessions", 1, 10_000_000);
    String readFrom = reader.stringAt(w, WORKLOAD, "read-from");
    Long timeout = reader.durationNsAt(w, WORKLOAD, "timeout", false);
    Double own = reader.decimalAt(w, WORKLOAD, "own-write-read-fraction", 0, 1);
    if (readFrom != null && !readFrom.equals("replicas") && !readFrom.equals("primary")) {
      problems.at(reader.child(w, WORKLOAD, "read-from"), path(WORKLOAD, "read-from"),
          "expected one of replicas|primary, got '" + readFrom + "'");
      return null;
    }
    if (rate == null || readFraction == null || keys == null || sessions == null || readFrom == null || timeout == null
        || own == null) {
      return null;
    }
    return new RelationalWorkload(rate, readFraction, keys, sessions.intValue(), readFrom.equals("replicas"), own, timeout);
  }

  private List<RelationalSettings.Crash> crashes(ConfigValue list, List<String> primaries) {
    List<RelationalSettings.Crash> out = new ArrayList<>();
    List<String> crashed = new ArrayList<>();
    new TopologyValues(reader, problems).eachObject(list, path(BLOCK, "crashes"), "{ at = 60s, primary = db-1 }",
        Set.of("at", "primary"), (at, o) -> {
          String primary = reader.stringAt(o, at, "primary");
          Long atNs = reader.durationNsAt(o, at, "at", true);
          if (primary == null || atNs == null) return;
          if (!primaries.contains(primary)) {
            problems.at(o.get("primary"), path(at, "primary"), "unknown primary '" + primary + "'");
          } else if (crashed.contains(primary)) {
            problems.at(o.get("primary"), path(at, "primary"), "'" + primary + "' crashes twice (a primary crashes once, for good)");
          } else {
            crashed.add(primary);
            out.add(new RelationalSettings.Crash(primaries.indexOf(primary), atNs));
          }
        });
    return out;
  }
}
