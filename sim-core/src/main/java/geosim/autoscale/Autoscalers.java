package geosim.autoscale;

import geosim.elastic.AutoscalerSettings;
import geosim.fabric.Fabric;
import geosim.fabric.FabricMessage;
import geosim.kernel.ActorRef;
import geosim.kernel.Kernel;
import geosim.kernel.PartitionBy;
import geosim.store.client.StoreClients;
import java.util.ArrayList;
import java.util.List;

/**
 * Spawns the autoscalers of the per-request store model: for each scaled role, one {@link
 * RoleAutoscaler} per region at {@code <region>/<first data center>/autoscaler-<role>}, beside the
 * region's app servers and clients (in their partition unit when partitioning by region or data
 * center). Its messages to a slot in another unit are delayed by at least the lookahead.
 *
 * <pre>{@code
 * StoreClients.ClientActors actors = StoreClients.populate(store, topology, clients, duration, by, lookahead,
 *     Autoscalers.appInService(autoscale, clients.app()), builder);
 * Autoscalers.populate(store.fabric(), actors, autoscale, new Autoscalers.Placement(by, lookahead, access), builder);
 * }</pre>
 */
public final class Autoscalers {
  private Autoscalers() {}

  /**
   * Where the autoscalers sit relative to their slots.
   *
   * @param by the kernel's partitioning
   * @param lookaheadNs the kernel's lookahead, ns, >= 1
   * @param accessLatencyNs one-way delay within a region, ns, > 0 (the clients' access hop)
   */
  public record Placement(PartitionBy by, long lookaheadNs, long accessLatencyNs) {
    long delayNs(String from, String to) {
      return by.unitOf(from).equals(by.unitOf(to)) ? accessLatencyNs : Math.max(accessLatencyNs, lookaheadNs);
    }
  }

  /** The roles' names in {@code store.autoscaler.roles} and in metric names. */
  public static final String APP = RoleAutoscaler.APP;
  public static final String STORE = RoleAutoscaler.STORE;

  /** Counter {@code name} of {@code role}'s autoscaler in {@code region}: {@code autoscaler.us-east.app.instances-ns}. */
  public static String metric(String region, String role, String name) {
    return RoleAutoscaler.metric(region, role, name);
  }

  /** App servers in service per region at the start: {@code min} with an app autoscaler, else all {@code perRegion}. */
  public static int appInService(AutoscaleSettings settings, int perRegion) {
    return settings == null || settings.app() == null ? perRegion : settings.app().min();
  }

  /** The path of the autoscaler of {@code role} in the region whose first server is {@code firstServerPath}. */
  static String path(String firstServerPath, String role) {
    return StoreClients.besideApps(firstServerPath, StoreClients.AUTOSCALER_PLACE + "-" + role);
  }

  /** Spawns the autoscalers of {@code settings}' roles in every region of {@code fabric}. */
  public static void populate(Fabric fabric, StoreClients.ClientActors actors, AutoscaleSettings settings,
      Placement placement, Kernel.Builder builder) {
    for (int r = 0; r < fabric.regionCount(); r++) {
      String first = fabric.serverPath(fabric.firstServerOf(r));
      if (settings.app() != null) {
        String path = path(first, RoleAutoscaler.APP);
        builder.spawn(path, new RoleAutoscaler(settings.app(), appPool(fabric, r, actors, settings.app(), placement, path)));
      }
      if (settings.store() != null) {
        String path = path(first, RoleAutoscaler.STORE);
        builder.spawn(path, new RoleAutoscaler(settings.store(), storePool(fabric, r, settings.store(), placement, path)));
      }
    }
  }

  private static RolePool appPool(Fabric fabric, int r, StoreClients.ClientActors actors, AutoscalerSettings app,
      Placement placement, String path) {
    int perRegion = actors.apps().size() / fabric.regionCount();
    List<ActorRef<FabricMessage>> slots = actors.apps().subList(r * perRegion, (r + 1) * perRegion);
    int[] indexes = new int[perRegion];
    long[] delays = new long[perRegion];
    for (int i = 0; i < perRegion; i++) {
      indexes[i] = r * perRegion + i;
      delays[i] = placement.delayNs(path, slots.get(i).path());
    }
    long[] clientDelays = new long[actors.clients().size()];
    for (int c = 0; c < clientDelays.length; c++) clientDelays[c] = actors.delays()[c][r];
    return new RolePool(RoleAutoscaler.APP, fabric.regionName(r), slots, indexes, delays, actors.clients(), clientDelays,
        app.min());
  }

  private static RolePool storePool(Fabric fabric, int r, AutoscalerSettings store, Placement placement, String path) {
    List<ActorRef<FabricMessage>> slots = new ArrayList<>();
    List<Integer> servers = new ArrayList<>();
    for (int s = 0; s < fabric.serverCount(); s++) {
      if (fabric.regionOf(s) == r) servers.add(s);
    }
    int[] indexes = new int[servers.size()];
    long[] delays = new long[servers.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = servers.get(i);
      slots.add(fabric.serverRef(indexes[i]));
      delays[i] = placement.delayNs(path, fabric.serverPath(indexes[i]));
    }
    return new RolePool(RoleAutoscaler.STORE, fabric.regionName(r), slots, indexes, delays, List.of(), new long[0],
        store.min());
  }
}
