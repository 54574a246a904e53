package geosim.store.ring;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Cassandra's NetworkTopologyStrategy [1], [2]: {@code rfByRegion.get(r)} copies of each key in
 * region r, on distinct racks while the region has racks left.
 *
 * <p>The algorithm walks the ring once, clockwise from the key's token, and looks at each node of
 * a region that still needs replicas (regions not in the map get none):
 *
 * <ol>
 *   <li>a node already chosen (met again through another of its tokens) is passed over;
 *   <li>while the region has racks not yet holding a replica, a node on a new rack is chosen and
 *       a node on a rack already used is <em>skipped</em>: remembered, in ring order;
 *   <li>when every rack of the region holds a replica, the skipped nodes are chosen in the order
 *       they were met, then each further node of the region, until the region has its rf.
 * </ol>
 *
 * So with at least rf racks the replicas sit on rf distinct racks; with fewer racks every rack
 * gets one and the rest are the first nodes skipped. Replicas are listed in the order chosen,
 * which interleaves regions as the walk meets them. This is the skipped-endpoints form of
 * Cassandra 1.2 to 3.1; Cassandra 3.2 rewrote it as one pass that accepts rf - racks rack
 * repeats as they come (CASSANDRA-10200), which chooses the same set of nodes and lists them in
 * ring order instead.
 *
 * <p>[1] Apache Cassandra, {@code org.apache.cassandra.locator.NetworkTopologyStrategy},
 * {@code calculateNaturalEndpoints} (skippedDcEndpoints in 2.x; DatacenterEndpoints from 3.2). <br>
 * [2] Apache Cassandra documentation, "Dynamo" architecture page, section "Replication",
 * NetworkTopologyStrategy (a replication factor per data center, replicas on different racks);
 * DataStax Cassandra 3.0 documentation, "Data replication" (why racks: nodes of one rack often
 * fail together, through shared power, cooling or network).
 *
 * @param rfByRegion replication factor per region name, sorted by name: at least one region, each
 *     rf >= 1 (leave a region out to keep no copy there; each rf at most the region's nodes, checked
 *     by {@link ReplicaPlacement})
 */
public record NetworkTopologyStrategy(SortedMap<String, Integer> rfByRegion) implements ReplicationStrategy {
  public NetworkTopologyStrategy {
    Objects.requireNonNull(rfByRegion, "rfByRegion");
    if (rfByRegion.isEmpty()) throw new IllegalArgumentException("rfByRegion must name at least one region");
    TreeMap<String, Integer> copy = new TreeMap<>();
    long total = 0;
    for (Map.Entry<String, Integer> entry : rfByRegion.entrySet()) {
      String region = Objects.requireNonNull(entry.getKey(), "rfByRegion key");
      if (region.isBlank()) throw new IllegalArgumentException("rfByRegion has a blank region name");
      Integer rf = entry.getValue();
      if (rf == null || rf < 1) {
        throw new IllegalArgumentException("rfByRegion[" + region + "] must be >= 1, got " + rf
            + " (leave the region out to keep no replica there)");
      }
      total += rf;
      copy.put(region, rf);
    }
    if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("rfByRegion sums to " + total);
    rfByRegion = Collections.unmodifiableSortedMap(copy);
  }

  /** Shorthand for one region: {@code of("us-east", 3)}. */
  public static NetworkTopologyStrategy of(String region, int rf) {
    return new NetworkTopologyStrategy(new TreeMap<>(Map.of(region, rf)));
  }

  /** Shorthand for two regions: {@code of("us-east", 3, "eu-west", 2)}. */
  public static NetworkTopologyStrategy of(String region1, int rf1, String region2, int rf2) {
    return new NetworkTopologyStrategy(new TreeMap<>(Map.of(region1, rf1, region2, rf2)));
  }

  /** The sum of the regions' replication factors. */
  @Override
  public int replicationFactor() {
    int total = 0;
    for (int rf : rfByRegion.values()) total += rf;
    return total;
  }

  /** Replicas in {@code region}: its replication factor, or 0 for a region not in the map. */
  public int rf(String region) {
    return rfByRegion.getOrDefault(region, 0);
  }

  /** The built-in walk (see above), over the layout's members. */
  @Override
  public int[] replicas(RingLayout ring, int position) {
    return ring.walk(this).replicasFrom(position);
  }
}
