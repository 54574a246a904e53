package geosim.store.node;

import geosim.store.gossip.GossipStatus;
import geosim.store.ring.Membership;
import geosim.store.ring.ReplicaPlacement;

/**
 * The ring as one store server knows it: the version of the run's {@link Membership} it has
 * learned through gossip, and whether it knows the next change to be under way. Versions are
 * taken in order: change k counts as done here once gossip brings the changing node's status
 * NORMAL (after a bootstrap) or LEFT (after a decommission), and as under way once it brings
 * BOOTSTRAPPING or LEAVING. So a coordinator that has not heard yet keeps sending to the old
 * replicas, as in Cassandra, where each node's token metadata follows the gossip it has received.
 *
 * <p>While the next change is under way, writes also go to its pending replicas (the nodes that
 * will hold the key after it); reads stay with the current replicas.
 */
final class RingView {
  private static final int[] NONE = new int[0];

  private final Membership membership;
  private final int self;
  private int version;
  private boolean underWay;
  private long checkedStatusVersion = -1;

  RingView(Membership membership, int self) {
    this.membership = membership;
    this.self = self;
  }

  /** The replicas as this server knows them. */
  ReplicaPlacement placement() {
    return membership.placement(version);
  }

  /** How many changes this server knows to be done. */
  int version() {
    return version;
  }

  /** Whether this server is on the ring as it knows it: it takes its clients' requests only then. */
  boolean serving() {
    return placement().isMember(self);
  }

  /** The replicas a write of {@code key} must reach beyond {@link #placement()}'s: those of a change under way. */
  int[] pendingReplicas(long key) {
    return underWay ? membership.pendingReplicas(version, key) : NONE;
  }

  /** Catches up with what {@code view}'s gossip says of the changing nodes; cheap when nothing moved. */
  void refresh(FailureView view) {
    if (view.statusVersion() == checkedStatusVersion) return;
    checkedStatusVersion = view.statusVersion();
    underWay = false;
    while (version < membership.changeCount()) {
      Membership.Change change = membership.change(version);
      GossipStatus status = view.statusOf(change.node());
      boolean bootstrap = change.kind() == Membership.Kind.BOOTSTRAP;
      if (status == (bootstrap ? GossipStatus.NORMAL : GossipStatus.LEFT)) {
        version++;
      } else {
        underWay = status == (bootstrap ? GossipStatus.BOOTSTRAPPING : GossipStatus.LEAVING);
        return;
      }
    }
  }
}
