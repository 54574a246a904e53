package geosim.store.client;

import geosim.fabric.Fabric;
import geosim.fabric.FabricMessage;
import geosim.kernel.ActorRef;
import geosim.kernel.Kernel;
import geosim.kernel.PartitionBy;
import geosim.store.cache.CacheRing;
import geosim.relational.DatabaseTier;
import geosim.relational.FailoverManager;
import geosim.store.cache.CacheServer;
import geosim.store.cache.CacheSettings;
import geosim.store.node.StoreModel;
import geosim.store.objects.ObjectStoreServer;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * Spawns one {@link ClientActor} per population, at path {@code <region>/<its first data
 * center>/clients} (in that data center's partition unit when partitioning by region or data
 * center), and names the clients' metrics.
 *
 * <pre>{@code
 * StoreModel store = StoreModel.populate(topology, storeSettings, network, faults, seed, builder);
 * StoreClients.populate(store, topology, clientSettings, durationNs, PartitionBy.REGION, lookaheadNs, builder);
 * }</pre>
 */
public final class StoreClients {
  /** Counters per region, in this order: requests started, succeeded, failed (including timed out), failovers. */
  public static final List<String> COUNTERS = List.of("requests", "ok", "failed", "failovers");
  /** Counter per region of the app tier ({@link #appCounter}): the app servers' busy core-ns, added at every snapshot. */
  public static final String APP_BUSY_CORE_NS = "busy-core-ns";
  /** Counter per region of the app tier ({@link #appCounter}): requests it answered as failed (a call failed or timed out). */
  public static final String APP_FAILED = "failed";
  /** Counter: the app tier's database reads (sent to a replica, or the primary of a shard without one). */
  public static final String DATABASE_READS = "app.database.reads";
  /** Counter: the app tier's database writes (sent to a primary). */
  public static final String DATABASE_WRITES = "app.database.writes";
  /** Counter: database reads of a key the same app server had written (audited for read-your-writes). */
  public static final String DATABASE_AUDITED_READS = "app.database.audited-reads";
  /** Counter: audited database reads that returned an older version than the app server's own write. */
  public static final String DATABASE_RYW_VIOLATIONS = "app.database.read-your-writes-violations";
  /**
   * Counter: the app tier's database writes acknowledged by a primary that crashed and that the
   * replica promoted in its place had not received (lost in the failover).
   */
  public static final String DATABASE_LOST_WRITES = "app.database.lost-acknowledged-writes";
  /** Histogram: latency of the clients' successful requests, all regions, us. */
  public static final String LATENCY_US = "client.latency-us";

  /** Where a region's autoscalers sit, beside its app servers: {@code <region>/<first data center>/autoscaler}. */
  public static final String AUTOSCALER_PLACE = "autoscaler";

  private StoreClients() {}

  /** The path of an actor named {@code name} beside the app servers of the region whose first server is {@code firstServerPath}. */
  public static String besideApps(String firstServerPath, String name) {
    return path(firstServerPath, name);
  }

  /** Counter {@code name} (one of {@link #COUNTERS}) of the clients of {@code region}: {@code client.us-east.ok}. */
  public static String counter(String region, String name) {
    return "client." + region + "." + name;
  }

  /** Histogram: latency of the successful requests of the clients of {@code region}, us: {@code client.us-east.latency-us}. */
  public static String latencyUs(String region) {
    return "client." + region + ".latency-us";
  }

  /** Counter {@code name} of the app servers of {@code region}: {@code app.us-east.requests}, {@code app.us-east.busy-core-ns}. */
  public static String appCounter(String region, String name) {
    return "app." + region + "." + name;
  }

  /** The path of actor {@code name} (clients, app-1, ...) in the data center of {@code firstServerPath}. */
  static String path(String firstServerPath, String name) {
    String[] segments = firstServerPath.split("/");
    return segments[0] + "/" + segments[1] + "/" + name;
  }

  /**
   * Registers the clients of every population with {@code builder}.
   *
   * @param horizonNs the run's duration: no request starts after it
   * @param by the kernel's partitioning, and {@code lookaheadNs} its lookahead: access delays
   *     across units are at least the lookahead
   */
  public static ClientActors populate(StoreModel store, Topology topology, ClientSettings settings, long horizonNs,
      PartitionBy by, long lookaheadNs, Kernel.Builder builder) {
    return populate(store, topology, settings, horizonNs, by, lookaheadNs,
        settings.app() == null ? 0 : settings.app().serversPerRegion(), builder);
  }

  /**
   * The actors the clients' side spawned, for the autoscalers that manage app servers.
   *
   * @param apps the app servers: app server a is number a % perRegion of region a / perRegion
   * @param clients the client actors, one per population
   * @param delays the one-way delay from each client actor to a region's first data center, by
   *     client then region (what an autoscaler beside the region's app servers needs to tell it)
   */
  public record ClientActors(List<ActorRef<FabricMessage>> apps, List<ActorRef<FabricMessage>> clients, long[][] delays) {
    public ClientActors {
      apps = List.copyOf(apps);
      clients = List.copyOf(clients);
    }
  }

  /**
   * As {@link #populate(StoreModel, Topology, ClientSettings, long, PartitionBy, long, Kernel.Builder)},
   * with only the first {@code appInServicePerRegion} app servers of each region in service at the
   * start: the others are slots an autoscaler provisions ({@code geosim.autoscale}).
   */
  public static ClientActors populate(StoreModel store, Topology topology, ClientSettings settings, long horizonNs,
      PartitionBy by, long lookaheadNs, int appInServicePerRegion, Kernel.Builder builder) {
    Fabric fabric = store.fabric();
    List<ClientPopulation> populations = settings.populations();
    AccessHop hop = new AccessHop(settings.accessLatencyNs(), by, lookaheadNs);
    List<ActorRef<FabricMessage>> clients = new ArrayList<>();
    long[][] toRegions = new long[populations.size()][];
    List<ActorRef<FabricMessage>> apps = settings.app() == null ? List.of()
        : populateApps(store, topology, settings, hop, builder);
    for (int p = 0; p < populations.size(); p++) {
      ClientPopulation population = populations.get(p);
      int home = regionIndex(fabric, population.region());
      String path = path(fabric.serverPath(fabric.firstServerOf(home)), "clients");
      ClientRoutes routes = ClientRoutes.of(topology, fabric, home, path, hop);
      CoordinatorChoice choice = new CoordinatorChoice(fabric, store.placement(), settings.routing());
      AppTier appTier = null;
      if (settings.app() != null) {
        long[] delays = new long[apps.size()];
        for (int a = 0; a < delays.length; a++) {
          delays[a] = routes.delayNs(apps.get(a).path(), a / settings.app().serversPerRegion());
        }
        appTier = new AppTier(new AppBalancer(settings.app().newPolicy(), settings.app().serversPerRegion(),
            fabric.regionCount(), appInServicePerRegion), apps, delays);
      }
      ClientPlace place = new ClientPlace(routes, choice, p, populations.size(), horizonNs, appTier);
      clients.add(builder.spawn(path, new ClientActor(settings, population, place)));
      toRegions[p] = new long[fabric.regionCount()];
      for (int r = 0; r < fabric.regionCount(); r++) {
        toRegions[p][r] = routes.delayNs(path(fabric.serverPath(fabric.firstServerOf(r)), AUTOSCALER_PLACE), r);
      }
    }
    return new ClientActors(apps, clients, toRegions);
  }

  /**
   * Spawns the app servers of every region, {@code <region>/<first data center>/app-<i>}; app server
   * a is number a % perRegion of region a / perRegion. With a cache tier, each region's cache
   * servers first ({@link #populateCaches}); with a database, its servers before all, {@code
   * <first region>/<first data center>/mysql-<name>} (the scenario reader allows one region only),
   * and its failover manager after all, {@code mysql-failover-manager} beside them, which tells the
   * app servers (in order) of a promoted replica.
   */
  private static List<ActorRef<FabricMessage>> populateApps(StoreModel store, Topology topology, ClientSettings settings,
      AccessHop hop, Kernel.Builder builder) {
    Fabric fabric = store.fabric();
    AppSettings app = settings.app();
    List<ActorRef<FabricMessage>> refs = new ArrayList<>();
    DatabaseTier database = app.database() == null ? null : DatabaseTier.spawn(app.database(),
        path(fabric.serverPath(fabric.firstServerOf(0)), "mysql-"), builder);
    for (int r = 0; r < fabric.regionCount(); r++) {
      List<ActorRef<FabricMessage>> caches = app.cache() == null ? List.of() : populateCaches(fabric, r, app.cache(), builder);
      ActorRef<FabricMessage> objects = app.objectStore() == null ? null : builder.spawn(
          path(fabric.serverPath(fabric.firstServerOf(r)), "object-store"),
          new ObjectStoreServer(app.objectStore(), settings.keys().keys()));
      for (int i = 0; i < app.serversPerRegion(); i++) {
        String path = path(fabric.serverPath(fabric.firstServerOf(r)), "app-" + (i + 1));
        ClientRoutes routes = ClientRoutes.of(topology, fabric, r, path, hop);
        CoordinatorChoice choice = new CoordinatorChoice(fabric, store.placement(), Routing.TOKEN_AWARE);
        DatabaseAccess db = database == null ? null : new DatabaseAccess(database, app.database());
        refs.add(builder.spawn(path, new AppServer(app, settings, routes, choice, backends(routes, r, caches, objects, db))));
      }
    }
    if (database != null) {
      builder.spawn(path(fabric.serverPath(fabric.firstServerOf(0)), "mysql-failover-manager"),
          new FailoverManager(app.database(), database.replicaRefs(), refs));
    }
    return refs;
  }

  /** An app server's way to its region's cache servers, object store and the database (each absent when empty or null). */
  private static AppServerBackends backends(ClientRoutes routes, int r, List<ActorRef<FabricMessage>> caches,
      ActorRef<FabricMessage> objects, DatabaseAccess database) {
    CacheAccess cache = null;
    if (!caches.isEmpty()) {
      long[] delays = new long[caches.size()];
      for (int c = 0; c < delays.length; c++) delays[c] = routes.delayNs(caches.get(c).path(), r);
      cache = new CacheAccess(new CacheRing(caches.size()), caches, delays);
    }
    ObjectAccess object = objects == null ? null : new ObjectAccess(objects, routes.delayNs(objects.path(), r));
    return new AppServerBackends(cache, object, database);
  }

  /** Spawns the cache servers of region {@code r}, {@code <region>/<first data center>/cache-<i>}, beside its app servers. */
  private static List<ActorRef<FabricMessage>> populateCaches(Fabric fabric, int r, CacheSettings cache,
      Kernel.Builder builder) {
    List<ActorRef<FabricMessage>> refs = new ArrayList<>();
    String region = fabric.regionName(r);
    for (int i = 1; i <= cache.serversPerRegion(); i++) {
      String name = "cache-" + i;
      String path = path(fabric.serverPath(fabric.firstServerOf(r)), name);
      refs.add(builder.spawn(path, new CacheServer(cache, region, name, cache.crashesOf(region, i))));
    }
    return refs;
  }

  private static int regionIndex(Fabric fabric, String region) {
    for (int r = 0; r < fabric.regionCount(); r++) {
      if (fabric.regionName(r).equals(region)) return r;
    }
    throw new IllegalArgumentException("unknown region '" + region + "'");
  }
}
