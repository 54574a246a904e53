package geosim.store.node;

import geosim.fabric.FabricMessage;

/** A store server's own timers for its bootstrap or decommission ({@link RangeMovement}). */
final class MembershipProtocol {
  private MembershipProtocol() {}

  /** Any of them: the server hands these to its {@link RangeMovement}. */
  sealed interface MembershipMessage extends FabricMessage permits Announce, Stream, Depart {}

  /** Timer: the change starts; the server announces it. */
  record Announce() implements MembershipMessage {}

  /** Timer: the ring delay has passed; the streams start. */
  record Stream() implements MembershipMessage {}

  /** Timer: a server that has left stops gossiping and goes away. */
  record Depart() implements MembershipMessage {}
}
