import geosim.store.ring.PlacementStrategy;
import geosim.store.ring.RingLayout;
import geosim.store.ring.RingNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lab 6's reference placement: the idea of Cassandra's NetworkTopologyStrategy in two laps of the
 * ring. Walking clockwise from the key's token, the first lap takes a node when its region still
 * needs copies and its rack holds none of the key's copies yet; the second lap fills what is left
 * of each region's factor with the nodes passed over (a region with fewer racks than copies).
 * So every region gets exactly its replication factor, on distinct racks where it has them.
 */
public class RackAwarePlacement implements PlacementStrategy {
  public RackAwarePlacement() {}

  @Override
  public int[] replicas(RingLayout ring, int position) {
    int[] out = new int[ring.replicationFactor()];
    Map<String, Integer> left = new TreeMap<>(); // copies each region still needs
    for (RingNode node : ring.nodes()) left.putIfAbsent(node.region(), ring.replicationFactor(node.region()));
    Set<String> racksUsed = new TreeSet<>(); // racks holding a copy (rack paths are unique)
    Set<Integer> chosen = new TreeSet<>();
    int n = 0;
    for (int lap = 0; lap < 2 && n < out.length; lap++) {
      for (int step = 0; step < ring.size() && n < out.length; step++) {
        int index = ring.ownerAt(position + step);
        RingNode node = ring.node(index);
        if (!ring.isMember(index) || chosen.contains(index) || left.get(node.region()) == 0) continue;
        if (lap == 0 && racksUsed.contains(node.rack())) continue;
        chosen.add(index);
        racksUsed.add(node.rack());
        left.merge(node.region(), -1, Integer::sum);
        out[n++] = index;
      }
    }
    return out;
  }
}
