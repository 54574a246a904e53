package geosim.store.detect;

import geosim.fabric.FabricMessage;
import geosim.fabric.FramePayload;
import geosim.store.gossip.GossipMessage;
import java.util.Objects;

/** Messages of the detector nodes: their own timers, and gossip carried in frames. */
final class DetectorProtocol {
  private DetectorProtocol() {}

  /** Timer: run a gossip round. */
  record Round() implements FabricMessage {}

  /** Timer: the node crashes; from then on it drops what it receives and stops gossiping. */
  record Crash() implements FabricMessage {}

  /** A gossip message on the wire. */
  record Gossip(GossipMessage message) implements FramePayload {
    Gossip {
      Objects.requireNonNull(message, "message");
    }

    /**
     * Size on the wire, bytes: 64 of headers plus 40 per digest and 48 per endpoint update.
     * Assumption: an endpoint name, generation and version take a few tens of bytes, as in
     * Cassandra's GossipDigest serialization; the sizes only matter when the network is loaded.
     */
    long sizeBytes() {
      if (message instanceof GossipMessage.Syn s) return 64 + 40L * s.digests().size();
      if (message instanceof GossipMessage.Ack a) return 64 + 40L * a.requests().size() + 48L * a.updates().size();
      return 64 + 48L * ((GossipMessage.Ack2) message).updates().size();
    }
  }
}
