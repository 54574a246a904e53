package geosim.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole physical topology: regions in config order, the round-trip times between every pair
 * of them, and lookups by actor path. Immutable; two topologies built from equivalent input are
 * {@code equals}.
 *
 * <p>Example: {@code topology.rttNs("us-east", "eu-west")} is the measured round trip between
 * the two WAN routers; {@code topology.server("us-east/use1-a/rack-3/srv-12")} finds a server.
 *
 * <p>A final class rather than a record because it keeps a path index next to its components.
 * The index is a hash map used only for lookups, never iterated.
 */
public final class Topology {
  /** Most servers in one topology. Assumption: the target, 100,000, with headroom. */
  public static final int SERVERS_MAX = 1_000_000;

  private final List<Region> regions;
  private final RttTable rtt;
  private final double wanLinkGbps;
  private final List<Placement> servers;
  private final Map<String, Placement> serverByPath;

  /**
   * @param regions at least one, unique names, in config order
   * @param rtt exactly one round-trip time per pair of distinct regions, and no others
   * @param wanLinkGbps bandwidth of each inter-region link, Gbit/s, > 0 and finite
   * @throws IllegalArgumentException naming the parameter and what is wrong
   */
  public Topology(List<Region> regions, RttTable rtt, double wanLinkGbps) {
    this.regions = ElementName.checkNotEmpty("regions", regions);
    ElementName.checkUnique("region", this.regions, Region::name);
    this.rtt = Objects.requireNonNull(rtt, "rtt");
    checkRttCoversExactlyThePairs(this.regions, rtt);
    if (!(wanLinkGbps > 0 && Double.isFinite(wanLinkGbps))) {
      throw new IllegalArgumentException("wanLinkGbps must be > 0 and finite, got " + wanLinkGbps);
    }
    this.wanLinkGbps = wanLinkGbps;
    this.servers = Collections.unmodifiableList(place(this.regions));
    this.serverByPath = new HashMap<>(servers.size() * 2);
    for (Placement p : servers) serverByPath.put(p.path(), p);
  }

  public List<Region> regions() {
    return regions;
  }

  public RttTable rtt() {
    return rtt;
  }

  /** Bandwidth of each inter-region link, Gbit/s. */
  public double wanLinkGbps() {
    return wanLinkGbps;
  }

  /** Every server with its place, in tree order: regions, data centers, racks, servers as configured. */
  public List<Placement> servers() {
    return servers;
  }

  public int serverCount() {
    return servers.size();
  }

  /** The server at {@code path} ({@code us-east/use1-a/rack-3/srv-12}), if there is one. */
  public Optional<Placement> server(String path) {
    return Optional.ofNullable(serverByPath.get(path));
  }

  /** The region named {@code name}, if there is one. */
  public Optional<Region> region(String name) {
    for (Region region : regions) {
      if (region.name().equals(name)) return Optional.of(region);
    }
    return Optional.empty();
  }

  /**
   * Round-trip time between two regions' WAN routers, ns; 0 for a region and itself.
   *
   * @throws IllegalArgumentException when a region is unknown
   */
  public long rttNs(String regionA, String regionB) {
    if (region(regionA).isEmpty()) throw new IllegalArgumentException("unknown region '" + regionA + "'");
    if (region(regionB).isEmpty()) throw new IllegalArgumentException("unknown region '" + regionB + "'");
    return regionA.equals(regionB) ? 0 : rtt.rttNs(regionA, regionB);
  }

  /** Every link of the topology, both directions; see {@link TopologyLinks}. */
  public List<Link> links() {
    return TopologyLinks.of(this);
  }

  private static void checkRttCoversExactlyThePairs(List<Region> regions, RttTable rtt) {
    int pairs = 0;
    for (int i = 0; i < regions.size(); i++) {
      for (int j = i + 1; j < regions.size(); j++, pairs++) {
        String a = regions.get(i).name();
        String b = regions.get(j).name();
        if (!rtt.has(a, b)) throw new IllegalArgumentException("rtt has no round-trip time between " + a + " and " + b);
      }
    }
    if (rtt.rttNsByPair().size() != pairs) {
      throw new IllegalArgumentException("rtt names regions that are not in the topology: " + rtt.rttNsByPair().keySet());
    }
  }

  private static List<Placement> place(List<Region> regions) {
    List<Placement> placed = new ArrayList<>();
    for (Region region : regions) {
      for (DataCenter dc : region.dataCenters()) {
        for (Rack rack : dc.racks()) {
          for (Server server : rack.servers()) {
            if (placed.size() == SERVERS_MAX) {
              throw new IllegalArgumentException("a topology holds at most " + SERVERS_MAX + " servers");
            }
            placed.add(new Placement(region, dc, rack, server));
          }
        }
      }
    }
    return placed;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Topology t
        && regions.equals(t.regions) && rtt.equals(t.rtt) && Double.compare(wanLinkGbps, t.wanLinkGbps) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(regions, rtt, wanLinkGbps);
  }

  @Override
  public String toString() {
    return "Topology[regions=" + regions.size() + ", servers=" + servers.size() + "]";
  }
}
