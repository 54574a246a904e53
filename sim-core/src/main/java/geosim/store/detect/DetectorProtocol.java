package geosim.store.detect;

import geosim.fabric.FabricMessage;
import geosim.fabric.FramePayload;
import geosim.store.gossip.GossipMessage;
import geosim.store.gossip.GossipWire;
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

    /** Size on the wire, bytes ({@link GossipWire}). */
    long sizeBytes() {
      return GossipWire.sizeBytes(message);
    }
  }
}
