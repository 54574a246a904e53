package geosim.store.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A replication strategy applied to a token ring: the replicas of every key, in preference order
 * (the first is the key's primary: for {@link SimpleStrategy} the owner of its arc, for {@link
 * NetworkTopologyStrategy} the first node met in a replicated region).
 *
 * <p>All keys whose tokens fall in one arc (predecessor, token] share their replicas, so the
 * placement works them out once per arc when it is built ({@code size x rf} ints, e.g. 100 nodes x
 * 16 tokens x rf 3 = 4,800) and a lookup is one binary search and a copy. Immutable, so actors of
 * several partitions may share one. Deterministic: the same ring and strategy give the same lists.
 *
 * <p>A placement may take only some of the ring's nodes as members ({@link #ReplicaPlacement(TokenRing,
 * ReplicationStrategy, boolean[])}): the others' tokens are passed over, as for a node that has
 * not finished joining or has left. Positions stay those of the whole ring, so two placements of
 * one ring compare arc by arc (what a range movement streams).
 *
 * <p>The replicas of an arc come from a {@link PlacementStrategy}: the replication strategy's
 * own walk, or a class of one's own ({@link #ReplicaPlacement(TokenRing, ReplicationStrategy,
 * PlacementStrategy, boolean[])}) whose every answer is checked here: rf distinct members.
 *
 * <p>Example: {@code new ReplicaPlacement(ring, NetworkTopologyStrategy.of("us-east", 3, "eu-west",
 * 2)).replicas(42)} gives five node indices, three in us-east on three racks (if it has them) and
 * two in eu-west.
 */
public final class ReplicaPlacement {
  /** Most replica entries one placement stores (ring size x rf): 64 Mi ints, 256 MiB. Assumption. */
  public static final int ENTRIES_MAX = 1 << 26;

  private final TokenRing ring;
  private final ReplicationStrategy strategy;
  private final int rf;
  private final boolean[] member;
  private final int[] replicasByPosition;
  private final List<String> regions; // the ring's regions in name order: a region's id is its index
  private final int[] regionIdOfNode;
  /** By level ordinal and region id: every plan is worked out up front (shared read-only by all partitions). */
  private final ResponseTracker.Plan[][] plans;

  /**
   * Works out the replicas of every arc of {@code ring}.
   *
   * @throws IllegalArgumentException when the strategy asks for more replicas than the ring (or a
   *     region of it) has nodes, names a region with no node in the ring, or would store more
   *     than {@link #ENTRIES_MAX} entries
   */
  public ReplicaPlacement(TokenRing ring, ReplicationStrategy strategy) {
    this(ring, strategy, allMembers(ring));
  }

  /**
   * Works out the replicas of every arc of {@code ring} among its members.
   *
   * @param member by node index, whether the node is on the ring; one entry per node of the ring
   * @throws IllegalArgumentException as {@link #ReplicaPlacement(TokenRing, ReplicationStrategy)},
   *     counting members only
   */
  public ReplicaPlacement(TokenRing ring, ReplicationStrategy strategy, boolean[] member) {
    this(ring, strategy, strategy, member);
  }

  /**
   * Works out the replicas of every arc of {@code ring} among its members with {@code placement}'s
   * choices; {@code strategy} sets the replication factors (and the quorums of {@link
   * ConsistencyLevel}).
   *
   * @param placement the algorithm: {@code strategy} itself for Cassandra's, or one's own
   * @throws IllegalArgumentException as {@link #ReplicaPlacement(TokenRing, ReplicationStrategy,
   *     boolean[])}, and when {@code placement} returns anything but rf distinct members for some
   *     arc (or throws): the message names the class, the position and what was wrong
   */
  public ReplicaPlacement(TokenRing ring, ReplicationStrategy strategy, PlacementStrategy placement,
      boolean[] member) {
    Objects.requireNonNull(placement, "placement");
    this.ring = Objects.requireNonNull(ring, "ring");
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    if (member.length != ring.nodeCount()) {
      throw new IllegalArgumentException("member has " + member.length + " entries for " + ring.nodeCount() + " nodes");
    }
    this.member = member.clone();
    check(ring, strategy, this.member);
    this.rf = strategy.replicationFactor();
    if ((long) ring.size() * rf > ENTRIES_MAX) {
      throw new IllegalArgumentException("ring size " + ring.size() + " x rf " + rf + " exceeds "
          + ENTRIES_MAX + " replica entries; use fewer vnodes");
    }
    this.replicasByPosition = new int[ring.size() * rf];
    RingLayout layout = new RingLayout(ring, strategy, this.member);
    int[] chosenAt = new int[ring.nodeCount()]; // by node: 1 + the last position that chose it
    for (int position = 0; position < ring.size(); position++) {
      int[] replicas = choose(placement, layout, position);
      checkChoice(placement, position, replicas, chosenAt);
      System.arraycopy(replicas, 0, replicasByPosition, position * rf, rf);
    }
    this.regions = List.copyOf(nodesByRegion(ring).keySet());
    this.regionIdOfNode = new int[ring.nodeCount()];
    for (int n = 0; n < regionIdOfNode.length; n++) regionIdOfNode[n] = regions.indexOf(ring.node(n).region());
    // Every plan up front: the placement is shared read-only by all partitions' threads.
    this.plans = new ResponseTracker.Plan[ConsistencyLevel.values().length][regions.size()];
    for (ConsistencyLevel level : ConsistencyLevel.values()) {
      for (int r = 0; r < regions.size(); r++) {
        plans[level.ordinal()][r] = ResponseTracker.Plan.of(level, strategy, regions.get(r), regions);
      }
    }
  }

  /** The placement's answer for {@code position}; an exception of a class of one's own names it. */
  private static int[] choose(PlacementStrategy placement, RingLayout layout, int position) {
    if (placement instanceof ReplicationStrategy) return placement.replicas(layout, position);
    try {
      return placement.replicas(layout, position);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(placement.getClass().getName() + ".replicas(ring, " + position
          + ") failed: " + e, e);
    }
  }

  /** An answer must be rf distinct members: else an exception naming the class, position and fault. */
  private void checkChoice(PlacementStrategy placement, int position, int[] replicas, int[] chosenAt) {
    String fault = null;
    if (replicas == null || replicas.length != rf) {
      fault = "returned " + (replicas == null ? "null" : replicas.length + " nodes") + ", expected the " + rf
          + " of the replication factor";
    } else {
      for (int node : replicas) {
        if (node < 0 || node >= ring.nodeCount()) {
          fault = "returned node " + node + ", not a node of the ring (0 to " + (ring.nodeCount() - 1) + ")";
        } else if (!member[node]) {
          fault = "returned node " + node + " (" + ring.node(node).path() + "), which is not a member of the ring";
        } else if (chosenAt[node] == position + 1) {
          fault = "returned node " + node + " (" + ring.node(node).path() + ") twice";
        }
        if (fault != null) break;
        chosenAt[node] = position + 1;
      }
    }
    if (fault != null) {
      throw new IllegalArgumentException(placement.getClass().getName() + ".replicas(ring, " + position + ") "
          + fault + ": a placement must return rf distinct members of the ring");
    }
  }

  /** The id of node {@code node}'s region: its index among the ring's regions in name order. */
  int regionIdOf(int node) {
    return regionIdOfNode[node];
  }

  /** How {@code level} counts answers for a coordinator in {@code region} (any name: one outside the ring gets its own plan). */
  ResponseTracker.Plan plan(ConsistencyLevel level, String region) {
    int id = regionIdOfName(region);
    return id >= 0 ? plans[level.ordinal()][id] : ResponseTracker.Plan.of(level, strategy, region, regions);
  }

  /**
   * The id of region {@code name}, -1 if the ring has no node there: a scan of a handful of names,
   * by identity first (the usual case: every name comes from one topology).
   */
  private int regionIdOfName(String name) {
    for (int r = 0; r < regions.size(); r++) {
      if (regions.get(r) == name) return r;
    }
    return regions.indexOf(name);
  }

  private static boolean[] allMembers(TokenRing ring) {
    boolean[] all = new boolean[ring.nodeCount()];
    Arrays.fill(all, true);
    return all;
  }

  private static void check(TokenRing ring, ReplicationStrategy strategy, boolean[] member) {
    Map<String, Integer> nodesByRegion = new TreeMap<>();
    int members = 0;
    for (RingNode node : ring.nodes()) {
      if (!member[node.index()]) continue;
      members++;
      nodesByRegion.merge(node.region(), 1, Integer::sum);
    }
    if (strategy instanceof SimpleStrategy simple) {
      if (simple.rf() > members) {
        throw new IllegalArgumentException("rf = " + simple.rf() + " exceeds the " + members
            + " nodes of the ring");
      }
    } else if (strategy instanceof NetworkTopologyStrategy nts) {
      for (Map.Entry<String, Integer> entry : nts.rfByRegion().entrySet()) {
        String region = entry.getKey();
        Integer nodes = nodesByRegion.get(region);
        if (nodes == null) {
          throw new IllegalArgumentException("rfByRegion names region '" + region
              + "', which has no node in the ring; its regions are " + nodesByRegion.keySet());
        }
        if (entry.getValue() > nodes) {
          throw new IllegalArgumentException("rfByRegion[" + region + "] = " + entry.getValue()
              + " exceeds the " + nodes + " nodes of region " + region + " in the ring");
        }
      }
    }
  }

  private static Map<String, Integer> nodesByRegion(TokenRing ring) {
    Map<String, Integer> count = new TreeMap<>();
    for (RingNode node : ring.nodes()) count.merge(node.region(), 1, Integer::sum);
    return count;
  }

  public TokenRing ring() {
    return ring;
  }

  public ReplicationStrategy strategy() {
    return strategy;
  }

  /** Whether node {@code node} is one of this placement's members. */
  public boolean isMember(int node) {
    return member[node];
  }

  /** Replicas of every key: the strategy's total replication factor. */
  public int replicaCount() {
    return rf;
  }

  /** The replicas of {@code key} (node indices, distinct), in preference order. */
  public int[] replicas(long key) {
    return replicasOfToken(TokenRing.tokenOf(key));
  }

  /** The replicas of a token: those of the arc that holds it. */
  public int[] replicasOfToken(long token) {
    return replicasAt(ring.positionOf(token));
  }

  /** The replicas of the arc ending at the token at {@code position} (0 to ring size - 1). */
  public int[] replicasAt(int position) {
    int[] replicas = new int[rf];
    System.arraycopy(replicasByPosition, position * rf, replicas, 0, rf);
    return replicas;
  }

  /** The nodes of {@link #replicas(long)}, in the same order. */
  public List<RingNode> replicaNodes(long key) {
    List<RingNode> nodes = new ArrayList<>(rf);
    for (int index : replicas(key)) nodes.add(ring.node(index));
    return List.copyOf(nodes);
  }
}
