package geosim.store.node;

import geosim.fabric.Fabric;
import geosim.fabric.FabricMessage;
import geosim.faults.FaultKind;
import geosim.faults.FaultPlan;
import geosim.faults.FaultSpec;
import geosim.faults.ServerOutage;
import geosim.kernel.Kernel;
import geosim.kernel.Seeds;
import geosim.kernel.SnapshotObserver;
import geosim.kernel.StreamRandom;
import geosim.network.NetworkSettings;
import geosim.node.Cpu;
import geosim.node.Disk;
import geosim.node.DiskSpec;
import geosim.store.audit.ConsistencyAudit;
import geosim.store.audit.ConsistencyLog;
import geosim.store.gossip.GossipRoster;
import geosim.store.ring.Membership;
import geosim.store.ring.PlacementStrategy;
import geosim.store.ring.ReplicaPlacement;
import geosim.store.ring.RingNode;
import geosim.store.ring.TokenRing;
import geosim.store.storage.Cell;
import geosim.store.storage.CompactionTask;
import geosim.store.storage.SortedCells;
import geosim.store.storage.StorageEngine;
import geosim.topology.Placement;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The replicated store on the fabric ({@code model = store}): every server of the topology is a
 * {@link StoreServer}. The ring is built once, before the run, from the run's stream {@code
 * store/ring-tokens} (node i is server i), and shared read-only by all servers.
 *
 * <pre>{@code
 * long lookahead = Fabric.lookaheadNs(topology, PartitionBy.REGION, durationNs);
 * StoreModel model = StoreModel.populate(topology, settings, NetworkSettings.CITED, seed, builder);
 * }</pre>
 */
public final class StoreModel {
  /** Operation names, by index: {@link #WRITE} and {@link #READ}. */
  public static final List<String> OPS = List.of("write", "read");
  static final int WRITE = 0;
  static final int READ = 1;
  /** Counter: store messages put on the network (messages a server sends itself are not counted). */
  public static final String MESSAGES = "store.messages";
  /** Counter: mutations applied by replicas. */
  public static final String REPLICA_MUTATIONS = "store.replica.mutations";
  /** Counter: reads served by replicas. */
  public static final String REPLICA_READS = "store.replica.reads";
  /** Counter: reads whose digests disagreed among the answers that met the level (blocking read repair). */
  public static final String READ_REPAIR_MISMATCHES = "store.read-repair.mismatches";
  /** Counter: reads whose answers beyond the level disagreed after the client had its answer (background repair). */
  public static final String READ_REPAIR_BACKGROUND_MISMATCHES = "store.read-repair.background-mismatches";
  /** Counter: repair mutations sent to stale replicas, blocking and background. */
  public static final String READ_REPAIR_MUTATIONS = "store.read-repair.mutations";
  /** Counter: extra read requests sent by speculative retry. */
  public static final String SPECULATIVE_RETRIES = "store.read.speculative-retries";
  /** Counter: digest requests sent (every replica a read asks except the one asked for data). */
  public static final String DIGEST_REQUESTS = "store.read.digest-requests";
  /**
   * Histogram: for each acknowledged write whose replicas all applied it in the run, the time from
   * the client's acknowledgement until the last replica applied it (0 if all had before), us.
   */
  public static final String VISIBILITY_US = "store.consistency.visibility-us";
  /** Counter: gossip messages put on the network. */
  public static final String GOSSIP_MESSAGES = "store.gossip.messages";
  /** Counter: hints kept by coordinators for replicas that were down or silent. */
  public static final String HINTS_STORED = "store.hints.stored";
  /** Counter: hints replayed to their replica and acknowledged. */
  public static final String HINTS_REPLAYED = "store.hints.replayed";
  /** Counter: hints not kept (replica down beyond the hint window) or dropped by the harvester. */
  public static final String HINTS_DROPPED = "store.hints.dropped";
  /** Counter: convictions by the servers' failure detectors (any peer, crashed or not). */
  public static final String FD_CONVICTIONS = "store.fd.convictions";
  /**
   * Counter: convictions of a server that no scheduled fault had taken down (it was alive, but its
   * gossip did not arrive in time: a storm, a partition, an overloaded network).
   */
  public static final String FD_FALSE_SUSPICIONS = "store.fd.false-suspicions";
  /** Counter: first convictions of a crashed server by each live server. */
  public static final String FD_DETECTIONS = "store.fd.detections";
  /** Counter: sum of the detection times (conviction - crash) of {@link #FD_DETECTIONS}, ns. */
  public static final String FD_DETECTION_NS_SUM = "store.fd.detection-ns-sum";
  /** Counter: sum of the detectors' mean inter-arrival times at those convictions, ns. */
  public static final String FD_MEAN_INTERVAL_NS_SUM = "store.fd.mean-interval-ns-sum";

  /** Counter: ring changes (bootstraps and decommissions) started. */
  public static final String MEMBERSHIP_STARTED = "store.membership.started";
  /** Counter: ring changes whose streams all completed (the node announced NORMAL or LEFT). */
  public static final String MEMBERSHIP_COMPLETED = "store.membership.completed";
  /** Counter: sum over completed ring changes of the time from their start to NORMAL or LEFT, ns. */
  public static final String MEMBERSHIP_DURATION_NS_SUM = "store.membership.duration-ns-sum";

  /**
   * Counter: replica reads the elastic spares of {@code region} received while their bootstrap was
   * under way (none: a spare serves only after it has joined): {@code store.us-east.reads-before-joined}.
   */
  public static String readsBeforeJoined(String region) {
    return "store." + region + ".reads-before-joined";
  }

  /**
   * Rows the consistency logs may hold before the audit folds them in at a snapshot boundary: about
   * 2.6 MB, so a long run's heap stays flat (docs/benchmarks.md, "Soak"); shorter runs (up to
   * about 65,000 operations, all the tests') are audited in one piece after the run.
   */
  public static final long AUDIT_FOLD_ROWS = 1 << 16;

  private final Fabric fabric;
  private final Membership membership;
  private final List<StoreServer> servers;
  private final ConsistencyAudit audit;
  private final long auditLagNs;
  private final StoreAtEnd atEnd;

  private StoreModel(Fabric fabric, Membership membership, List<StoreServer> servers, StoreSettings settings,
      long durationNs) {
    this.fabric = fabric;
    this.membership = membership;
    this.servers = List.copyOf(servers);
    List<ConsistencyLog> logs = new ArrayList<>(servers.size());
    for (StoreServer server : this.servers) logs.add(server.coordinator().consistencyLog());
    this.audit = new ConsistencyAudit(logs, expectedKeys(settings.workload(), servers.size(), durationNs));
    // Every request ends (answered, failed or timed out) within its timeout; twice that, plus a
    // second, is a safe distance behind the present for the audit to fold in.
    this.auditLagNs = 2 * Math.max(settings.readTimeoutNs(), settings.writeTimeoutNs()) + 1_000_000_000L;
    this.atEnd = new StoreAtEnd(this.servers, membership, audit);
  }

  /** About how many keys a run touches, for sizing the audit's key table: at most the keyspace and the operations. */
  private static int expectedKeys(StoreWorkload workload, int servers, long durationNs) {
    double operations = workload.ratePerServerPerSecond() * servers * (durationNs / 1e9);
    return (int) Math.min(Math.min(workload.keys(), operations), 1 << 22);
  }

  /** Counter: requests of {@code op} ({@code write} or {@code read}) started: {@code store.write.started}. */
  public static String started(String op) {
    return "store." + op + ".started";
  }

  /** Counter: requests of {@code op} that met their consistency level: {@code store.write.ok}. */
  public static String ok(String op) {
    return "store." + op + ".ok";
  }

  /** Counter: requests of {@code op} that failed (timed out, unavailable, or lost in a crash): {@code store.write.failed}. */
  public static String failed(String op) {
    return "store." + op + ".failed";
  }

  /** Counter: requests of {@code op} failed at once because too few replicas were believed up: {@code store.write.unavailable}. */
  public static String unavailable(String op) {
    return "store." + op + ".unavailable";
  }

  /** Counter: requests of {@code op} in flight when their coordinator crashed: {@code store.write.crashed}. */
  public static String crashed(String op) {
    return "store." + op + ".crashed";
  }

  /**
   * Histogram: latency of the successful requests of {@code op}, us: {@code read.latency-us}. Named
   * {@code <op>.<scope>.<measure>} like every model's metrics, so reports show it per scope.
   */
  public static String latencyUs(String op) {
    return op + ".latency-us";
  }

  /** Histogram: as {@link #latencyUs(String)}, for coordinators in {@code region}: {@code read.us-east.latency-us}. */
  public static String latencyUs(String op, String region) {
    return op + "." + region + ".latency-us";
  }

  /** Histogram of each server's CPU utilization per snapshot interval, ppm, by region: {@code cpu.us-east.utilization-ppm}. */
  public static String cpuUtilizationMetric(String region) {
    return "cpu." + region + ".utilization-ppm";
  }

  /** Histogram of each server's disk utilization per snapshot interval, ppm, by region: {@code disk.us-east.utilization-ppm}. */
  public static String diskUtilizationMetric(String region) {
    return "disk." + region + ".utilization-ppm";
  }

  /**
   * The ring of {@code topology}'s servers with {@code vnodes} random tokens each, from the run's
   * stream {@code store/ring-tokens}: the same seed gives the same ring.
   */
  public static TokenRing ring(Topology topology, int vnodes, long seed) {
    List<RingNode> nodes = new ArrayList<>();
    List<Placement> placements = topology.servers();
    for (int i = 0; i < placements.size(); i++) nodes.add(RingNode.of(i, placements.get(i)));
    return TokenRing.random(nodes, vnodes, new StreamRandom(Seeds.streamSeed(seed, "store/ring-tokens")));
  }

  /** Registers a store server for every server of {@code topology}, and the fabric's switches, with {@code builder}. */
  public static StoreModel populate(Topology topology, StoreSettings settings, NetworkSettings network, long seed,
      Kernel.Builder builder) {
    return populate(topology, settings, network, FaultPlan.NONE, seed, builder);
  }

  /**
   * As {@link #populate(Topology, StoreSettings, NetworkSettings, long, Kernel.Builder)}, with the
   * scheduled server crashes of {@code faults} (its region partitions must already be among {@code
   * network}'s cuts).
   */
  public static StoreModel populate(Topology topology, StoreSettings settings, NetworkSettings network,
      FaultPlan faults, long seed, Kernel.Builder builder) {
    return populate(topology, settings, network, faults, seed, ServerMeter.NONE, builder);
  }

  /**
   * As {@link #populate(Topology, StoreSettings, NetworkSettings, FaultPlan, long, Kernel.Builder)},
   * with the servers' cost and energy over time as {@code meter} prices them: the counters {@code
   * store.<region>.cost-microusd} and {@code store.<region>.energy-joules} (see {@link ServerMeter}).
   */
  public static StoreModel populate(Topology topology, StoreSettings settings, NetworkSettings network,
      FaultPlan faults, long seed, ServerMeter meter, Kernel.Builder builder) {
    Membership membership = membership(topology, settings, seed);
    List<String> paths = new ArrayList<>();
    for (Placement p : topology.servers()) paths.add(p.path());
    StoreLayout layout = StoreLayout.of(topology.servers(), settings.clocks().offsetsNs(paths, seed));
    List<StoreServer> servers = new ArrayList<>();
    GossipRoster roster = GossipRoster.of(topology);
    List<ServerOutage> outages = faults.outages(paths);
    Fabric fabric = Fabric.populate(topology, network, builder, (f, index, where, nic) -> {
      Cpu cpu = new Cpu(where.server().spec().cores());
      Disk disk = new Disk(DiskSpec.of(where.server().spec().disk()));
      ServerFaults mine = new ServerFaults(roster, outages, faults.downWindowsNs(where.path()),
          faults.serverStateFaults(where.path()), faults.diskLossesNs(where.path()));
      StoreServer server = new StoreServer(f, index, nic, cpu, disk, settings, membership, layout, mine, meter);
      servers.add(server);
      return server;
    });
    preload(servers, membership.placement(0), settings);
    return new StoreModel(fabric, membership, servers, settings, builder.settings().endNs());
  }

  /**
   * Before the run: every server also records its own CPU utilization, {@code
   * server.<path>.cpu-ns} (its rate over an interval is the server's mean utilization, 0 to 1), for
   * the live view's heat map. Off by default: one more time series per server; the results do not
   * change.
   */
  public void recordCpuPerServer() {
    for (StoreServer server : servers) server.recordCpuPerServer();
  }

  /**
   * Puts keys 0 to {@code preloadedKeys - 1} on each of their replicas' disks as one SSTable of
   * {@link StoreProtocol#PRELOADED_CELL}s (before the run, so no disk time is charged for it).
   */
  private static void preload(List<StoreServer> servers, ReplicaPlacement placement, StoreSettings settings) {
    int keys = (int) settings.workload().preloadedKeys();
    if (keys == 0) return;
    int[] counts = new int[servers.size()];
    for (int key = 0; key < keys; key++) {
      for (int replica : placement.replicas(key)) counts[replica]++;
    }
    long[][] owned = new long[servers.size()][];
    for (int s = 0; s < owned.length; s++) owned[s] = new long[counts[s]];
    int[] filled = new int[servers.size()];
    for (int key = 0; key < keys; key++) {
      for (int replica : placement.replicas(key)) owned[replica][filled[replica]++] = key;
    }
    for (int s = 0; s < owned.length; s++) {
      Cell[] cells = new Cell[owned[s].length];
      Arrays.fill(cells, StoreProtocol.PRELOADED_CELL);
      List<CompactionTask> started = servers.get(s).replica().engine()
          .ingest(SortedCells.of(owned[s], cells, settings.mutationBytes()));
      if (!started.isEmpty()) throw new IllegalStateException("one preloaded SSTable started a compaction");
    }
  }

  /**
   * The ring's versions through {@code settings}' bootstraps and decommissions, over one ring of
   * every server's tokens.
   *
   * @throws IllegalArgumentException when a change names a server not in {@code topology}, or
   *     leaves too few servers for the replication factors
   */
  public static Membership membership(Topology topology, StoreSettings settings, long seed) {
    TokenRing ring = ring(topology, settings.vnodes(), seed);
    List<Membership.Change> changes = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (Placement p : topology.servers()) paths.add(p.path());
    for (MembershipSettings.Step step : settings.membership().steps()) {
      int index = paths.indexOf(step.server());
      if (index < 0) throw new IllegalArgumentException("no server '" + step.server() + "' in the topology");
      changes.add(new Membership.Change(step.atNs(), step.kind(), index));
    }
    PlacementStrategy placement = settings.placement();
    if (settings.membership().elasticInitialPerRegion() > 0) {
      return Membership.elastic(ring, settings.strategy(), placement,
          ladders(topology, settings.membership().elasticInitialPerRegion()));
    }
    if (changes.isEmpty()) {
      return Membership.fixed(new ReplicaPlacement(ring, settings.strategy(), placement,
          Membership.initialMembers(ring.nodeCount(), changes)));
    }
    return Membership.of(ring, settings.strategy(), placement, changes);
  }

  /** Each region's servers after its first {@code initial}, in topology order: the elastic ring's spares. */
  private static int[][] ladders(Topology topology, int initial) {
    List<Placement> servers = topology.servers();
    int[][] ladders = new int[topology.regions().size()][];
    for (int r = 0; r < ladders.length; r++) {
      String region = topology.regions().get(r).name();
      List<Integer> spares = new ArrayList<>();
      int seen = 0;
      for (int s = 0; s < servers.size(); s++) {
        if (!servers.get(s).region().name().equals(region)) continue;
        if (seen++ >= initial) spares.add(s);
      }
      ladders[r] = spares.stream().mapToInt(Integer::intValue).toArray();
    }
    return ladders;
  }

  /** The message that crashes a store server (a fault injected during the run; its restart: {@link #restartMessage}). */
  public static FabricMessage crashMessage() {
    return new AvailabilityProtocol.Crash();
  }

  /** The message that terminates a store server's instance (its disk is lost); sent with its crash. */
  public static FabricMessage terminateMessage() {
    return new AvailabilityProtocol.Terminate();
  }

  /** The message that tells a store server that terminated server {@code server} was replaced: drop hints for it. */
  public static FabricMessage replacedMessage(int server) {
    return new AvailabilityProtocol.Replaced(server);
  }

  /** The message that restarts a store server an injected fault had crashed. */
  public static FabricMessage restartMessage() {
    return new AvailabilityProtocol.Restart();
  }

  /**
   * The message that starts (or ends) an injected slow disk, clock jump or gray failure of the
   * store server it is sent to; a clock jump has no end.
   */
  public static FabricMessage conditionMessage(FaultSpec fault, boolean start) {
    if (fault.kind().effect() != FaultKind.Effect.SERVER_STATE) {
      throw new IllegalArgumentException("not a server condition: " + fault.describe());
    }
    return new AvailabilityProtocol.ConditionInjected(fault, start);
  }

  /**
   * The message that tells a store server's detection counters of an injected outage (or of its
   * end), so that convicting that server counts as a detection, not a false suspicion.
   */
  public static FabricMessage outageMessage(ServerOutage outage) {
    return new AvailabilityProtocol.OutageNoted(outage);
  }

  public Fabric fabric() {
    return fabric;
  }

  /** The replicas at the start of the run. */
  public ReplicaPlacement placement() {
    return membership.placement(0);
  }

  /** The ring's versions over the run. */
  public Membership membership() {
    return membership;
  }

  /** The replicas after the changes that some server knew complete at the end of the run. */
  public ReplicaPlacement placementAtEnd() {
    return atEnd.placementAtEnd();
  }

  /** What the store's objects hold at the end of the run, for its summary (see {@link StoreAtEnd}). */
  public StoreAtEnd atEnd() {
    return atEnd;
  }

  /** Whether the ring changes at an autoscaler's decision (store.autoscaler, role store). */
  public boolean elasticRing() {
    return membership.isElastic();
  }

  /**
   * Each server's CPU utilization over {@code [0, endNs]}, in {@code Topology.servers()} order; 0
   * for servers not {@code owned}. Call after the run.
   */
  public double[] serverCpuUtilization(long endNs, IntPredicate owned) {
    double[] utilization = new double[servers.size()];
    for (int s = 0; s < utilization.length && endNs > 0; s++) {
      if (!owned.test(s)) continue;
      Cpu cpu = servers.get(s).cpu();
      utilization[s] = Cpu.utilization(cpu.busyCoreNs(endNs), cpu.cores(), endNs);
    }
    return utilization;
  }

  /** Requests started and not finished, over all coordinators: what is in flight at the end of the run. */
  public long requestsInFlight() {
    long total = 0;
    for (StoreServer server : servers) total += server.coordinator().inFlight();
    return total;
  }

  /**
   * A snapshot observer that keeps the consistency audit's memory flat: at a snapshot boundary
   * where the coordinators' logs hold {@code foldRows} rows or more, the audit folds in everything
   * older than the longest request timeout (twice it, plus a second) and the logs forget it. It
   * runs while every partition waits at the boundary. Where the boundaries fall does not change
   * the audit's counts (see {@link ConsistencyAudit}), so neither does {@code foldRows}.
   */
  public SnapshotObserver auditFolding(long foldRows) {
    if (foldRows < 1) throw new IllegalArgumentException("foldRows must be >= 1, got " + foldRows);
    return snapshot -> {
      if (audit.rowsHeld() >= foldRows) audit.drain(snapshot.timeNs() - auditLagNs);
    };
  }

  /** Heap bytes of every replica's cells (memtables, SSTables), {@link StorageEngine#heapBytes}: the store's data. */
  public long storageHeapBytes() {
    long total = 0;
    for (StorageEngine engine : engines()) total += engine.heapBytes();
    return total;
  }

  /** Rows the coordinators' consistency logs hold, not folded in by {@link #auditFolding} (yet). */
  public long auditRowsHeld() {
    return audit.rowsHeld();
  }

  /**
   * The newest cell of {@code key} over all its replicas in any version of the ring (a node that
   * gave a range up keeps its copy, as Cassandra's until {@code nodetool cleanup}), or null when
   * none holds it.
   */
  public Cell convergedCell(long key) {
    Cell newest = null;
    for (int version = 0; version < membership.versionCount(); version++) {
      for (int replica : membership.placement(version).replicas(key)) {
        Cell cell = cellAt(replica, key);
        if (cell != null && (newest == null || cell.supersedes(newest))) newest = cell;
      }
    }
    return newest;
  }

  private Cell cellAt(int server, long key) {
    return servers.get(server).replica().engine().newestCell(key).orElse(null);
  }

  /** Each replica's storage engine, in server order. */
  public List<StorageEngine> engines() {
    List<StorageEngine> engines = new ArrayList<>(servers.size());
    for (StoreServer server : servers) engines.add(server.replica().engine());
    return engines;
  }
}
