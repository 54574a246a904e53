package geosim.store.client;

import geosim.fabric.FabricMessage;

/**
 * A client actor's own timers. Its other messages are the coordinators' {@code
 * StoreProtocol.ClientResponse}s.
 */
final class ClientProtocol {
  private ClientProtocol() {}

  /** Timer: the open loop's next request arrives. */
  record NextArrival() implements FabricMessage {}

  /** Timer: closed-loop user {@code user} has done thinking and sends its next request. */
  record ThinkDone(int user) implements FabricMessage {}

  /** Timer: the oldest request's timeout has come. */
  record TimeoutsDue() implements FabricMessage {}
}
