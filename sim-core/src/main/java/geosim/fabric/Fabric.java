package geosim.fabric;

import geosim.kernel.ActorRef;
import geosim.kernel.Kernel;
import geosim.kernel.PartitionBy;
import geosim.kernel.StreamRandom;
import geosim.network.EgressPort;
import geosim.network.LinkChange;
import geosim.network.LinkSchedule;
import geosim.network.LinkTier;
import geosim.network.NetworkDefaults;
import geosim.network.NetworkMode;
import geosim.network.NetworkSettings;
import geosim.network.PartitionSchedule;
import geosim.network.PartitionSpec;
import geosim.network.PathTimes;
import geosim.network.Route;
import geosim.network.Routes;
import geosim.topology.Link;
import geosim.topology.PeerChoice;
import geosim.topology.Placement;
import geosim.topology.Region;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The data-center network of a topology as actors: what every actor on it reads and nobody
 * changes once it is built — the servers (in {@link Topology#servers()} order) and their regions,
 * the routes, the actor at the receiving end of every link — and, after the run, its ports'
 * utilization. The one exception is the link schedule, which a fault injected during the run
 * replaces between windows ({@link #reschedule}) with one that differs only from the fault's time.
 *
 * <pre>{@code
 * long lookahead = Fabric.lookaheadNs(topology, PartitionBy.REGION, durationNs);
 * Fabric fabric = Fabric.populate(topology, networkSettings, builder,
 *     (f, server, placement, nic) -> new MyServer(f, server, nic, ...));
 * // a server sends: nic.forward(Frame.start(fabric.route(me, peer, flowId), bytes, payload), ctx)
 * }</pre>
 *
 * <p>Paths: servers at {@code Placement.path()}, switches at the paths of {@link
 * geosim.topology.ActorPaths}. Spawning order is fixed (servers in topology order, then switches
 * by path), so ids and results do not depend on hashing.
 */
public final class Fabric {
  /** Counter: frames offered to an egress port (one per hop attempted). */
  public static final String HOPS = "network.hops";
  /** Counter: frames dropped at a full (or stalled) egress port. */
  public static final String DROPPED = "network.dropped";
  /** Counter: frames lost because the next link was cut. */
  public static final String LOST_AT_CUT = "network.lost-at-cut";
  /** Counter: frames lost on a degraded link (its loss probability). */
  public static final String LOST_TO_LOSS = "network.lost-to-loss";
  /** Counter: frames put on their first hop. */
  public static final String FRAMES = "network.frames";
  /** Counter: frames on their way over their last hop (they will arrive). */
  public static final String FRAMES_DELIVERED = "network.frames-delivered";
  /** Counter: bytes of the frames put on their first hop. */
  public static final String BYTES_SENT = "network.bytes-sent";
  /** Counter: bytes of the frames on their last hop. */
  public static final String BYTES_DELIVERED = "network.bytes-delivered";
  /** Counter: bytes of the frames dropped, lost at a cut or lost on a degraded link. */
  public static final String BYTES_LOST = "network.bytes-lost";

  private final Routes routes;
  private final String[] serverPaths;
  private final String[] regionNames;
  private final int[] regionOfServer;
  private final int[] firstServer;
  private final ActorRef<FabricMessage>[] linkTargets;
  private final ActorRef<FabricMessage>[] serverRefs;
  private final List<Ports> allPorts = new ArrayList<>();
  /** The actor owning each of {@link #allPorts}, in the same order. */
  private final List<ActorRef<FabricMessage>> portOwners = new ArrayList<>();
  private NetworkSettings settings;
  /** The run's seed: degraded links draw their losses from streams named from it. */
  private long seed;
  private LinkSchedule schedule = LinkSchedule.empty();
  /** The route times beyond the NIC in paths mode; null in hops mode. */
  private PathTimes pathTimes;
  /** The partitions senders filter their frames by; null when the run has none (then nobody looks). */
  private PartitionSchedule partitions;

  @SuppressWarnings("unchecked")
  private Fabric(Topology topology) {
    this.routes = new Routes(topology);
    List<Region> regions = topology.regions();
    List<Placement> servers = topology.servers();
    regionNames = new String[regions.size()];
    firstServer = new int[regions.size() + 1];
    serverPaths = new String[servers.size()];
    regionOfServer = new int[servers.size()];
    int region = 0;
    for (int s = 0; s < servers.size(); s++) {
      while (!regions.get(region).name().equals(servers.get(s).region().name())) firstServer[++region] = s;
      serverPaths[s] = servers.get(s).path();
      regionOfServer[s] = region;
    }
    for (int r = 0; r < regions.size(); r++) regionNames[r] = regions.get(r).name();
    for (int r = region + 1; r <= regions.size(); r++) firstServer[r] = servers.size();
    linkTargets = new ActorRef[routes.links().size()];
    serverRefs = new ActorRef[servers.size()];
  }

  /**
   * Counter of one link's utilization times each snapshot interval, when asked for ({@link
   * #recordPerLink}): {@code link.<from>><to>.busy-ns}, whose rate over an interval is the link's
   * utilization in it (foreground and background together, 0 to 1).
   */
  public static String linkBusyMetric(Link link) {
    return "link." + link.from() + ">" + link.to() + ".busy-ns";
  }

  /**
   * Before the run: every sending port also records its own utilization ({@link #linkBusyMetric}),
   * for the live view's switches; one more time series per link, the results do not change.
   */
  public void recordPerLink() {
    for (Ports ports : allPorts) ports.recordPerLink();
  }

  /** Histogram of each link's utilization per snapshot interval, parts per million, by tier: {@code link.tor-agg.utilization-ppm}. */
  public static String linkUtilizationMetric(LinkTier tier) {
    return "link." + tier.configName() + ".utilization-ppm";
  }

  /**
   * The smallest delay of a frame between two partition units at level {@code by}: every hop
   * takes at least its link's propagation and at least 1 ns of serialization, so the smallest
   * propagation of a link whose ends lie in different units (at least 1 ns); {@code durationNs}
   * when no link crosses units.
   */
  public static long lookaheadNs(Topology topology, PartitionBy by, long durationNs) {
    long min = Long.MAX_VALUE;
    for (Link link : topology.links()) {
      if (!by.unitOf(link.from()).equals(by.unitOf(link.to()))) min = Math.min(min, link.spec().latencyNs());
    }
    return min == Long.MAX_VALUE ? Math.max(1, durationNs) : Math.max(1, min);
  }

  /**
   * Registers every server (made by {@code endpoints}) and switch of {@code topology} with
   * {@code builder}; the network's background flows and cuts are worked out here ({@link
   * LinkSchedule}) and each port owner applies its own links' changes. In {@link
   * NetworkMode#PATHS} no switch is registered: a server's NIC sends each message straight to its
   * destination ({@link Ports#forward}).
   */
  public static Fabric populate(Topology topology, NetworkSettings settings, Kernel.Builder builder, Endpoints endpoints) {
    Fabric fabric = new Fabric(topology);
    List<Link> links = fabric.links();
    fabric.settings = settings;
    fabric.seed = builder.settings().seed();
    fabric.schedule = settings.schedule(fabric.routes);
    boolean paths = settings.mode() == NetworkMode.PATHS;
    if (paths) fabric.pathTimes = new PathTimes(links, fabric.schedule);
    fabric.partitions = PartitionSchedule.of(settings.partitions(), links);
    SortedMap<String, SortedMap<Integer, EgressPort>> portsByActor = portsByActor(links, settings.defaults());
    Map<String, List<LinkChange>> changesByActor = changesByActor(links, fabric.schedule);
    Map<String, ActorRef<FabricMessage>> refs = new TreeMap<>();
    List<Placement> placements = topology.servers();
    for (int s = 0; s < fabric.serverPaths.length; s++) {
      String path = fabric.serverPaths[s];
      Ports nic = fabric.ports(portsByActor.remove(path), changesByActor, path);
      fabric.serverRefs[s] = builder.spawn(path, endpoints.create(fabric, s, placements.get(s), nic));
      refs.put(path, fabric.serverRefs[s]);
      fabric.portOwners.add(fabric.serverRefs[s]);
    }
    for (Map.Entry<String, SortedMap<Integer, EgressPort>> e : portsByActor.entrySet()) {
      if (paths) break;
      Ports ports = fabric.ports(e.getValue(), changesByActor, e.getKey());
      refs.put(e.getKey(), builder.spawn(e.getKey(), new FabricSwitch(ports)));
      fabric.portOwners.add(refs.get(e.getKey()));
    }
    for (int id = 0; id < links.size(); id++) fabric.linkTargets[id] = refs.get(links.get(id).to());
    return fabric;
  }

  private Ports ports(SortedMap<Integer, EgressPort> byLink, Map<String, List<LinkChange>> changes, String path) {
    Ports ports = new Ports(this, path, byLink, changes.getOrDefault(path, List.of()));
    allPorts.add(ports);
    return ports;
  }

  /** Each sending end's ports, by its path, then by link id; sorted, so spawning order is fixed. */
  private static SortedMap<String, SortedMap<Integer, EgressPort>> portsByActor(
      List<Link> links, NetworkDefaults defaults) {
    SortedMap<String, SortedMap<Integer, EgressPort>> byActor = new TreeMap<>();
    for (int id = 0; id < links.size(); id++) {
      Link link = links.get(id);
      byActor.computeIfAbsent(link.from(), k -> new TreeMap<>()).put(id, defaults.portFor(link));
    }
    return byActor;
  }

  /** The schedule's changes grouped by the actor that owns each link's egress port, in schedule order. */
  private static Map<String, List<LinkChange>> changesByActor(List<Link> links, LinkSchedule schedule) {
    Map<String, List<LinkChange>> byActor = new HashMap<>(); // looked up, never iterated
    for (LinkChange change : schedule.changes()) {
      byActor.computeIfAbsent(links.get(change.linkId()).from(), k -> new ArrayList<>()).add(change);
    }
    return byActor;
  }

  public List<Link> links() {
    return routes.links();
  }

  public int serverCount() {
    return serverPaths.length;
  }

  public String serverPath(int server) {
    return serverPaths[server];
  }

  public int regionCount() {
    return regionNames.length;
  }

  public String regionName(int region) {
    return regionNames[region];
  }

  /** Index of {@code server}'s region in {@code Topology.regions()}. */
  public int regionOf(int server) {
    return regionOfServer[server];
  }

  /** The servers of region {@code region}: indices {@code firstServerOf(region)} (inclusive) to {@code firstServerOf(region + 1)}. */
  public int firstServerOf(int region) {
    return firstServer[region];
  }

  /** The actor of server {@code server}, for messages that do not cross the fabric (a client's access hop). */
  public ActorRef<FabricMessage> serverRef(int server) {
    return serverRefs[server];
  }

  /** The route of flow {@code flowId} from one server to another. */
  public Route route(int fromServer, int toServer, long flowId) {
    return routes.route(fromServer, toServer, flowId);
  }

  /**
   * A random peer of {@code server}: with probability {@code remoteFraction} a server of another
   * region, otherwise another server of its own region (uniformly); -1 when there is none.
   */
  public int choosePeer(int server, double remoteFraction, StreamRandom random) {
    return PeerChoice.choose(firstServer, regionOfServer[server], server, remoteFraction, random);
  }

  /** The run's seed. */
  long seed() {
    return seed;
  }

  /** The route times beyond the NIC when messages cross the network in one step ({@link NetworkMode#PATHS}); null hop by hop. */
  PathTimes pathTimes() {
    return pathTimes;
  }

  /** The partitions a frame leaving its sender may cross ({@link Ports#forward}); null when there are none. */
  PartitionSchedule partitions() {
    return partitions;
  }

  /** The actor at the receiving end of link {@code linkId}; null for a switch in paths mode. */
  ActorRef<FabricMessage> target(int linkId) {
    return linkTargets[linkId];
  }

  /** The background flows and cuts as worked out for this run (with the faults injected so far). */
  public LinkSchedule schedule() {
    return schedule;
  }

  /** The network settings the fabric was built with (its flows and cuts before any injected fault). */
  public NetworkSettings settings() {
    return settings;
  }

  /** What {@code flowsAndCuts}' background flows and cuts do to this fabric's links. */
  public LinkSchedule scheduleOf(NetworkSettings flowsAndCuts) {
    return flowsAndCuts.schedule(routes);
  }

  /**
   * Follows {@code next} from {@code fromNs} on, for a fault injected while the run goes on: the
   * schedule and the paths-mode route times switch to it, and each port owner whose links it
   * changes from {@code fromNs} on gets a {@link LinkScheduleChanged} to deliver at {@code
   * fromNs}. Call only between windows (from a {@link geosim.kernel.ExternalInput}), with {@code
   * next} equal to the current schedule before {@code fromNs}: then reads before {@code fromNs}
   * see no difference, whenever the switch happens.
   *
   * @return the messages by owner, in spawning order
   */
  public Map<ActorRef<FabricMessage>, LinkScheduleChanged> reschedule(LinkSchedule next, long fromNs) {
    Map<ActorRef<FabricMessage>, LinkScheduleChanged> messages = new java.util.LinkedHashMap<>();
    for (int i = 0; i < allPorts.size(); i++) {
      java.util.BitSet mine = allPorts.get(i).linkIds();
      List<LinkChange> changes = next.changesOf(mine, fromNs);
      if (!changes.equals(schedule.changesOf(mine, fromNs))) {
        messages.put(portOwners.get(i), new LinkScheduleChanged(changes));
      }
    }
    schedule = next;
    if (pathTimes != null) pathTimes = new PathTimes(links(), next);
    return messages;
  }

  /**
   * Filters frames by {@code next} from now on, for a partition injected (or ended) while the run
   * goes on: senders read it at each frame's first hop, so no message is needed. Call only between
   * windows, with {@code next} equal to the partitions so far before the injection's time; then
   * reads before that time see no difference, whenever the switch happens.
   */
  public void repartition(List<PartitionSpec> next) {
    partitions = PartitionSchedule.of(next, links());
  }

  /**
   * Each link's share of capacity spent on foreground frames and background flows together over
   * {@code [0, endNs]}, 0 to 1, by link id; 0 for links whose sending port's owner is not on one of
   * {@code partitions} (a link belongs to the partition of the actor that transmits on it). Call
   * after the run, with its end time.
   */
  public double[] linkUtilization(long endNs, java.util.function.IntPredicate partitions) {
    double[] byLink = new double[links().size()];
    for (int i = 0; i < allPorts.size(); i++) {
      if (partitions.test(portOwners.get(i).partition())) allPorts.get(i).utilizationInto(endNs, byLink);
    }
    return byLink;
  }
}
