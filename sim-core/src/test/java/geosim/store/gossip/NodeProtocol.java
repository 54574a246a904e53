package geosim.store.gossip;

/** Messages of the test-only {@link GossipNodeActor}. */
sealed interface NodeProtocol permits NodeProtocol.Round, NodeProtocol.Crash, NodeProtocol.Inbound {

  /** Timer: run a gossip round. */
  record Round() implements NodeProtocol {}

  /** Timer: the node crashes; from now on it drops every message and stops gossiping. */
  record Crash() implements NodeProtocol {}

  /** A gossip message from another node. */
  record Inbound(GossipMessage message) implements NodeProtocol {
    public Inbound {
      java.util.Objects.requireNonNull(message, "message");
    }
  }
}
