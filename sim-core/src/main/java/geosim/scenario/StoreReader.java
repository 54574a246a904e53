package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import geosim.kernel.ExtensionClass;
import geosim.store.gossip.FailureDetector;
import geosim.store.node.ClockSettings;
import geosim.store.node.MembershipSettings;
import geosim.store.node.ReadRepairSettings;
import geosim.store.node.SpeculativeRetry;
import geosim.store.node.AvailabilitySettings;
import geosim.store.node.StoreSettings;
import geosim.store.node.StoreWorkload;
import geosim.store.repair.RepairSettings;
import geosim.store.ring.ConsistencyLevel;
import geosim.store.ring.NetworkTopologyStrategy;
import geosim.store.ring.PlacementStrategy;
import geosim.store.ring.ReplicationStrategy;
import geosim.store.ring.SimpleStrategy;
import geosim.store.ring.TokenRing;
import geosim.store.storage.StorageSettings;
import geosim.topology.Region;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the {@code store} block into {@link StoreSettings}. With {@code model = store} it also
 * checks the block against the topology: every region of {@code replication-by-region} exists and
 * has at least its factor of servers (SimpleStrategy: the topology at least rf), the ring stays
 * within {@link TokenRing#TOKENS_MAX} tokens, and both consistency levels can be met from every
 * region (all servers coordinate).
 */
final class StoreReader {
  private static final String STORE = "store";
  private static final String BY_REGION = "replication-by-region";
  private static final String EXAMPLE = "{ region = us-east, factor = 3 }";
  private static final Set<String> ELEMENT_KEYS = Set.of("region", "factor");
  /** Fastest stream throttle, Mbit/s: 10^6, a terabit link (assumption: beyond any NIC). */
  private static final double STREAM_MBPS_MAX = 1e6;

  /** Highest phi threshold, as for model = failure-detector. */
  private static final double PHI_THRESHOLD_MAX = ScenarioReader.PHI_THRESHOLD_MAX;
  /** Longest gossip interval: 1 h. Assumption: far beyond any useful value (Cassandra: 1 s). */
  private static final long GOSSIP_INTERVAL_NS_MAX = 3600 * 1_000_000_000L;
  /** Highest hint throttle: 2^30 KiB/s (1 TiB/s). Assumption: far beyond any network. */
  private static final long THROTTLE_KB_MAX = 1L << 30;

  private final ValueReader reader;
  private final Problems problems;

  StoreReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The store settings, or null when any problem was reported. */
  StoreSettings read(ConfigValue store, Topology topology, boolean againstTopology) {
    int before = problems.count();
    Long vnodes = reader.integerAt(store, STORE, "vnodes", 1, TokenRing.VNODES_MAX);
    Long rf = reader.integerAt(store, STORE, "replication-factor", 1, Topology.SERVERS_MAX);
    SortedMap<String, Integer> byRegion = byRegion(reader.child(store, STORE, BY_REGION));
    ConsistencyLevel write = level(store, "write-consistency", true);
    ConsistencyLevel read = level(store, "read-consistency", false);
    ConfigValue timeouts = reader.child(store, STORE, "request-timeout");
    Long writeTimeoutNs = reader.durationNsAt(timeouts, "store.request-timeout", "write", false);
    Long readTimeoutNs = reader.durationNsAt(timeouts, "store.request-timeout", "read", false);
    Long cpuNs = reader.durationNsAt(store, STORE, "cpu-per-request", true);
    Long flushBytes = reader.bytes("store.memtable-flush-bytes", reader.child(store, STORE, "memtable-flush-bytes"),
        1, StorageSettings.MEMTABLE_FLUSH_BYTES_MAX);
    StoreWorkload workload = workload(reader.child(store, STORE, "workload"));
    RepairSettings repair = repair(reader.child(store, STORE, "repair"));
    ClockSettings clocks = new ClockReader(reader, problems).read(reader.child(store, STORE, "clocks"),
        againstTopology ? topology : null);
    Double repairChance = reader.decimalAt(store, STORE, "read-repair-chance", 0, 1);
    Double dcLocalRepairChance = reader.decimalAt(store, STORE, "dclocal-read-repair-chance", 0, 1);
    SpeculativeRetry speculativeRetry = speculativeRetry(reader.child(store, STORE, "speculative-retry"));
    AvailabilitySettings availability = availability(store);
    ExtensionClass<PlacementStrategy> placement = ExtensionClasses.placement(reader, problems,
        reader.child(store, STORE, "placement-class"), path(STORE, "placement-class"));
    if (problems.count() != before) return null;
    ReplicationStrategy strategy = byRegion.isEmpty() ? new SimpleStrategy(rf.intValue())
        : new NetworkTopologyStrategy(byRegion);
    if (againstTopology && topology != null) {
      checkAgainst(topology, (ConfigObject) store, strategy, vnodes);
      if (problems.count() != before) return null;
    }
    MembershipSettings membership = new MembershipReader(reader, problems).read(
        reader.child(store, STORE, "membership"), againstTopology ? topology : null, strategy);
    if (membership == null) return null;
    StorageSettings storage = StorageSettings.cassandraDefaults().withMemtableFlushBytes(flushBytes);
    return new StoreSettings(vnodes.intValue(), strategy, write, read, writeTimeoutNs, readTimeoutNs, cpuNs,
        storage, workload, repair, clocks, new ReadRepairSettings(repairChance, dcLocalRepairChance),
        availability, speculativeRetry, membership, placement);
  }

  /** {@code store.speculative-retry}: {@code none}, a percentile such as {@code 99p}, or a duration such as {@code 50ms}. */
  private SpeculativeRetry speculativeRetry(ConfigValue value) {
    String at = path(STORE, "speculative-retry");
    String text = reader.string(at, value);
    if (text == null) return null;
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("none")) return SpeculativeRetry.NONE;
    if (t.matches("\\d+(\\.\\d+)?p")) {
      double p = Double.parseDouble(t.substring(0, t.length() - 1));
      if (p > 0 && p < 100) return new SpeculativeRetry(0, p);
    } else {
      Long ns = reader.durationNs(at, value, false);
      if (ns != null) return new SpeculativeRetry(ns, 0);
      return null;
    }
    problems.at(value, at, "expected none, a percentile such as 99p (above 0, below 100) or a duration such as 50ms, got '"
        + text + "'");
    return null;
  }

  /** The {@code store.repair} block: its schedule, tree depth and costs. */
  private RepairSettings repair(ConfigValue repair) {
    if (repair == null) return null;
    int before = problems.count();
    String at = "store.repair";
    List<Long> schedule = durations(reader.child(repair, at, "schedule"), path(at, "schedule"));
    Long everyNs = reader.durationNsAt(repair, at, "every", true);
    Long offsetNs = reader.durationNsAt(repair, at, "start-offset", true);
    Long depth = reader.integerAt(repair, at, "merkle-depth", 0, RepairSettings.MERKLE_DEPTH_MAX);
    Double hashNs = reader.decimalAt(repair, at, "hash-ns-per-byte", 0, RepairSettings.HASH_CPU_NS_PER_BYTE_MAX);
    Double mbps = new TopologyValues(reader, problems).positive(path(at, "stream-throughput-mbps"),
        reader.child(repair, at, "stream-throughput-mbps"), STREAM_MBPS_MAX);
    if (problems.count() != before) return null;
    return new RepairSettings(schedule, everyNs, offsetNs, depth.intValue(), hashNs,
        Math.max(1, Math.round(mbps * 1e6 / 8)));
  }

  /** A list of durations >= 0, such as {@code [60s, 2m]}. */
  private List<Long> durations(ConfigValue value, String listPath) {
    List<Long> out = new ArrayList<>();
    if (value == null) return out;
    if (!(value instanceof ConfigList list)) {
      problems.at(value, listPath, "expected a list of durations such as [60s, 2m], got '" + Problems.shown(value) + "'");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      Long ns = reader.durationNs(listPath + "[" + i + "]", list.get(i), true);
      if (ns != null) out.add(ns);
    }
    return out;

  }

  /** Gossip, failure detector and hinted handoff: {@code gossip}, {@code failure-detector}, the hint keys. */
  private AvailabilitySettings availability(ConfigValue store) {
    int before = problems.count();
    Long gossipNs = reader.durationNsAt(reader.child(store, STORE, "gossip"), path(STORE, "gossip"), "interval", false);
    String fd = path(STORE, "failure-detector");
    Double phi = new TopologyValues(reader, problems).positive(path(fd, "phi-threshold"),
        reader.child(reader.child(store, STORE, "failure-detector"), fd, "phi-threshold"), PHI_THRESHOLD_MAX);
    Long window = reader.integerAt(reader.child(store, STORE, "failure-detector"), fd, "window-size", 1, 1_000_000);
    Long windowNs = reader.durationNsAt(store, STORE, "max-hint-window", true);
    Long harvestNs = reader.durationNsAt(store, STORE, "hint-harvest-interval", false);
    Long throttleKb = reader.integerAt(store, STORE, "hinted-handoff-throttle-kb", 1, THROTTLE_KB_MAX);
    ExtensionClass<FailureDetector> detector = ExtensionClasses.detector(reader, problems,
        reader.child(reader.child(store, STORE, "failure-detector"), fd, "class"), path(fd, "class"));
    if (problems.count() != before) return null;
    if (gossipNs > GOSSIP_INTERVAL_NS_MAX) {
      problems.at(((ConfigObject) reader.child(store, STORE, "gossip")).get("interval"), path(STORE, "gossip.interval"),
          "must be at most 1h, got " + gossipNs / 1e9 + " s");
      return null;
    }
    return new AvailabilitySettings(gossipNs, phi, window.intValue(), windowNs, harvestNs, throttleKb * 1024, detector);
  }

  private StoreWorkload workload(ConfigValue workload) {
    if (workload == null) return null;
    int before = problems.count();
    String at = "store.workload";
    Double rate = new TopologyValues(reader, problems)
        .positive(path(at, "rate-per-server"), reader.child(workload, at, "rate-per-server"), StoreWorkload.RATE_MAX);
    Double readFraction = reader.decimalAt(workload, at, "read-fraction", 0, 1);
    Long keys = reader.integerAt(workload, at, "keys", 1, StoreWorkload.KEYS_MAX);
    Long valueBytes = reader.bytes(path(at, "value-bytes"), reader.child(workload, at, "value-bytes"),
        1, StoreWorkload.VALUE_BYTES_MAX);
    if (problems.count() != before) return null;
    Long preloaded = reader.integerAt(workload, at, "preloaded-keys", 0,
        Math.min(keys, StoreWorkload.PRELOADED_KEYS_MAX));
    if (preloaded == null) return null;
    return new StoreWorkload(rate, readFraction, keys, valueBytes.intValue(), preloaded);
  }

  /** A level by its Cassandra name (ONE, LOCAL_QUORUM, ...); ANY only for writes. */
  private ConsistencyLevel level(ConfigValue store, String key, boolean anyAllowed) {
    ConfigValue value = reader.child(store, STORE, key);
    String text = reader.string(path(STORE, key), value);
    if (text == null) return null;
    for (ConsistencyLevel level : ConsistencyLevel.values()) {
      if (level.name().equals(text.toUpperCase(Locale.ROOT)) && (anyAllowed || level.allowsReads())) return level;
    }
    StringBuilder choices = new StringBuilder();
    for (ConsistencyLevel level : ConsistencyLevel.values()) {
      if (anyAllowed || level.allowsReads()) choices.append(choices.length() == 0 ? "" : "|").append(level.name());
    }
    problems.at(value, path(STORE, key), "expected one of " + choices + ", got '" + text + "'");
    return null;
  }

  /** The {@code replication-by-region} list as region -> factor; empty for SimpleStrategy. */
  private SortedMap<String, Integer> byRegion(ConfigValue value) {
    SortedMap<String, Integer> byRegion = new TreeMap<>();
    new TopologyValues(reader, problems).eachObject(value, path(STORE, BY_REGION), EXAMPLE, ELEMENT_KEYS, (at, o) -> {
      String region = reader.stringAt(o, at, "region");
      Long factor = reader.integerAt(o, at, "factor", 1, Topology.SERVERS_MAX);
      if (region == null || factor == null) return;
      if (byRegion.containsKey(region)) {
        problems.at(o.get("region"), path(at, "region"), "region '" + region + "' is listed twice");
      } else {
        byRegion.put(region, factor.intValue());
      }
    });
    return byRegion;
  }

  private void checkAgainst(Topology topology, ConfigObject store, ReplicationStrategy strategy, long vnodes) {
    int before = problems.count();
    if (strategy instanceof SimpleStrategy simple && simple.rf() > topology.serverCount()) {
      problems.at(store.get("replication-factor"), path(STORE, "replication-factor"), "must be at most the "
          + topology.serverCount() + " servers of the topology, got " + simple.rf());
    }
    if (strategy instanceof NetworkTopologyStrategy) checkRegions(topology, (ConfigList) store.get(BY_REGION));
    if ((long) topology.serverCount() * vnodes > TokenRing.TOKENS_MAX) {
      problems.at(store.get("vnodes"), path(STORE, "vnodes"), "servers x vnodes must be at most "
          + TokenRing.TOKENS_MAX + ", got " + topology.serverCount() + " x " + vnodes);
    }
    if (problems.count() == before) {
      satisfiable(topology, store, "write-consistency", strategy);
      satisfiable(topology, store, "read-consistency", strategy);
    }
  }

  private void checkRegions(Topology topology, ConfigList list) {
    for (int i = 0; i < list.size(); i++) {
      ConfigObject o = (ConfigObject) list.get(i);
      String at = path(STORE, BY_REGION) + "[" + i + "]";
      String name = o.get("region").unwrapped().toString();
      Optional<Region> region = topology.region(name);
      if (region.isEmpty()) {
        StringBuilder names = new StringBuilder();
        for (Region r : topology.regions()) names.append(names.length() == 0 ? "" : ", ").append(r.name());
        problems.at(o.get("region"), path(at, "region"), "unknown region '" + name + "'; the topology's regions are " + names);
      } else if (((Number) o.get("factor").unwrapped()).longValue() > region.get().serverCount()) {
        problems.at(o.get("factor"), path(at, "factor"), "must be at most the " + region.get().serverCount()
            + " servers of region " + name + ", got " + o.get("factor").unwrapped());
      }
    }
  }

  /** Reports the level at {@code key} if some region's coordinators could never meet it, naming the first such region. */
  private void satisfiable(Topology topology, ConfigObject store, String key, ReplicationStrategy strategy) {
    ConsistencyLevel level = ConsistencyLevel.valueOf(store.get(key).unwrapped().toString().toUpperCase(Locale.ROOT));
    for (Region region : topology.regions()) {
      Optional<String> why = level.whyUnsatisfiable(strategy, region.name());
      if (why.isPresent()) {
        problems.at(store.get(key), path(STORE, key), why.get() + " (every server coordinates, so every region must be able to)");
        return;
      }
    }
  }
}
