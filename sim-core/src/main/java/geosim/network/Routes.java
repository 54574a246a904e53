package geosim.network;

import geosim.kernel.Seeds;
import geosim.topology.ActorPaths;
import geosim.topology.DataCenter;
import geosim.topology.Link;
import geosim.topology.Placement;
import geosim.topology.Topology;
import geosim.topology.TopologyLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Routes between servers of a {@link Topology}: up the tree to the lowest common level
 * ({@link TopologyLevel#common}) and down again, over the links of {@link Topology#links()},
 * whose indices are the link ids used everywhere in this package.
 *
 * <pre>
 * same rack          srv - tor - srv
 * same data center   srv - tor - agg - tor - srv
 * same region        srv - tor - agg - core - wan - core - agg - tor - srv
 * other region       srv - tor - agg - core - wan - wan - core - agg - tor - srv
 * </pre>
 *
 * <p>ECMP: where a switch has several equal-cost next hops (a ToR's aggregation switches, an
 * aggregation switch's cores, a WAN router's cores in the destination data center, a core's
 * aggregation switches), it picks one by hashing the flow id, as switches hash a packet's
 * 5-tuple [1]. Each switch salts the hash with its own id so consecutive tiers do not make
 * correlated choices (hash polarization [2]). So a flow always takes the same path, and many
 * flows spread evenly.
 *
 * <p>[1] C. Hopps, "Analysis of an Equal-Cost Multi-Path Algorithm", RFC 2992, 2000 (hash-threshold). <br>
 * [2] Cisco, "Understanding CEF load balancing: hash polarization" (per-router universal ID seeds the hash).
 *
 * <p>The index from link ends to link ids is a hash map used only for lookups, never iterated.
 */
public final class Routes {
  private final Topology topology;
  private final List<Link> links;
  private final Map<String, Integer> idByEnds;
  private final IndexedRoutes indexed;

  public Routes(Topology topology) {
    this.topology = Objects.requireNonNull(topology, "topology");
    this.links = topology.links();
    this.idByEnds = new HashMap<>(links.size() * 2);
    for (int i = 0; i < links.size(); i++) idByEnds.put(ends(links.get(i).from(), links.get(i).to()), i);
    this.indexed = new IndexedRoutes(topology, this);
  }

  /** Every directed link; a link's id is its index here (the order of {@link Topology#links()}). */
  public List<Link> links() {
    return links;
  }

  /** The link with id {@code linkId}, 0 to {@code links().size() - 1}. */
  public Link link(int linkId) {
    return links.get(linkId);
  }

  /**
   * The id of the directed link {@code from -> to}.
   *
   * @throws IllegalArgumentException when no cable joins the two actor paths
   */
  public int linkId(String from, String to) {
    Integer id = idByEnds.get(ends(from, to));
    if (id == null) throw new IllegalArgumentException("no link from " + from + " to " + to);
    return id;
  }

  /**
   * The route of flow {@code flowId} from server {@code fromServer} to server {@code toServer}.
   * The same arguments always give the same route.
   *
   * @param flowId any value; e.g. a hash of (source, destination, connection)
   * @throws IllegalArgumentException when a server path is not in the topology
   */
  public Route route(String fromServer, String toServer, long flowId) {
    Placement a = placement("fromServer", fromServer);
    Placement b = placement("toServer", toServer);
    List<String> nodes = new ArrayList<>();
    nodes.add(fromServer);
    switch (TopologyLevel.common(fromServer, toServer)) {
      case SERVER -> { }
      case RACK -> nodes.add(a.torSwitchPath());
      case DATACENTER -> {
        nodes.add(a.torSwitchPath());
        nodes.add(ecmpAggregation(a, a.torSwitchPath(), flowId));
        nodes.add(b.torSwitchPath());
      }
      case REGION, WORLD -> acrossDataCenters(a, b, flowId, nodes);
    }
    if (!fromServer.equals(toServer)) nodes.add(toServer);
    return new Route(fromServer, toServer, hops(nodes));
  }

  /**
   * The route of a background flow (a bulk transfer, a storm) between two servers or top-of-rack
   * switches: a ToR's end takes the route of a server of its rack (the first one that is not the
   * other end), without that server's own link, so a storm between two ToRs loads exactly the
   * switch-to-switch links between them.
   *
   * @throws IllegalArgumentException when an end is neither a server nor a ToR switch of the
   *     topology, or the two ends leave no link between them
   */
  public Route flowRoute(String from, String to, long flowId) {
    String a = serverFor(from, to);
    String b = serverFor(to, a);
    List<Hop> hops = route(a, b, flowId).hops();
    int first = a.equals(from) ? 0 : 1;
    int last = b.equals(to) ? hops.size() : hops.size() - 1;
    if (a.equals(b) || first >= last) {
      throw new IllegalArgumentException("no link between " + from + " and " + to + " to carry a flow");
    }
    return new Route(from, to, hops.subList(first, last));
  }

  /** {@code end} if it is a server, else a server of the rack whose ToR {@code end} is, other than {@code avoid}. */
  private String serverFor(String end, String avoid) {
    if (topology.server(end).isPresent()) return end;
    for (Placement p : topology.servers()) {
      if (p.torSwitchPath().equals(end) && !p.path().equals(avoid)) return p.path();
    }
    throw new IllegalArgumentException("'" + end + "' is neither a server nor a top-of-rack switch of the topology"
        + " (or its rack has no other server)");
  }

  /**
   * The same route as {@link #route(String, String, long)}, for the servers with indices {@code
   * fromServer} and {@code toServer} in {@link Topology#servers()}: no string work, so this is the
   * one to call per message.
   *
   * @throws IndexOutOfBoundsException when an index is not a server's
   */
  public Route route(int fromServer, int toServer, long flowId) {
    if (fromServer < 0 || fromServer >= indexed.serverCount() || toServer < 0 || toServer >= indexed.serverCount()) {
      throw new IndexOutOfBoundsException("server indices must be between 0 and " + (indexed.serverCount() - 1)
          + ", got " + fromServer + " and " + toServer);
    }
    return indexed.route(fromServer, toServer, flowId);
  }

  private void acrossDataCenters(Placement a, Placement b, long flowId, List<String> nodes) {
    String aggA = ecmpAggregation(a, a.torSwitchPath(), flowId);
    String coreA = ecmpCore(a, aggA, flowId);
    String wanA = ActorPaths.wanRouter(a.region().name());
    String wanB = ActorPaths.wanRouter(b.region().name());
    String coreB = ecmpCore(b, wanB, flowId);
    String aggB = ecmpAggregation(b, coreB, flowId);
    nodes.addAll(List.of(a.torSwitchPath(), aggA, coreA, wanA));
    if (!wanA.equals(wanB)) nodes.add(wanB);
    nodes.addAll(List.of(coreB, aggB, b.torSwitchPath()));
  }

  /** The aggregation switch of {@code p}'s data center that switch {@code chooser} sends flow {@code flowId} to. */
  private static String ecmpAggregation(Placement p, String chooser, long flowId) {
    DataCenter dc = p.dataCenter();
    int n = ecmp(flowId, chooser, dc.fabric().aggregationSwitches());
    return ActorPaths.aggregationSwitch(p.region().name(), dc.name(), n);
  }

  private static String ecmpCore(Placement p, String chooser, long flowId) {
    DataCenter dc = p.dataCenter();
    int n = ecmp(flowId, chooser, dc.fabric().coreSwitches());
    return ActorPaths.coreSwitch(p.region().name(), dc.name(), n);
  }

  /**
   * The 1-based choice among {@code choices} equal-cost next hops that switch {@code chooser}
   * makes for flow {@code flowId}: {@code mix64(flowId ^ id(chooser)) mod choices}, unsigned.
   */
  static int ecmp(long flowId, String chooser, int choices) {
    long hash = Seeds.mix64(flowId ^ Seeds.idOf(chooser));
    return (int) Long.remainderUnsigned(hash, choices) + 1;
  }

  private List<Hop> hops(List<String> nodes) {
    List<Hop> hops = new ArrayList<>(nodes.size());
    for (int i = 1; i < nodes.size(); i++) {
      int id = linkId(nodes.get(i - 1), nodes.get(i));
      hops.add(new Hop(id, links.get(id)));
    }
    return hops;
  }

  private Placement placement(String what, String serverPath) {
    Objects.requireNonNull(serverPath, what);
    return topology.server(serverPath)
        .orElseThrow(() -> new IllegalArgumentException(what + " '" + serverPath + "' is not a server of the topology"));
  }

  private static String ends(String from, String to) {
    return from + ">" + to;
  }
}
