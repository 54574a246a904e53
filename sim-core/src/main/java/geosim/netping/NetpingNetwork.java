package geosim.netping;

import geosim.kernel.ActorRef;
import geosim.kernel.StreamRandom;
import geosim.topology.PeerChoice;
import geosim.network.Route;
import geosim.network.Routes;
import geosim.topology.Link;
import geosim.topology.Placement;
import geosim.topology.Region;
import geosim.topology.Topology;
import java.util.List;

/**
 * What every netping actor reads and nobody changes once the model is built: the servers (in
 * {@link Topology#servers()} order) and their regions, the routes, and the actor at the receiving
 * end of every link.
 */
final class NetpingNetwork {
  private final NetpingSettings settings;
  private final Routes routes;
  private final String[] serverPaths;
  private final String[] regionNames;
  private final int[] regionOfServer;
  private final int[] firstServer;
  private final ActorRef<NetpingProtocol>[] linkTargets;

  @SuppressWarnings("unchecked")
  NetpingNetwork(Topology topology, NetpingSettings settings) {
    this.settings = settings;
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
  }

  NetpingSettings settings() {
    return settings;
  }

  Routes routes() {
    return routes;
  }

  List<Link> links() {
    return routes.links();
  }

  int serverCount() {
    return serverPaths.length;
  }

  String serverPath(int server) {
    return serverPaths[server];
  }

  int regionCount() {
    return regionNames.length;
  }

  String regionName(int region) {
    return regionNames[region];
  }

  int regionOf(int server) {
    return regionOfServer[server];
  }

  /** The route of flow {@code flowId} from one server to another. */
  Route route(int fromServer, int toServer, long flowId) {
    return routes.route(serverPaths[fromServer], serverPaths[toServer], flowId);
  }

  /** The actor at the receiving end of link {@code linkId}. */
  ActorRef<NetpingProtocol> target(int linkId) {
    return linkTargets[linkId];
  }

  void registerTarget(int linkId, ActorRef<NetpingProtocol> ref) {
    linkTargets[linkId] = ref;
  }

  /**
   * A random peer of {@code server}: with probability remote-fraction a server of another
   * region, otherwise another server of its own region (uniformly); -1 when there is none.
   */
  int choosePeer(int server, StreamRandom random) {
    return PeerChoice.choose(firstServer, regionOfServer[server], server, settings.remoteFraction(), random);
  }

}
