package geosim.store.gossip;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * The three messages of one gossip exchange (Cassandra's GossipDigestSyn, GossipDigestAck,
 * GossipDigestAck2). Node A starts a round with a {@link Syn} listing a digest per node it knows;
 * B answers with an {@link Ack} carrying the states where B is ahead and asking for those where
 * A is ahead; A answers with an {@link Ack2} carrying what B asked for. Immutable records, so
 * they can cross partitions; the server actor wraps them in its own protocol.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) // its implementations cross JVMs in frames (docs/cluster.md)
public sealed interface GossipMessage permits GossipMessage.Syn, GossipMessage.Ack, GossipMessage.Ack2 {
  /** The sender. */
  String from();

  /** Starts a round: what the sender knows, one digest per node, sorted by node. */
  record Syn(String from, List<GossipDigest> digests) implements GossipMessage {
    public Syn {
      Endpoints.check(from, "from");
      digests = List.copyOf(digests);
    }
  }

  /**
   * The answer to a SYN: {@code requests} for states where the SYN's sender is ahead (send me
   * what is newer than this digest), and {@code updates} where the receiver is ahead.
   */
  record Ack(String from, List<GossipDigest> requests, List<EndpointUpdate> updates) implements GossipMessage {
    public Ack {
      Endpoints.check(from, "from");
      requests = List.copyOf(requests);
      updates = List.copyOf(updates);
    }
  }

  /** Closes a round: the states the ACK asked for. */
  record Ack2(String from, List<EndpointUpdate> updates) implements GossipMessage {
    public Ack2 {
      Endpoints.check(from, "from");
      updates = List.copyOf(updates);
    }
  }
}
