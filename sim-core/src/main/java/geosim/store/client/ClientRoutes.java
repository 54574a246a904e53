package geosim.store.client;

import geosim.fabric.Fabric;
import geosim.kernel.PartitionBy;
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
  private final long accessLatencyNs;
  private final String unit;
  private final PartitionBy by;
  private final long lookaheadNs;

  private ClientRoutes(int[] regions, long[] delayNs, Topology topology, Fabric fabric, long accessLatencyNs, String unit,
      PartitionBy by, long lookaheadNs) {
    this.regions = regions;
    this.delayNs = delayNs;
    this.topology = topology;
    this.fabric = fabric;
    this.accessLatencyNs = accessLatencyNs;
    this.unit = unit;
    this.by = by;
    this.lookaheadNs = lookaheadNs;
  }

  /**
   * @param home the clients' region, by index in {@code topology.regions()}
   * @param clientPath the client actor's path, for its partition unit
   */
  static ClientRoutes of(Topology topology, Fabric fabric, int home, long accessLatencyNs, String clientPath,
      PartitionBy by, long lookaheadNs) {
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
    ClientRoutes routes = new ClientRoutes(regions, new long[fabric.serverCount()], topology, fabric, accessLatencyNs,
        by.unitOf(clientPath), by, lookaheadNs);
    for (int s = 0; s < routes.delayNs.length; s++) routes.delayNs[s] = routes.delayNs(fabric.serverPath(s), fabric.regionOf(s));
    return routes;
  }

  /** One-way delay from the clients to the actor at {@code path} in region {@code region}, ns. */
  long delayNs(String path, int region) {
    int home = regions[0];
    long d = accessLatencyNs + (region == home ? 0 : topology.rttNs(fabric.regionName(home), fabric.regionName(region)) / 2);
    return by.unitOf(path).equals(unit) ? d : Math.max(d, lookaheadNs);
  }

  /** Regions to use, 1 or more. */
  int regionCount() {
    return regions.length;
  }

  /** The region of failover slot {@code slot} (0: the clients' own), by index in the topology. */
  int region(int slot) {
    return regions[slot];
  }

  /** One-way delay from the clients to server {@code server}, ns. */
  long delayNs(int server) {
    return delayNs[server];
  }
}
