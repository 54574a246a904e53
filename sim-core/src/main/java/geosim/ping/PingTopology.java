package geosim.ping;

import geosim.kernel.ActorRef;
import geosim.kernel.PartitionBy;
import geosim.kernel.StreamRandom;
import geosim.topology.PeerChoice;
import java.util.List;

/**
 * Where the ping servers are: regions, their servers' refs, and the one-way latencies between
 * them. Immutable once the model is built; read by every server.
 */
final class PingTopology {
  private final PingSettings settings;
  private final String[] regionNames;
  private final int[] regionOfServer;
  private final int[] firstServer;
  private final long[][] oneWayNs;
  private final ActorRef<PingProtocol>[] servers;

  @SuppressWarnings("unchecked")
  PingTopology(PingSettings settings) {
    this.settings = settings;
    List<PingRegion> regions = settings.regions();
    regionNames = new String[regions.size()];
    firstServer = new int[regions.size() + 1];
    for (int r = 0; r < regions.size(); r++) {
      regionNames[r] = regions.get(r).name();
      firstServer[r + 1] = firstServer[r] + regions.get(r).servers();
    }
    int total = firstServer[regions.size()];
    regionOfServer = new int[total];
    for (int r = 0; r < regions.size(); r++) {
      for (int s = firstServer[r]; s < firstServer[r + 1]; s++) regionOfServer[s] = r;
    }
    oneWayNs = new long[regions.size()][regions.size()];
    for (int a = 0; a < regions.size(); a++) {
      for (int b = 0; b < regions.size(); b++) {
        oneWayNs[a][b] = settings.rttNs(regionNames[a], regionNames[b]) / 2;
      }
    }
    servers = new ActorRef[total];
  }

  PingSettings settings() {
    return settings;
  }

  int serverCount() {
    return servers.length;
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

  /** The path of server {@code index}: {@code <region>/srv-<n>}. */
  String path(int server) {
    int r = regionOfServer[server];
    return regionNames[r] + "/srv-" + (server - firstServer[r]);
  }

  ActorRef<PingProtocol> server(int index) {
    return servers[index];
  }

  void register(int index, ActorRef<PingProtocol> ref) {
    servers[index] = ref;
  }

  long oneWayNs(int fromServer, int toServer) {
    return oneWayNs[regionOfServer[fromServer]][regionOfServer[toServer]];
  }

  /**
   * A random peer of {@code server}: with probability remote-fraction a server of another
   * region, otherwise another server of its own region (uniformly); -1 when there is none.
   */
  int choosePeer(int server, StreamRandom random) {
    return PeerChoice.choose(firstServer, regionOfServer[server], server, settings.remoteFraction(), random);
  }


  /**
   * The smallest delay of a message between two partition units at this level: one-way
   * latencies between regions, and within a region too when units are finer than regions.
   */
  long lookaheadNs(PartitionBy by) {
    boolean finerThanRegion = by != PartitionBy.NONE && by != PartitionBy.REGION;
    long min = Long.MAX_VALUE;
    for (int a = 0; a < regionNames.length; a++) {
      for (int b = 0; b < regionNames.length; b++) {
        if (a != b || finerThanRegion) min = Math.min(min, oneWayNs[a][b]);
      }
    }
    return min == Long.MAX_VALUE ? oneWayNs[0][0] : Math.max(1, min);
  }
}
