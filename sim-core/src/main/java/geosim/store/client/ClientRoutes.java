package geosim.store.client;

import geosim.fabric.Fabric;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the clients of one region can send requests, worked out before the run and read-only: the
 * regions in the order they fail over to (their own first, then the others by RTT from it, ties
 * by topology order), and the one-way delay to every server. A server of their own region is
 * {@code accessLatencyNs} away; one of another region adds half the RTT between the two regions
 * (the client's traffic crosses the WAN, not the data center's fabric). A delay to a server in
 * another partition unit is at least the kernel's lookahead, so a finer {@code engine.partition-by}
 * than region may lengthen the access hop.
 */
final class ClientRoutes {
  private final int[] regions;
  private final long[] delayNs;
  private final Topology topology;
  private final Fabric fabric;
  private final String unit;
  private final AccessHop hop;

  private ClientRoutes(int[] regions, Topology topology, Fabric fabric, String unit, AccessHop hop) {
    this.regions = regions;
    this.topology = topology;
    this.fabric = fabric;
    this.unit = unit;
    this.hop = hop;
    this.delayNs = new long[fabric.serverCount()];
    for (int s = 0; s < delayNs.length; s++) delayNs[s] = delayNs(fabric.serverPath(s), fabric.regionOf(s));
  }

  /**
   * @param home the clients' region, by index in {@code topology.regions()}
   * @param clientPath the client actor's path, for its partition unit
   */
  static ClientRoutes of(Topology topology, Fabric fabric, int home, String clientPath, AccessHop hop) {
    String homeName = fabric.regionName(home);
    List<Integer> others = new ArrayList<>();
    for (int r = 0; r < fabric.regionCount(); r++) {
      if (r != home) others.add(r);
    }
    others.sort(Comparator.comparingLong((Integer r) -> topology.rttNs(homeName, fabric.regionName(r)))
        .thenComparingInt(r -> r));
    int[] regions = new int[others.size() + 1];
    regions[0] = home;
    for (int i = 0; i < others.size(); i++) regions[i + 1] = others.get(i);
    return new ClientRoutes(regions, topology, fabric, hop.by().unitOf(clientPath), hop);
  }

  /** One-way delay from the clients to the actor at {@code path} in region {@code region}, ns. */
  long delayNs(String path, int region) {
    int home = regions[0];
    long d = hop.accessLatencyNs()
        + (region == home ? 0 : topology.rttNs(fabric.regionName(home), fabric.regionName(region)) / 2);
    return hop.by().unitOf(path).equals(unit) ? d : Math.max(d, hop.lookaheadNs());
  }

  /** Regions to use, 1 or more. */
  int regionCount() {
    return regions.length;
  }

  /** The region of failover slot {@code slot} (0: the clients' own), by index in the topology. */
  int region(int slot) {
    return regions[slot];
  }

  Fabric fabric() {
    return fabric;
  }

  /** One-way delay from the clients to server {@code server}, ns. */
  long delayNs(int server) {
    return delayNs[server];
  }
}
