package geosim.store.client;

import geosim.fabric.Fabric;
import geosim.kernel.Kernel;
import geosim.kernel.PartitionBy;
import geosim.store.node.StoreModel;
import geosim.topology.Topology;
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
  /** Histogram: latency of the clients' successful requests, all regions, us. */
  public static final String LATENCY_US = "client.latency-us";

  private StoreClients() {}

  /** Counter {@code name} (one of {@link #COUNTERS}) of the clients of {@code region}: {@code client.us-east.ok}. */
  public static String counter(String region, String name) {
    return "client." + region + "." + name;
  }

  /** Histogram: latency of the successful requests of the clients of {@code region}, us: {@code client.us-east.latency-us}. */
  public static String latencyUs(String region) {
    return "client." + region + ".latency-us";
  }

  /** The actor path of the clients of a region, in the data center of {@code firstServerPath}. */
  static String path(String firstServerPath) {
    String[] segments = firstServerPath.split("/");
    return segments[0] + "/" + segments[1] + "/clients";
  }

  /**
   * Registers the clients of every population with {@code builder}.
   *
   * @param horizonNs the run's duration: no request starts after it
   * @param by the kernel's partitioning, and {@code lookaheadNs} its lookahead: access delays
   *     across units are at least the lookahead
   */
  public static void populate(StoreModel store, Topology topology, ClientSettings settings, long horizonNs,
      PartitionBy by, long lookaheadNs, Kernel.Builder builder) {
    Fabric fabric = store.fabric();
    List<ClientPopulation> populations = settings.populations();
    for (int p = 0; p < populations.size(); p++) {
      ClientPopulation population = populations.get(p);
      int home = regionIndex(fabric, population.region());
      String path = path(fabric.serverPath(fabric.firstServerOf(home)));
      ClientRoutes routes = ClientRoutes.of(topology, fabric, home, settings.accessLatencyNs(), path, by, lookaheadNs);
      CoordinatorChoice choice = new CoordinatorChoice(fabric, store.placement(), settings.routing());
      builder.spawn(path, new ClientActor(settings, population, routes, fabric, choice, p, populations.size(), horizonNs));
    }
  }

  private static int regionIndex(Fabric fabric, String region) {
    for (int r = 0; r < fabric.regionCount(); r++) {
      if (fabric.regionName(r).equals(region)) return r;
    }
    throw new IllegalArgumentException("unknown region '" + region + "'");
  }
}
