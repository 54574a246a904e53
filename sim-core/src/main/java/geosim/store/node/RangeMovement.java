package geosim.store.node;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.store.gossip.GossipStatus;
import geosim.store.repair.AntiEntropy;
import geosim.store.repair.RepairProtocol;
import geosim.store.ring.Membership;
import java.util.List;

/**
 * A store server's own bootstrap or decommission, after Cassandra's {@code StorageService}
 * (joinTokenRing, unbootstrap) [1]:
 *
 * <ol>
 *   <li>at the change's time the server announces BOOTSTRAPPING (a joining server starts gossiping
 *       then) or LEAVING;
 *   <li>after the ring delay, when every node has learned that the change is under way and sends
 *       new writes to the pending replicas too, it has each range the change moves streamed from
 *       its source to its target ({@link Membership#transfers}; repair's streaming, {@link
 *       AntiEntropy#requestStream}): sequential reads, paced chunks at the stream throttle,
 *       SSTables at the targets;
 *   <li>when every target has added its range, it announces NORMAL (and takes clients' requests)
 *       or LEFT; a server that has left keeps gossiping one more ring delay, then stops.
 * </ol>
 *
 * <p>A stream that never completes (its source or target crashed, a cut) stalls the change, as a
 * failed bootstrap in Cassandra needs an operator; the run reports it as not completed.
 *
 * <p>On an elastic ring ({@link Membership#elastic}) a spare's changes are not scheduled: its
 * autoscaler asks for them ({@link ScalingProtocol.Provision}: bootstrap; {@link
 * ScalingProtocol.Release}: decommission), as often as it likes, and hears back when the spare
 * has joined ({@link ScalingProtocol.Joined}) or stopped ({@link ScalingProtocol.Stopped}, a ring
 * delay after LEFT). The ranges it moves are those between the ring it knows with its ladder's
 * spares before and after it.
 *
 * <p>[1] Apache Cassandra source, {@code org.apache.cassandra.service.StorageService} (joinTokenRing:
 * announce, sleep RING_DELAY, bootstrap; unbootstrap: LEAVING, RING_DELAY, stream, LEFT) and
 * {@code org.apache.cassandra.dht.BootStrapper}, 2.x–3.x.
 */
final class RangeMovement {
  private final StoreServer server;
  private final Membership membership;
  private final long ringDelayNs;
  private final int change; // this server's change, or -1
  private int streamsLeft;
  private final int ladder; // elastic: this server's ladder and position in it, else -1
  private final int position;
  private FabricMessage request; // elastic: the Provision or Release under way, or null
  private long elasticStartNs;
  private long cycle;
  private Counter started;
  private Counter completed;
  private Counter durationNsSum;

  RangeMovement(StoreServer server, Membership membership, long ringDelayNs) {
    this.server = server;
    this.membership = membership;
    this.ringDelayNs = ringDelayNs;
    int mine = -1;
    for (int k = 0; k < membership.changeCount(); k++) {
      if (membership.change(k).node() == server.index()) mine = k;
    }
    this.change = mine;
    int inLadder = -1;
    int at = -1;
    for (int r = 0; r < membership.ladderCount(); r++) {
      int[] nodes = membership.ladder(r);
      for (int j = 0; j < nodes.length; j++) {
        if (nodes[j] == server.index()) {
          inLadder = r;
          at = j;
        }
      }
    }
    this.ladder = inLadder;
    this.position = at;
  }

  /** Whether this server joins later: it is not running at the start (a scheduled bootstrap, or an elastic spare). */
  boolean joinsLater() {
    return ladder >= 0 || change >= 0 && membership.change(change).kind() == Membership.Kind.BOOTSTRAP;
  }

  /** Whether this server is an elastic ring's spare. */
  boolean isSpare() {
    return ladder >= 0;
  }

  /** Whether an elastic bootstrap of this server is under way (it must not serve reads yet). */
  boolean bootstrapping() {
    return request instanceof ScalingProtocol.Provision;
  }

  /** An autoscaler asks this spare to bootstrap ({@code Provision}) or decommission ({@code Release}). */
  void startElastic(ScalingProtocol.ScalingMessage asked, ActorContext<FabricMessage> ctx) {
    if (ladder < 0 || request != null) return; // not a spare, or a change already under way
    request = asked;
    elasticStartNs = ctx.now();
    cycle++;
    started.increment();
    if (bootstrapping()) {
      server.join(GossipStatus.BOOTSTRAPPING, ctx);
    } else {
      server.announce(GossipStatus.LEAVING);
    }
    ctx.schedule(new MembershipProtocol.Stream(), ringDelayNs);
  }

  void start(ActorContext<FabricMessage> ctx) {
    started = ctx.metrics().counter(StoreModel.MEMBERSHIP_STARTED);
    completed = ctx.metrics().counter(StoreModel.MEMBERSHIP_COMPLETED);
    durationNsSum = ctx.metrics().counter(StoreModel.MEMBERSHIP_DURATION_NS_SUM);
    if (change >= 0) ctx.schedule(new MembershipProtocol.Announce(), membership.change(change).atNs());
  }

  void receive(MembershipProtocol.MembershipMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof MembershipProtocol.Announce) {
      announce(ctx);
    } else if (message instanceof MembershipProtocol.Stream) {
      stream(ctx);
    } else if (message instanceof MembershipProtocol.Depart) {
      server.depart(ctx.now());
      if (request instanceof ScalingProtocol.Release release) {
        request = null;
        ctx.send(release.autoscaler(), new ScalingProtocol.Stopped(release.slot()), release.replyDelayNs());
      }
    }
  }

  private void announce(ActorContext<FabricMessage> ctx) {
    started.increment();
    if (joinsLater()) {
      server.join(GossipStatus.BOOTSTRAPPING, ctx);
    } else {
      server.announce(GossipStatus.LEAVING);
    }
    ctx.schedule(new MembershipProtocol.Stream(), ringDelayNs);
  }

  private void stream(ActorContext<FabricMessage> ctx) {
    List<Membership.Transfer> transfers = request == null ? membership.transfers(change)
        : Membership.transfers(server.ring().placementWith(ladder, bootstrapping() ? position : position + 1),
            server.ring().placementWith(ladder, bootstrapping() ? position + 1 : position));
    streamsLeft = transfers.size();
    for (Membership.Transfer t : transfers) {
      server.antiEntropy().requestStream(movementId(), t.source(), t.position(), t.target(), ctx);
    }
    if (streamsLeft == 0) finish(ctx);
  }

  /** A target has added a streamed range: the change completes with the last. */
  void onStreamed(RepairProtocol.SyncComplete complete, ActorContext<FabricMessage> ctx) {
    if (complete.session() != movementId() || streamsLeft == 0) return;
    if (--streamsLeft == 0) finish(ctx);
  }

  private void finish(ActorContext<FabricMessage> ctx) {
    completed.increment();
    if (request != null) {
      finishElastic(ctx);
      return;
    }
    durationNsSum.add(ctx.now() - membership.change(change).atNs());
    if (joinsLater()) {
      server.announce(GossipStatus.NORMAL);
    } else {
      server.announce(GossipStatus.LEFT);
      ctx.schedule(new MembershipProtocol.Depart(), ringDelayNs);
    }
  }

  private void finishElastic(ActorContext<FabricMessage> ctx) {
    durationNsSum.add(ctx.now() - elasticStartNs);
    if (request instanceof ScalingProtocol.Provision provision) {
      request = null;
      server.announce(GossipStatus.NORMAL);
      ctx.send(provision.autoscaler(), new ScalingProtocol.Joined(provision.slot()), provision.replyDelayNs());
    } else {
      server.announce(GossipStatus.LEFT);
      ctx.schedule(new MembershipProtocol.Depart(), ringDelayNs);
    }
  }

  /** The session number of this server's streams: below 0, apart from repair sessions (and each elastic change its own). */
  private long movementId() {
    return request == null ? -1L - change : -1L - membership.changeCount() - cycle;
  }
}
