package geosim.store.ring;

/**
 * How many copies of each key the store keeps, and where: {@link SimpleStrategy} (the next rf
 * distinct nodes clockwise, blind to regions and racks) or {@link NetworkTopologyStrategy} (a
 * replication factor per region, replicas on distinct racks first). {@link ReplicaPlacement}
 * applies a strategy to a {@link TokenRing}; {@link ConsistencyLevel} reads its replication
 * factors. The names and algorithms are Cassandra's.
 *
 * <p>Each is the replication setting and the built-in {@link PlacementStrategy} for it; a
 * placement strategy of one's own may replace the algorithm, never the setting.
 */
public sealed interface ReplicationStrategy extends PlacementStrategy permits SimpleStrategy, NetworkTopologyStrategy {
  /** Copies of each key over all regions: Cassandra's total replication factor, >= 1. */
  int replicationFactor();
}
