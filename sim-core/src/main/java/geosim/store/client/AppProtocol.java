package geosim.store.client;

import geosim.fabric.FabricMessage;

/**
 * An app server's own timers. Its other messages are {@code StoreProtocol.ClientRequest}s (from
 * clients, and its own to coordinators) and {@code StoreProtocol.ClientResponse}s.
 */
final class AppProtocol {
  private AppProtocol() {}

  /** Timer: request {@code id}'s CPU work is done. */
  record Served(long id) implements FabricMessage {}

  /** Timer: the oldest store call's timeout has come. */
  record TimeoutsDue() implements FabricMessage {}

  /** Timer: the oldest database call's timeout has come ({@link DatabaseAccess}). */
  record DatabaseTimeoutsDue() implements FabricMessage {
    static final DatabaseTimeoutsDue INSTANCE = new DatabaseTimeoutsDue();
  }
}
