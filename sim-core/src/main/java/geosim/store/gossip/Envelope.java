package geosim.store.gossip;

import java.util.Objects;

/**
 * A message the {@link Gossiper} wants sent to node {@code to}. The gossiper sends nothing
 * itself: its actor delivers each envelope with the network's delay.
 *
 * @param to the receiving node, non-blank
 * @param message what to send
 */
public record Envelope(String to, GossipMessage message) {
  public Envelope {
    Endpoints.check(to, "to");
    Objects.requireNonNull(message, "message");
  }
}
