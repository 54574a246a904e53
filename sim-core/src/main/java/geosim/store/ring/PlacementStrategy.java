package geosim.store.ring;

/**
 * The replica placement strategy, an extension point: which nodes hold the keys of one arc of the
 * token ring, in preference order. Cassandra's {@code AbstractReplicationStrategy.
 * calculateNaturalReplicas(token, tokenMetadata)} [1] in small: the strategy sees the ring (tokens,
 * their owners, each owner's region and rack, which nodes are members) and the replication
 * setting (how many copies in all and per region), and returns the replicas.
 *
 * <p>The built-in strategies are {@link SimpleStrategy} (the next rf distinct nodes clockwise) and
 * {@link NetworkTopologyStrategy} (rf copies per region, on distinct racks first); each is also the
 * replication setting it places for. A class of one's own (a public class with a public
 * no-argument constructor, named by {@code store.placement-class}) replaces the built-in one while
 * the setting ({@code store.replication-factor} or {@code store.replication-by-region}) stays: the
 * consistency levels keep counting replicas by it. {@link ReplicaPlacement} calls the strategy
 * once per arc when it is built, never per request, on one thread; a strategy may keep scratch
 * state between calls.
 *
 * <p>What a strategy must return, checked by {@link ReplicaPlacement}: exactly {@link
 * RingLayout#replicationFactor()} distinct nodes, each a member ({@link RingLayout#isMember}). What
 * it should return is its own business, and what the lab is about: a placement that ignores
 * regions leaves some keys with too few copies in a region for LOCAL_QUORUM, one that ignores
 * racks loses keys with a rack's power.
 *
 * <p>Example, the next distinct members clockwise (SimpleStrategy's walk):
 *
 * <pre>{@code
 * public int[] replicas(RingLayout ring, int position) {
 *   int[] out = new int[ring.replicationFactor()];
 *   int n = 0;
 *   for (int step = 0; n < out.length; step++) {
 *     int node = ring.ownerAt(position + step);   // positions wrap around
 *     if (ring.isMember(node) && !contains(out, n, node)) out[n++] = node;
 *   }
 *   return out;
 * }
 * }</pre>
 *
 * <p>[1] Apache Cassandra, {@code org.apache.cassandra.locator.AbstractReplicationStrategy} and its
 * subclasses {@code SimpleStrategy}, {@code NetworkTopologyStrategy}; the "Dynamo" architecture page,
 * section "Replication".
 */
public interface PlacementStrategy {
  /**
   * The replicas of the keys whose tokens fall in the arc ending at {@code position} (the arc
   * (token of position - 1, token of position]), in preference order: the first is the key's
   * primary, the one a token-aware client prefers.
   *
   * @param ring the ring and the replication setting; read only
   * @param position 0 to {@code ring.size() - 1}
   * @return {@code ring.replicationFactor()} distinct member nodes, as node indices
   */
  int[] replicas(RingLayout ring, int position);
}
