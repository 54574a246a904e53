package geosim.relational;

import geosim.kernel.ActorContext;
import geosim.kernel.ActorRef;
import geosim.kernel.Counter;
import geosim.kernel.SimActor;
import java.util.ArrayList;
import java.util.List;

/**
 * The failover manager (as MHA for MySQL [1]): it declares a primary dead {@code detectionDelayNs}
 * after its crash (MHA pings the primary every ping_interval and gives up after three failed
 * pings), asks the shard's replicas how far each has received the binlog, promotes the most
 * up-to-date one (ties: the first in config order), points the others at it (they catch up on the
 * events they lack) and tells every client, in the order given, each one network delay away
 * ({@code model = relational}'s clients, or the store model's app servers). The acknowledged writes the promoted replica had not
 * received are lost; the clients count them. With {@code promoteApplied} it ranks the replicas by
 * what they have applied instead, and the promoted one drops its unapplied relay log: then every
 * write in its replication lag window is lost.
 *
 * <p>[1] Y. Matsunobu, "MHA for MySQL" (2011), wiki: Parameters (ping_interval, default 3 s) and
 * "Sequences of MHA" (the latest slave is the new master; the others apply differential relay logs).
 */
public final class FailoverManager implements SimActor<RelationalProtocol> {
  private final RelationalSettings settings;
  private final List<ActorRef<RelationalProtocol>> replicaRefs;
  private final List<ActorRef<? super RelationalProtocol>> clients;
  private final int[] epochs;
  /** Per shard in failover: the crash time, the replicas asked, their answers, how many answered. */
  private final long[] crashNs;
  private final int[][] asked;
  private final long[][] received;
  private final int[] answers;
  private Counter failovers;
  private Counter failoverNs;

  /**
   * @param replicaRefs every replica, in config order ({@link DatabaseTier#replicaRefs})
   * @param clients who learns of a new primary ({@code RelationalProtocol.NewPrimary}), in this order
   */
  public FailoverManager(RelationalSettings settings, List<ActorRef<RelationalProtocol>> replicaRefs,
      List<? extends ActorRef<? super RelationalProtocol>> clients) {
    this.settings = settings;
    this.replicaRefs = List.copyOf(replicaRefs);
    this.clients = List.copyOf(clients);
    int shards = settings.primaries().size();
    this.epochs = new int[shards];
    this.crashNs = new long[shards];
    this.asked = new int[shards][];
    this.received = new long[shards][];
    this.answers = new int[shards];
  }

  @Override
  public void start(ActorContext<RelationalProtocol> ctx) {
    failovers = ctx.metrics().counter(RelationalMetrics.FAILOVERS);
    failoverNs = ctx.metrics().counter(RelationalMetrics.FAILOVER_NS_SUM);
    for (RelationalSettings.Crash c : settings.failover().crashes()) {
      ctx.schedule(new RelationalProtocol.Detected(c.primary(), c.atNs()), c.atNs() + settings.failover().detectionDelayNs());
    }
  }

  @Override
  public void receive(RelationalProtocol message, ActorContext<RelationalProtocol> ctx) {
    if (message instanceof RelationalProtocol.Detected detected) {
      onDetected(detected, ctx);
    } else if (message instanceof RelationalProtocol.StatusReply reply) {
      int shard = settings.replicas().get(reply.replica()).primary();
      for (int i = 0; i < asked[shard].length; i++) {
        if (asked[shard][i] == reply.replica()) {
          received[shard][i] = settings.failover().promoteApplied() ? reply.applied() : reply.received();
        }
      }
      if (++answers[shard] == asked[shard].length) promote(shard, ctx);
    } else {
      throw new IllegalStateException("failover manager cannot handle " + message + " at t=" + ctx.now() + " ns");
    }
  }

  private void onDetected(RelationalProtocol.Detected detected, ActorContext<RelationalProtocol> ctx) {
    int[] candidates = settings.replicasOf(detected.primary());
    if (candidates.length == 0) return; // a shard without replicas stays down
    int shard = detected.primary();
    crashNs[shard] = detected.crashNs();
    asked[shard] = candidates;
    received[shard] = new long[candidates.length];
    answers[shard] = 0;
    for (int r : candidates) ctx.send(replicaRefs.get(r), new RelationalProtocol.Status(ctx.self()), settings.costs().networkDelayNs());
  }

  private void promote(int shard, ActorContext<RelationalProtocol> ctx) {
    int[] candidates = asked[shard];
    long[] got = received[shard];
    int best = 0;
    for (int i = 1; i < candidates.length; i++) {
      if (got[i] > got[best]) best = i;
    }
    List<ActorRef<RelationalProtocol>> others = new ArrayList<>();
    for (int i = 0; i < candidates.length; i++) {
      if (i != best) others.add(replicaRefs.get(candidates[i]));
    }
    long delay = settings.costs().networkDelayNs();
    ActorRef<RelationalProtocol> promoted = replicaRefs.get(candidates[best]);
    ctx.send(promoted, new RelationalProtocol.Promote(++epochs[shard], others, settings.failover().promoteApplied()), delay);
    for (ActorRef<RelationalProtocol> other : others) ctx.send(other, new RelationalProtocol.Repoint(got[best]), delay);
    RelationalProtocol.NewPrimary np = new RelationalProtocol.NewPrimary(shard, promoted, candidates[best], got[best]);
    for (ActorRef<? super RelationalProtocol> client : clients) ctx.send(client, np, delay);
    failovers.increment();
    failoverNs.add(ctx.now() + delay - crashNs[shard]);
  }
}
