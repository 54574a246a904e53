package geosim.store.gossip;

/**
 * Sizes of gossip messages on the wire, for the models that carry them over the network.
 *
 * <p>64 bytes of headers plus 40 per digest and 48 per endpoint update. Assumption: an endpoint
 * name, generation and version take a few tens of bytes, as in Cassandra's GossipDigest
 * serialization; the sizes only matter when the network is loaded.
 */
public final class GossipWire {
  private GossipWire() {}

  /** Bytes of {@code message} on the wire, > 0. */
  public static long sizeBytes(GossipMessage message) {
    if (message instanceof GossipMessage.Syn s) return 64 + 40L * s.digests().size();
    if (message instanceof GossipMessage.Ack a) return 64 + 40L * a.requests().size() + 48L * a.updates().size();
    return 64 + 48L * ((GossipMessage.Ack2) message).updates().size();
  }
}
