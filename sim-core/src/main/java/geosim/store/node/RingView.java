package geosim.store.node;

import geosim.store.gossip.GossipStatus;
import geosim.store.ring.Membership;
import geosim.store.ring.ReplicaPlacement;
import java.util.Arrays;

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
 *
 * <p>On an elastic ring ({@link Membership#elastic}, changes decided by an autoscaler during the
 * run) the version is the vector of spares joined per ladder: ladder r counts the longest prefix of
 * its spares whose gossiped status is NORMAL or LEAVING (so a server that has not yet heard of an
 * earlier spare's join keeps the older ring, as above); its change under way is the next spare's
 * BOOTSTRAPPING or the last member's LEAVING.
 */
final class RingView {
  private static final int[] NONE = new int[0];

  private final Membership membership;
  private final int self;
  private int version;
  private boolean underWay;
  private long checkedStatusVersion = -1;
  private final int[] joined; // elastic: spares joined per ladder
  private final int[] moving; // elastic: per ladder +1 a spare joining, -1 one leaving, 0 none

  RingView(Membership membership, int self) {
    this.membership = membership;
    this.self = self;
    this.joined = new int[membership.ladderCount()];
    this.moving = new int[membership.ladderCount()];
  }

  /** Elastic ring: the placement with the spares this server knows joined, but {@code count} in ladder {@code r}. */
  ReplicaPlacement placementWith(int r, int count) {
    int[] v = joined.clone();
    v[r] = count;
    return membership.placement(membership.elasticIndex(v));
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
    if (!underWay) return NONE;
    if (!membership.isElastic()) return membership.pendingReplicas(version, key);
    int[] out = NONE;
    for (int r = 0; r < moving.length; r++) {
      if (moving[r] == 0) continue;
      int[] more = Membership.pendingReplicas(placement(), placementWith(r, joined[r] + moving[r]), key);
      int[] both = Arrays.copyOf(out, out.length + more.length);
      System.arraycopy(more, 0, both, out.length, more.length);
      out = both;
    }
    return out;
  }

  /** Catches up with what {@code view}'s gossip says of the changing nodes; cheap when nothing moved. */
  void refresh(FailureView view) {
    if (view.statusVersion() == checkedStatusVersion) return;
    checkedStatusVersion = view.statusVersion();
    underWay = false;
    if (membership.isElastic()) {
      refreshElastic(view);
      return;
    }
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

  private void refreshElastic(FailureView view) {
    for (int r = 0; r < joined.length; r++) {
      int[] ladder = membership.ladder(r);
      int j = 0;
      while (j < ladder.length && isMember(view.statusOf(ladder[j]))) j++;
      joined[r] = j;
      moving[r] = 0;
      if (j < ladder.length && view.statusOf(ladder[j]) == GossipStatus.BOOTSTRAPPING) moving[r] = 1;
      if (j > 0 && view.statusOf(ladder[j - 1]) == GossipStatus.LEAVING) moving[r] = -1;
      underWay |= moving[r] != 0;
    }
    version = membership.elasticIndex(joined);
  }

  private static boolean isMember(GossipStatus status) {
    return status == GossipStatus.NORMAL || status == GossipStatus.LEAVING;
  }
}
