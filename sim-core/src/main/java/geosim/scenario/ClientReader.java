package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import geosim.kernel.ExtensionClass;
import geosim.node.Cpu;
import geosim.relational.RelationalSettings;
import geosim.store.cache.CacheSettings;
import geosim.store.client.AppBackends;
import geosim.store.client.AppSettings;
import geosim.store.client.ClientPopulation;
import geosim.store.client.ClientSettings;
import geosim.store.client.LoadBalancingPolicy;
import geosim.store.client.Routing;
import geosim.store.node.StoreWorkload;
import geosim.store.objects.ObjectStoreSettings;
import geosim.topology.Region;
import geosim.topology.Topology;
import geosim.workload.KeyChooser;
import geosim.workload.OperationMix;
import geosim.workload.YcsbWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code store.clients} and the request mix and key popularity of {@code store.workload}
 * into {@link ClientSettings}. With no population the store keeps its per-server stream, which
 * draws uniform keys and reads or updates only: then {@code preset} must be {@code none} and
 * {@code key-distribution} {@code uniform}.
 */
final class ClientReader {
  private static final String CLIENTS = "store.clients";
  private static final String WORKLOAD = "store.workload";
  private static final String APP = "store.app";
  private static final String POPULATIONS = "populations";
  private static final String EXAMPLE = "{ region = us-east, rate = 1000, shape = [ { kind = diurnal, peak-hour = 20, trough = 0.3 } ] }";
  private static final Set<String> ELEMENT_KEYS = Set.of("region", "rate", "rate-per-server", "shape", "clients", "think-time");
  private static final String DISTRIBUTIONS = "uniform|zipfian|latest|hotspot";
  /** Longest think time: a day. Assumption: beyond any interactive user. */
  private static final long THINK_NS_MAX = 86_400_000_000_000L;
  /** Highest request rate of one region, per second. Assumption: a thousand times the busiest web sites. */
  private static final double REGION_RATE_MAX = 1e9;
  /** Most consecutive failures before a failover. Assumption: far beyond a useful value. */
  private static final long FAILOVER_AFTER_MAX = 1_000_000;

  private final ValueReader reader;
  private final Problems problems;
  private final ConfigValue relational;

  ClientReader(ValueReader reader, Problems problems) {
    this(reader, problems, null);
  }

  /** @param relational the scenario's {@code relational} block: the database of store.app.database-calls */
  ClientReader(ValueReader reader, Problems problems, ConfigValue relational) {
    this.reader = reader;
    this.problems = problems;
    this.relational = relational;
  }

  /**
   * The client settings; null when there is no population (or after a problem).
   *
   * @param keys the store's keys; {@code valueBytes} its values' size (for the cache's items)
   */
  ClientSettings read(ConfigValue store, Topology topology, long keys, int valueBytes, boolean againstTopology) {
    int before = problems.count();
    ConfigValue clients = reader.child(store, "store", "clients");
    ConfigValue workload = reader.child(store, "store", "workload");
    String routingText = reader.stringAt(clients, CLIENTS, "routing");
    Routing routing = routingText == null ? null : Routing.fromConfig(routingText);
    if (routingText != null && routing == null) {
      problems.at(reader.child(clients, CLIENTS, "routing"), path(CLIENTS, "routing"),
          "expected one of token-aware|round-robin, got '" + routingText + "'");
    }
    Long accessNs = reader.durationNsAt(clients, CLIENTS, "access-latency", false);
    Long timeoutNs = reader.durationNsAt(clients, CLIENTS, "request-timeout", false);
    Long failoverAfter = reader.integerAt(clients, CLIENTS, "failover-after", 1, FAILOVER_AFTER_MAX);
    Long failbackNs = reader.durationNsAt(clients, CLIENTS, "failback", false);
    String preset = reader.stringAt(workload, WORKLOAD, "preset");
    String distribution = reader.stringAt(workload, WORKLOAD, "key-distribution");
    Double readFraction = reader.decimalAt(workload, WORKLOAD, "read-fraction", 0, 1);
    KeyChooser chooser = chooser(workload, distribution, keys);
    YcsbWorkload ycsb = preset(workload, preset);
    List<ClientPopulation> populations = populations(reader.child(clients, CLIENTS, POPULATIONS), topology,
        againstTopology);
    CacheSettings cache = new CacheReader(reader, problems).read(reader.child(store, "store", "cache"), topology, valueBytes);
    ObjectStoreSettings objects = new ObjectStoreReader(reader, problems).read(reader.child(store, "store", "object-store"));
    AppSettings app = app(reader.child(store, "store", "app"), new AppBackends(cache, objects));
    if (problems.count() != before) return null;
    if (populations.isEmpty()) {
      perServerStreamOnly(workload, preset, distribution);
      if (app != null) {
        problems.at(reader.child(reader.child(store, "store", "app"), APP, "servers-per-region"),
            path(APP, "servers-per-region"), "an app tier needs store.clients.populations to send it requests");
      }
      backendsNeedApp(store, cache, objects, app);
      return null;
    }
    if (!backendsNeedApp(store, cache, objects, app)) return null;
    OperationMix mix = ycsb != null ? ycsb.mix() : OperationMix.readsAndUpdates(readFraction);
    KeyChooser keysChosen = ycsb != null ? ycsb.keys(keys) : chooser;
    return new ClientSettings(populations, routing, mix, keysChosen, accessNs, timeoutNs, failoverAfter.intValue(),
        failbackNs, app);
  }

  /** A cache tier and an object store are called by the app tier: without app servers nothing would call them. */
  private boolean backendsNeedApp(ConfigValue store, CacheSettings cache, ObjectStoreSettings objects, AppSettings app) {
    if (app != null) return true;
    if (cache != null) {
      problems.at(reader.child(reader.child(store, "store", "cache"), CacheReader.CACHE, "servers-per-region"),
          path(CacheReader.CACHE, "servers-per-region"), "a cache tier needs an app tier (store.app.servers-per-region >= 1) to use it");
    }
    if (objects != null) {
      problems.at(reader.child(reader.child(store, "store", "object-store"), ObjectStoreReader.BLOCK, "calls-per-request"),
          path(ObjectStoreReader.BLOCK, "calls-per-request"),
          "an object store needs an app tier (store.app.servers-per-region >= 1) to call it");
    }
    return cache == null && objects == null;
  }

  /** {@code store.app}: null when {@code servers-per-region} is 0 (no app tier). */
  private AppSettings app(ConfigValue app, AppBackends backends) {
    int before = problems.count();
    Long servers = reader.integerAt(app, APP, "servers-per-region", 0, AppSettings.SERVERS_MAX);
    Long cores = reader.integerAt(app, APP, "cores", 1, Cpu.CORES_MAX);
    Long serviceNs = reader.durationNsAt(app, APP, "service-time", false);
    Double cv = reader.decimalAt(app, APP, "service-time-cv", 0, 100);
    Long calls = reader.integerAt(app, APP, "store-calls", 0, ClientSettings.SCAN_LENGTH_MAX);
    String text = reader.stringAt(app, APP, "balancing");
    AppSettings.Balancing balancing = text == null ? null : AppSettings.Balancing.fromConfig(text);
    if (text != null && balancing == null) {
      problems.at(reader.child(app, APP, "balancing"), path(APP, "balancing"),
          "expected one of round-robin|least-outstanding, got '" + text + "'");
    }
    ExtensionClass<LoadBalancingPolicy> own =
        ExtensionClasses.balancer(reader, problems, reader.child(app, APP, "balancer-class"), path(APP, "balancer-class"));
    Long databaseCalls = reader.integerAt(app, APP, "database-calls", 0, ClientSettings.SCAN_LENGTH_MAX);
    if (problems.count() != before || servers == 0) return null;
    int objectCalls = backends.objectStore() == null ? 0 : backends.objectStore().callsPerRequest();
    if (databaseCalls > 0 && calls + databaseCalls + objectCalls > ClientSettings.SCAN_LENGTH_MAX) {
      problems.at(reader.child(app, APP, "database-calls"), path(APP, "database-calls"), "store-calls + database-calls + "
          + "object-store.calls-per-request must be at most " + ClientSettings.SCAN_LENGTH_MAX + ", got "
          + (calls + databaseCalls + objectCalls));
      return null;
    }
    if (databaseCalls > 0) {
      RelationalSettings database = new RelationalReader(reader, problems).read(relational);
      if (database == null) return null;
      backends = new AppBackends(backends.cache(), backends.objectStore(), database, databaseCalls.intValue());
    }
    return new AppSettings(servers.intValue(), cores.intValue(), serviceNs, cv, calls.intValue(), balancing, own, backends);
  }

  /** With no client population, the mix and popularity keys must keep their per-server meaning. */
  private void perServerStreamOnly(ConfigValue workload, String preset, String distribution) {
    String why = " applies to store.clients.populations; the per-server stream (none listed) reads and updates uniform keys";
    if (!preset.equals("none")) problems.at(reader.child(workload, WORKLOAD, "preset"), path(WORKLOAD, "preset"), "'" + preset + "'" + why);
    if (!distribution.equals("uniform")) {
      problems.at(reader.child(workload, WORKLOAD, "key-distribution"), path(WORKLOAD, "key-distribution"),
          "'" + distribution + "'" + why);
    }
  }

  /** {@code store.workload.preset}: none or ycsb-a ... ycsb-f. */
  private YcsbWorkload preset(ConfigValue workload, String preset) {
    if (preset == null || preset.equals("none")) return null;
    for (YcsbWorkload w : YcsbWorkload.values()) {
      if (("ycsb-" + w.name().toLowerCase(Locale.ROOT)).equals(preset)) return w;
    }
    problems.at(reader.child(workload, WORKLOAD, "preset"), path(WORKLOAD, "preset"),
        "expected one of none|ycsb-a|ycsb-b|ycsb-c|ycsb-d|ycsb-e|ycsb-f, got '" + preset + "'");
    return null;
  }

  /** {@code store.workload.key-distribution} with its parameters, over {@code keys} keys. */
  private KeyChooser chooser(ConfigValue workload, String distribution, long keys) {
    if (distribution == null) return null;
    Double theta = reader.decimalAt(workload, WORKLOAD, "zipfian-theta", 0.01, 10);
    Double hotData = reader.decimalAt(workload, WORKLOAD, "hotspot-data-fraction", 0.001, 0.999);
    Double hotOps = reader.decimalAt(workload, WORKLOAD, "hotspot-operation-fraction", 0, 1);
    if (theta == null || hotData == null || hotOps == null) return null;
    boolean ranked = distribution.equals("zipfian") || distribution.equals("latest");
    if (ranked && keys > KeyChooser.ZIPF_KEYS_MAX) {
      problems.at(reader.child(workload, WORKLOAD, "keys"), path(WORKLOAD, "keys"), "must be at most "
          + KeyChooser.ZIPF_KEYS_MAX + " with key-distribution = " + distribution + ", got " + keys);
      return null;
    }
    switch (distribution) {
      case "uniform": return new KeyChooser.Uniform(Math.min(keys, Long.MAX_VALUE / 2));
      case "zipfian": return new KeyChooser.Zipfian(keys, theta);
      case "latest": return new KeyChooser.Latest(keys, theta);
      case "hotspot": return new KeyChooser.Hotspot(Math.min(keys, Long.MAX_VALUE / 2), hotData, hotOps);
      default:
        problems.at(reader.child(workload, WORKLOAD, "key-distribution"), path(WORKLOAD, "key-distribution"),
            "expected one of " + DISTRIBUTIONS + ", got '" + distribution + "'");
        return null;
    }
  }

  private List<ClientPopulation> populations(ConfigValue list, Topology topology, boolean againstTopology) {
    List<ClientPopulation> out = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    new TopologyValues(reader, problems).eachObject(list, path(CLIENTS, POPULATIONS), EXAMPLE, ELEMENT_KEYS, (at, o) -> {
      String name = reader.stringAt(o, at, "region");
      if (name == null) return;
      if (!seen.add(name)) {
        problems.at(o.get("region"), path(at, "region"), "region '" + name + "' is listed twice");
        return;
      }
      Optional<Region> region = topology == null ? Optional.empty() : topology.region(name);
      if (region.isEmpty()) {
        if (againstTopology) problems.at(o.get("region"), path(at, "region"), "unknown region '" + name + "'");
        return;
      }
      ClientPopulation population = population(o, at, region.get());
      if (population != null) out.add(population);
    });
    return out;
  }

  /** One element: an open loop ({@code rate} or {@code rate-per-server}, {@code shape}) or a closed one ({@code clients}, {@code think-time}). */
  private ClientPopulation population(ConfigObject o, String at, Region region) {
    int before = problems.count();
    LoadShapeReader.RegionalShape shape = o.containsKey("shape")
        ? new LoadShapeReader(reader, problems).read(o.get("shape"), path(at, "shape"))
        : offset -> new geosim.workload.LoadShape.Constant(1);
    int given = (o.containsKey("rate") ? 1 : 0) + (o.containsKey("rate-per-server") ? 1 : 0) + (o.containsKey("clients") ? 1 : 0);
    if (given != 1) {
      problems.at(o, at, "give exactly one of rate (requests per second in the region), rate-per-server or clients "
          + "(a closed loop with think-time), got " + given);
      return null;
    }
    double rate = 0;
    int users = 0;
    long thinkNs = 0;
    if (o.containsKey("clients")) {
      Long n = reader.integerAt(o, at, "clients", 1, ClientPopulation.CLIENTS_MAX);
      Long think = o.containsKey("think-time") ? reader.durationNsAt(o, at, "think-time", true) : Long.valueOf(0);
      if (think != null && think > THINK_NS_MAX) problems.at(o.get("think-time"), path(at, "think-time"), "must be at most 1d");
      if (n != null) users = n.intValue();
      if (think != null) thinkNs = think;
    } else if (o.containsKey("rate")) {
      Double r = reader.decimalAt(o, at, "rate", 0, REGION_RATE_MAX);
      if (r != null) rate = r;
    } else {
      Double r = reader.decimalAt(o, at, "rate-per-server", 0, StoreWorkload.RATE_MAX);
      if (r != null) rate = r * region.serverCount();
    }
    if (problems.count() != before || shape == null) return null;
    double offset = LoadShapeReader.RegionalShape.utcOffsetOf(region.longitude());
    return new ClientPopulation(region.name(), rate, shape.at(offset), users, thinkNs);
  }
}
