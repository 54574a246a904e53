package geosim.store.gossip;

/**
 * A node's place in the ring as it announces it through gossip: the STATUS application state of
 * Cassandra (values BOOT, NORMAL, LEAVING, LEFT in VersionedValue). A node that has LEFT is out
 * of the membership: never live, never unreachable, never a gossip target.
 */
public enum GossipStatus {
  /** Joining: streaming its ranges before it owns them (Cassandra's BOOT). */
  BOOTSTRAPPING,
  /** Owns its token ranges and serves them. */
  NORMAL,
  /** Decommissioning: streaming its ranges away. */
  LEAVING,
  /** Has left the ring; a dead state, as in Cassandra's Gossiper.DEAD_STATES. */
  LEFT
}
