package geosim.store.gossip;

import java.util.Objects;

/**
 * The state of {@code endpoint} carried in an ACK or ACK2.
 *
 * @param endpoint the node the state belongs to, non-blank
 * @param state its state
 */
public record EndpointUpdate(String endpoint, EndpointState state) {
  public EndpointUpdate {
    Endpoints.check(endpoint, "endpoint");
    Objects.requireNonNull(state, "state");
  }
}
