package geosim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import geosim.autoscale.AutoscaleSettings;
import geosim.cost.CostSettings;
import geosim.faults.FaultEvent;
import geosim.faults.FaultPlan;
import geosim.fleet.FleetSettings;
import geosim.kernel.ExtensionClass;
import geosim.kernel.PartitionBy;
import geosim.kernel.Sync;
import geosim.netping.NetpingSettings;
import geosim.network.NetworkSettings;
import geosim.ping.PingSettings;
import geosim.queue.QueueSettings;
import geosim.relational.RelationalSettings;
import geosim.store.client.ClientSettings;
import geosim.store.detect.DetectorSettings;
import geosim.store.gossip.FailureDetector;
import geosim.store.node.StoreSettings;
import geosim.store.pbs.PbsSettings;
import geosim.store.ring.RingSettings;
import geosim.store.ring.TokenRing;
import geosim.topology.Topology;
import java.util.List;

/**
 * Maps a merged, resolved scenario config into {@link ScenarioSettings}, reading every key so
 * that all bad values are reported together.
 */
final class ScenarioReader {
  /** Highest phi threshold. Assumption: far beyond any useful value (phi 100 waits 230 mean intervals). */
  static final double PHI_THRESHOLD_MAX = 1000;

  private final ValueReader reader;
  private final Problems problems;

  ScenarioReader(Problems problems) {
    this.reader = new ValueReader(problems);
    this.problems = problems;
  }

  /** The settings, or null when any problem was reported. */
  ScenarioSettings read(Config merged, String source) {
    int before = problems.count();
    ConfigValue root = merged.root();
    ConfigValue scenario = reader.child(root, "", "scenario");
    String name = reader.stringAt(scenario, "scenario", "name");
    String description = reader.stringAt(scenario, "scenario", "description");
    Long seed = reader.integerAt(root, "", "seed", Long.MIN_VALUE, Long.MAX_VALUE);
    Long durationNs = reader.durationNsAt(root, "", "duration", false);
    Long intervalNs = reader.durationNsAt(reader.child(root, "", "metrics"), "metrics", "interval", false);
    EngineSettings engine = engine(reader.child(root, "", "engine"));
    PingSettings ping = new PingReader(reader, problems).read(reader.child(root, "", "ping"));
    ModelKind model = model(reader.child(root, "", "model"));
    QueueSettings queue = new QueueReader(reader, problems).read(reader.child(root, "", "queue"));
    NetpingSettings netping = new NetpingReader(reader, problems).read(reader.child(root, "", "netping"));
    RingSettings ring = ring(reader.child(root, "", "ring"));
    DetectorSettings fd = fd(reader.child(root, "", "fd"));
    PbsSettings pbs = pbs(reader.child(root, "", "pbs"));
    Topology topology = topology(root, model);
    StoreSettings store = new StoreReader(reader, problems)
        .read(reader.child(root, "", "store"), topology, model == ModelKind.STORE);
    ClientSettings clients = store == null ? null
        : new ClientReader(reader, problems, reader.child(root, "", RelationalReader.BLOCK)).read(reader.child(root, "", "store"), topology, store.workload().keys(), store.workload().valueBytes(),
            model == ModelKind.STORE);
    if (clients != null) store = store.withoutServerStream();
    AutoscaleSettings autoscale = store == null || model != ModelKind.STORE ? null
        : new StoreAutoscaleReader(reader, problems).read(reader.child(reader.child(root, "", "store"), "store",
            "autoscaler"), clients, store, topology);
    if (autoscale != null && autoscale.store() != null) store = store.withElasticRing(autoscale.store().min());
    if (model == ModelKind.FAILURE_DETECTOR && topology != null && topology.servers().size() < 2) {
      problems.at(reader.child(root, "", TopologyReader.BLOCK), TopologyReader.BLOCK,
          "model = failure-detector needs at least 2 servers (one crashes, the others watch), got 1");
    }
    boolean topologyGiven = root instanceof ConfigObject o && o.containsKey(TopologyReader.BLOCK);
    NetworkSettings network = new NetworkReader(reader, problems)
        .read(reader.child(root, "", NetworkReader.BLOCK), topology, topologyGiven);
    FaultReader faultReader = new FaultReader(reader, problems);
    FaultPlan faults = faultReader.read(reader.child(root, "", FaultReader.BLOCK), topology,
        durationNs, seed, model == ModelKind.STORE);
    List<FaultEvent> injected = faultReader.readInjected(reader.child(root, "", FaultReader.INJECTED_BLOCK),
        topology, durationNs, model == ModelKind.STORE);
    if (faults != null && injected != null) faults = new FaultPlan(faults.faults(), injected);
    FaultSpaceReader.Explore explore = new FaultSpaceReader(reader, problems)
        .read(reader.child(root, "", FaultSpaceReader.BLOCK), topology, model == ModelKind.STORE);
    if (faults != null && explore != null && durationNs != null && seed != null) {
      faults = faults.withMore(ExploreFaults.drawn(explore, topology, durationNs, seed));
    }
    if (model == ModelKind.PBS && engine != null && engine.partitionBy() != PartitionBy.NONE
        && engine.partitionBy() != PartitionBy.REGION) {
      problems.at(reader.child(reader.child(root, "", "engine"), "engine", "partition-by"), "engine.partition-by",
          "model = pbs keeps its coordinator and replicas in one unit (their delays have no lower bound): "
              + "use none or region, got " + engine.partitionBy().configName());
    }
    if (clients != null && clients.app() != null && clients.app().database() != null) {
      databaseFitsTheAppTier(root, clients.app().database(), topology, engine);
    }
    CostSettings cost = new CostReader(reader, problems).read(reader.child(root, "", CostReader.BLOCK));
    FleetSettings fleet = model == ModelKind.FLEET
        ? new FleetReader(reader, problems).read(reader.child(root, "", FleetReader.BLOCK), cost) : null;
    RelationalSettings relational = model == ModelKind.RELATIONAL
        ? new RelationalReader(reader, problems).read(reader.child(root, "", RelationalReader.BLOCK)) : null;
    if (model == ModelKind.RELATIONAL && engine != null && engine.partitionBy() != PartitionBy.NONE
        && engine.partitionBy() != PartitionBy.REGION) {
      problems.at(reader.child(reader.child(root, "", "engine"), "engine", "partition-by"), "engine.partition-by",
          "model = relational keeps its servers and clients in one unit: use none or region, got "
              + engine.partitionBy().configName());
    }
    if (problems.count() != before) return null;
    String effectiveName = name.isEmpty() ? baseName(source) : name;
    Config resolved = merged.withValue("scenario.name", ConfigValueFactory.fromAnyRef(effectiveName));
    if (model == ModelKind.QUEUE) {
      if (!durationFollowsQueue(merged.root(), durationNs, queue)) return null;
      durationNs = queue.durationNs();
      resolved = resolved.withValue("duration", merged.getValue("queue.duration"));
    }
    network = network.withMoreCuts(faults.cuts()).withMoreFlows(faults.storms())
        .withMoreDegradations(faults.degradations()).withMorePartitions(faults.partitions());
    return new ScenarioSettings(effectiveName, description, source, seed, durationNs, intervalNs,
        engine, ping, resolved, model, queue, netping, topology, network, ring, fd, pbs, store, faults, clients, fleet,
        relational, cost, autoscale);
  }

  /**
   * The app tier's database (store.app.database-calls) and its failover manager sit in the one
   * region, in the app servers' unit (their delays are the one network delay, with no lower bound).
   */
  private void databaseFitsTheAppTier(ConfigValue root, RelationalSettings database, Topology topology,
      EngineSettings engine) {
    ConfigValue calls = reader.child(reader.child(reader.child(root, "", "store"), "store", "app"), "store.app",
        "database-calls");
    if (topology != null && topology.regions().size() != 1) {
      problems.at(calls, "store.app.database-calls", "the app tier's database needs a topology of one region, got "
          + topology.regions().size());
    }
    if (engine != null && engine.partitionBy() != PartitionBy.NONE && engine.partitionBy() != PartitionBy.REGION) {
      problems.at(reader.child(reader.child(root, "", "engine"), "engine", "partition-by"), "engine.partition-by",
          "the app tier's database is in its app servers' unit: use none or region, got " + engine.partitionBy().configName());
    }
  }

  /**
   * The {@code topology} block, read when the model needs it or the scenario gives one anyway (so
   * it is still checked); null when absent and not needed, or after reporting problems.
   */
  private Topology topology(ConfigValue root, ModelKind model) {
    boolean given = root instanceof ConfigObject o && o.containsKey(TopologyReader.BLOCK);
    if (!given && (model == null || !model.needsTopology())) return null;
    ConfigValue block = reader.child(root, "", TopologyReader.BLOCK);
    return block == null ? null : new TopologyReader(reader, problems).read(block);
  }

  /** The {@code ring} block: nodes and vnodes within range, their product within the token limit. */
  private RingSettings ring(ConfigValue ring) {
    int before = problems.count();
    Long nodes = reader.integerAt(ring, "ring", "nodes", 1, RingSettings.NODES_MAX);
    Long vnodes = reader.integerAt(ring, "ring", "vnodes", 1, TokenRing.VNODES_MAX);
    if (problems.count() != before) return null;
    if (nodes * vnodes > TokenRing.TOKENS_MAX) {
      problems.at(((ConfigObject) ring).get("vnodes"), "ring.vnodes", "ring.nodes x ring.vnodes must be at most "
          + TokenRing.TOKENS_MAX + ", got " + nodes + " x " + vnodes);
      return null;
    }
    return new RingSettings(nodes.intValue(), vnodes.intValue());
  }

  /** The {@code fd} block: a phi threshold above 0, a gossip interval and a crash time above 0. */
  private DetectorSettings fd(ConfigValue fd) {
    int before = problems.count();
    Double phi = new TopologyValues(reader, problems)
        .positive("fd.phi-threshold", reader.child(fd, "fd", "phi-threshold"), PHI_THRESHOLD_MAX);
    Long intervalNs = reader.durationNsAt(fd, "fd", "gossip-interval", false);
    Long crashAtNs = reader.durationNsAt(fd, "fd", "crash-at", false);
    ExtensionClass<FailureDetector> detector =
        ExtensionClasses.detector(reader, problems, reader.child(fd, "fd", "detector-class"), "fd.detector-class");
    if (problems.count() != before) return null;
    return new DetectorSettings(intervalNs, phi, crashAtNs, detector);
  }

  /** The {@code pbs} block: 1 <= r, w <= n <= 64, delays and intervals in range. */
  private PbsSettings pbs(ConfigValue pbs) {
    int before = problems.count();
    Long n = reader.integerAt(pbs, "pbs", "n", 1, PbsSettings.N_MAX);
    Long r = reader.integerAt(pbs, "pbs", "r", 1, PbsSettings.N_MAX);
    Long w = reader.integerAt(pbs, "pbs", "w", 1, PbsSettings.N_MAX);
    Long readDelayNs = reader.durationNsAt(pbs, "pbs", "read-delay", true);
    Long latencyNs = reader.durationNsAt(pbs, "pbs", "message-latency-mean", false);
    Long intervalNs = reader.durationNsAt(pbs, "pbs", "trial-interval", false);
    if (problems.count() != before) return null;
    for (String key : List.of("r", "w")) {
      long value = key.equals("r") ? r : w;
      if (value > n) {
        problems.at(((ConfigObject) pbs).get(key), "pbs." + key, "must be at most pbs.n = " + n + ", got " + value);
      }
    }
    if (problems.count() != before) return null;
    return new PbsSettings(n.intValue(), r.intValue(), w.intValue(), readDelayNs, latencyNs, intervalNs);
  }

  private ModelKind model(ConfigValue value) {
    String text = reader.string("model", value);
    if (text == null) return null;
    try {
      return ModelKind.fromConfig(text);
    } catch (IllegalArgumentException e) {
      problems.at(value, "model", e.getMessage());
      return null;
    }
  }

  /**
   * The queue model runs for {@code queue.duration}; a top-level {@code duration} the scenario
   * sets itself must agree, so that no setting is silently ignored.
   */
  private boolean durationFollowsQueue(ConfigValue root, long durationNs, QueueSettings queue) {
    ConfigValue duration = reader.child(root, "", "duration");
    boolean isDefault = duration.origin().resource() != null;
    if (isDefault || durationNs == queue.durationNs()) return true;
    ConfigValue queueDuration = ((ConfigObject) root).toConfig().getValue("queue.duration");
    problems.at(duration, "duration", "with model = queue the run lasts queue.duration ("
        + Problems.shown(queueDuration) + "); set queue.duration instead, got " + Problems.shown(duration));
    return false;
  }

  private EngineSettings engine(ConfigValue engine) {
    int before = problems.count();
    PartitionBy partitionBy = partitionBy(reader.child(engine, "engine", "partition-by"));
    Long partitions = reader.integerAt(engine, "engine", "partitions",
        EngineSettings.PARTITIONS_MIN, EngineSettings.PARTITIONS_MAX);
    Long eventBudget = reader.integerAt(engine, "engine", "event-budget", 0, Long.MAX_VALUE);
    Sync sync = sync(reader.child(engine, "engine", "sync"));
    if (problems.count() != before) return null;
    return new EngineSettings(partitionBy, partitions.intValue(), eventBudget, sync);
  }

  private Sync sync(ConfigValue value) {
    String text = reader.string("engine.sync", value);
    if (text == null) return null;
    try {
      return Sync.fromConfig(text);
    } catch (IllegalArgumentException e) {
      problems.at(value, "engine.sync", e.getMessage());
      return null;
    }
  }

  private PartitionBy partitionBy(ConfigValue value) {
    String text = reader.string("engine.partition-by", value);
    if (text == null) return null;
    try {
      return PartitionBy.fromConfig(text);
    } catch (IllegalArgumentException e) {
      problems.at(value, "engine.partition-by", e.getMessage());
      return null;
    }
  }

  /** {@code configs/eu-3dc.conf} → {@code eu-3dc}: the file name without directories and ".conf". */
  static String baseName(String source) {
    String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    if (name.endsWith(".conf")) name = name.substring(0, name.length() - ".conf".length());
    return name.isEmpty() ? "scenario" : name;
  }
}
