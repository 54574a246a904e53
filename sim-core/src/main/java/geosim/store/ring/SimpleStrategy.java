package geosim.store.ring;

/**
 * Cassandra's SimpleStrategy [1]: a key's replicas are the first {@code rf} distinct nodes met
 * walking clockwise from the key's token, whatever their region or rack. The first is the node
 * owning the key's arc. Meant for one region; {@link NetworkTopologyStrategy} is the multi-region
 * choice.
 *
 * <p>[1] Apache Cassandra documentation, "Dynamo" architecture page, section "Replication",
 * SimpleStrategy.
 *
 * @param rf replication factor, >= 1 (and at most the ring's nodes, checked by {@link
 *     ReplicaPlacement})
 */
public record SimpleStrategy(int rf) implements ReplicationStrategy {
  public SimpleStrategy {
    if (rf < 1) throw new IllegalArgumentException("rf must be >= 1, got " + rf);
  }

  @Override
  public int replicationFactor() {
    return rf;
  }

  /** The built-in walk (see above), over the layout's members. */
  @Override
  public int[] replicas(RingLayout ring, int position) {
    return ring.walk(this).replicasFrom(position);
  }
}
