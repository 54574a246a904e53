package geosim.store.ring;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link PlacementStrategy} sees: the token ring (its tokens in clockwise order, the node
 * owning each, each node's region and rack), which nodes are members (a node that has not joined
 * yet, or has left, keeps its tokens but must not be chosen), and the replication setting.
 *
 * <p>Positions run 0 to {@link #size()} - 1 clockwise; {@link #ownerAt} and {@link #tokenAt} take
 * any int and wrap it around, so a walk may simply count on. Example: a ring of 18 nodes with 16
 * tokens each has 288 positions; {@code node(ownerAt(5)).region()} is the region of the node at
 * the sixth token.
 *
 * <p>Made by {@link ReplicaPlacement} for one build, used on that thread only.
 */
public final class RingLayout {
  private final TokenRing ring;
  private final ReplicationStrategy replication;
  private final boolean[] member;
  private RingWalk walk;

  /** @param member by node index, whether the node is on the ring (read only; not copied) */
  RingLayout(TokenRing ring, ReplicationStrategy replication, boolean[] member) {
    this.ring = Objects.requireNonNull(ring, "ring");
    this.replication = Objects.requireNonNull(replication, "replication");
    this.member = member;
  }

  /** Tokens on the ring: every node's, members or not. */
  public int size() {
    return ring.size();
  }

  /** The token at {@code position}, wrapped around the ring (any int). */
  public long tokenAt(int position) {
    return ring.tokenAt(wrap(position));
  }

  /** The index of the node owning the token at {@code position}, wrapped around the ring (any int). */
  public int ownerAt(int position) {
    return ring.ownerAt(wrap(position));
  }

  /** Nodes of the ring, members or not. */
  public int nodeCount() {
    return ring.nodeCount();
  }

  /** Node {@code index} (0 to nodeCount - 1): its path, region and rack. */
  public RingNode node(int index) {
    return ring.node(index);
  }

  /** Every node, by index. */
  public List<RingNode> nodes() {
    return ring.nodes();
  }

  /** Whether node {@code index} is on the ring now: only members may hold replicas. */
  public boolean isMember(int index) {
    return member[index];
  }

  /** The replication setting: a {@link SimpleStrategy} or a {@link NetworkTopologyStrategy}. */
  public ReplicationStrategy replication() {
    return replication;
  }

  /** Replicas of every key, over all regions: the number a strategy returns. */
  public int replicationFactor() {
    return replication.replicationFactor();
  }

  /**
   * Replicas a key should have in {@code region}: its factor under NetworkTopologyStrategy (0 for a
   * region that keeps none); under SimpleStrategy, which knows no regions, the whole replication
   * factor (as {@link ConsistencyLevel} counts them for LOCAL_* levels).
   */
  public int replicationFactor(String region) {
    return ConsistencyLevel.localRf(replication, region);
  }

  /** {@code position} taken into 0 to size - 1. */
  private int wrap(int position) {
    return Math.floorMod(position, ring.size());
  }

  /** The built-in walk for {@code strategy} over this layout's members, made once and reused. */
  RingWalk walk(ReplicationStrategy strategy) {
    if (walk == null || walk.strategy() != strategy) walk = new RingWalk(ring, strategy, member);
    return walk;
  }
}
