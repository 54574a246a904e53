package geosim.store.gossip;

/**
 * A summary of what a node knows about {@code endpoint}: Cassandra's GossipDigest. In a SYN it
 * says "I have this"; in an ACK it asks "send me your state if newer than this" (version 0:
 * everything).
 *
 * @param endpoint the node the digest is about, non-blank
 * @param generation its generation, >= 0
 * @param maxVersion the highest version known, >= 0
 */
public record GossipDigest(String endpoint, long generation, long maxVersion) {
  public GossipDigest {
    Endpoints.check(endpoint, "endpoint");
    if (generation < 0) throw new IllegalArgumentException("generation must be >= 0, got " + generation);
    if (maxVersion < 0) throw new IllegalArgumentException("maxVersion must be >= 0, got " + maxVersion);
  }
}
