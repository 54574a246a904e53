package geosim.store.ring;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The clockwise walks of {@link SimpleStrategy} and {@link NetworkTopologyStrategy}, with scratch
 * arrays reused from walk to walk: a node, rack or skip counts as marked in this walk when its
 * stamp equals the walk's number, so nothing is cleared between walks. Used only while a {@link
 * ReplicaPlacement} is built, by one thread.
 *
 * <p>Only the ring's members take part: a node that is not one (it has not joined yet, or has
 * left) is passed over as if its tokens were not on the ring, so its arcs fall to the next
 * member clockwise, and its rack counts only if a member stands in it.
 */
final class RingWalk {
  private final TokenRing ring;
  private final ReplicationStrategy strategy;
  private final boolean[] member;
  private final int[] regionOfNode; // index into rfOfRegion, -1 when the region keeps no replica
  private final int[] rackOfNode; // rack id, unique over (region, rack)
  private final int[] rfOfRegion;
  private final int[] racksOfRegion; // racks with at least one ring node
  private final int[] chosenStamp;
  private final int[] skippedStamp;
  private final int[] rackStamp;
  private final int[] rfLeft;
  private final int[] racksSeen;
  private final int[] skipped; // nodes skipped this walk, in ring order
  private int walk;
  private int[] out;
  private int chosen;
  private int skippedCount;

  /** @param member by node index, whether the node is on the ring (read only; not copied) */
  RingWalk(TokenRing ring, ReplicationStrategy strategy, boolean[] member) {
    this.ring = ring;
    this.strategy = strategy;
    this.member = member;
    List<RingNode> nodes = ring.nodes();
    regionOfNode = new int[nodes.size()];
    rackOfNode = new int[nodes.size()];
    Map<String, Integer> regionIds = regionIds(strategy);
    rfOfRegion = new int[regionIds.size()];
    racksOfRegion = new int[regionIds.size()];
    if (strategy instanceof NetworkTopologyStrategy nts) {
      for (Map.Entry<String, Integer> entry : regionIds.entrySet()) {
        rfOfRegion[entry.getValue()] = nts.rf(entry.getKey());
      }
    }
    for (RingNode node : nodes) regionOfNode[node.index()] = regionIds.getOrDefault(node.region(), -1);
    int racks = numberRacks(nodes);
    chosenStamp = new int[nodes.size()];
    skippedStamp = new int[nodes.size()];
    rackStamp = new int[racks];
    rfLeft = new int[rfOfRegion.length];
    racksSeen = new int[rfOfRegion.length];
    skipped = new int[nodes.size()];
  }

  /**
   * Gives each (region, rack) an id in rackOfNode, counts each region's racks that hold a member;
   * returns the number of racks.
   */
  private int numberRacks(List<RingNode> nodes) {
    Map<String, Map<String, Integer>> rackIds = new TreeMap<>();
    boolean[] counted = new boolean[nodes.size()]; // by rack id: at most one rack per node
    int racks = 0;
    for (RingNode node : nodes) {
      Map<String, Integer> ofRegion = rackIds.computeIfAbsent(node.region(), r -> new TreeMap<>());
      Integer rack = ofRegion.get(node.rack());
      if (rack == null) {
        rack = racks++;
        ofRegion.put(node.rack(), rack);
      }
      rackOfNode[node.index()] = rack;
      if (member[node.index()] && !counted[rack] && regionOfNode[node.index()] >= 0) {
        counted[rack] = true;
        racksOfRegion[regionOfNode[node.index()]]++;
      }
    }
    return racks;
  }

  private static Map<String, Integer> regionIds(ReplicationStrategy strategy) {
    Map<String, Integer> ids = new TreeMap<>();
    if (strategy instanceof NetworkTopologyStrategy nts) {
      for (String region : nts.rfByRegion().keySet()) ids.put(region, ids.size());
    }
    return ids;
  }

  /** The strategy this walk places for. */
  ReplicationStrategy strategy() {
    return strategy;
  }

  /** The replicas of the arc ending at {@code position}, in the order the walk chooses them. */
  int[] replicasFrom(int position) {
    walk++;
    out = new int[strategy.replicationFactor()];
    chosen = 0;
    if (strategy instanceof SimpleStrategy) {
      simple(position);
    } else {
      network(position);
    }
    return out;
  }

  /** The first distinct nodes clockwise; the placement checked rf <= nodes, so the walk ends. */
  private void simple(int position) {
    for (int step = 0; chosen < out.length; step++) {
      int node = ring.ownerAt(lapPosition(position, step));
      if (member[node] && chosenStamp[node] != walk) choose(node, -1);
    }
  }

  /**
   * Racks first, then skipped nodes, per region (see {@link NetworkTopologyStrategy}). One lap
   * meets every node, and the placement checked rf <= nodes per region, so every region fills.
   */
  private void network(int position) {
    System.arraycopy(rfOfRegion, 0, rfLeft, 0, rfLeft.length);
    Arrays.fill(racksSeen, 0);
    skippedCount = 0;
    for (int step = 0; chosen < out.length; step++) {
      int node = ring.ownerAt(lapPosition(position, step));
      int region = regionOfNode[node];
      if (!member[node] || region < 0 || rfLeft[region] == 0 || chosenStamp[node] == walk) continue;
      if (racksSeen[region] == racksOfRegion[region]) {
        choose(node, region);
      } else if (rackStamp[rackOfNode[node]] == walk) {
        if (skippedStamp[node] != walk) {
          skippedStamp[node] = walk;
          skipped[skippedCount++] = node;
        }
      } else {
        rackStamp[rackOfNode[node]] = walk;
        racksSeen[region]++;
        choose(node, region);
        if (racksSeen[region] == racksOfRegion[region]) fillFromSkipped(region);
      }
    }
  }

  /** {@code step} positions clockwise of {@code position}; one lap always suffices. */
  private int lapPosition(int position, int step) {
    if (step == ring.size()) {
      throw new IllegalStateException("a lap of the ring from position " + position + " found only " + chosen
          + " of " + out.length + " replicas for " + strategy);
    }
    return (position + step) % ring.size();
  }

  /** The region's last rack has its replica: the nodes skipped so far fill it, in ring order. */
  private void fillFromSkipped(int region) {
    for (int i = 0; i < skippedCount && rfLeft[region] > 0; i++) {
      int node = skipped[i];
      if (regionOfNode[node] == region && chosenStamp[node] != walk) choose(node, region);
    }
  }

  private void choose(int node, int region) {
    chosenStamp[node] = walk;
    if (region >= 0) rfLeft[region]--;
    out[chosen++] = node;
  }
}
