package geosim.relational;

import geosim.kernel.ActorContext;
import geosim.kernel.ActorRef;
import geosim.kernel.Counter;
import geosim.kernel.SimActor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The clients of the relational tier, one actor for all sessions: Poisson arrivals, a session and
 * a uniform key per request, writes to the key's shard's primary, reads to its replicas in turn
 * (or its primary), following failovers ({@link ShardView}). It audits reads as the store's audit does: a read that returns an older
 * version than the newest write of its key acknowledged before the read started is stale; older
 * than its own session's last acknowledged write of the key, a read-your-writes violation (the
 * anomaly of reading from asynchronous replicas). When a shard fails over it counts its
 * acknowledged writes beyond what the promoted replica had received as lost, and audits that
 * shard's keys again only against writes of the new epoch.
 */
final class RelationalClients implements SimActor<RelationalProtocol> {
  private final RelationalSettings settings;
  private final ShardView shards;
  /** Newest acknowledged version per key, and per session and key; looked up, never iterated. */
  private final Map<Long, Long> newest = new HashMap<>();
  private final List<Map<Long, Long>> sessionWrites = new ArrayList<>();
  private final Map<Long, Pending> pending = new HashMap<>();
  /** Each session's last written key, or -1. */
  private final long[] lastWritten;
  private long nextId;
  private Counter[] started;
  private Counter[] ok;
  private Counter[] failed;
  private Histogram[] latencyUs;
  private Counter stale;
  private Counter ryw;
  private Counter audited;
  private Counter lost;
  private Counter acked;

  /** A request in flight, with what its audit compares against. */
  private record Pending(int session, long key, boolean read, long startNs, long newestVersion, long ownVersion) {}

  /**
   * @param primaries each shard's primary at the start
   * @param replicas each shard's replicas
   */
  RelationalClients(RelationalSettings settings, List<ActorRef<RelationalProtocol>> primaries,
      List<List<ActorRef<RelationalProtocol>>> replicas) {
    this.settings = settings;
    this.shards = new ShardView(primaries, replicas);
    for (int s = 0; s < settings.workload().sessions(); s++) sessionWrites.add(new HashMap<>());
    this.lastWritten = new long[settings.workload().sessions()];
    java.util.Arrays.fill(lastWritten, -1);
  }

  @Override
  public void start(ActorContext<RelationalProtocol> ctx) {
    String[] ops = {"write", "read"};
    started = new Counter[2];
    ok = new Counter[2];
    failed = new Counter[2];
    latencyUs = new Histogram[2];
    for (int i = 0; i < 2; i++) {
      started[i] = ctx.metrics().counter(RelationalMetrics.op(ops[i], "started"));
      ok[i] = ctx.metrics().counter(RelationalMetrics.op(ops[i], "ok"));
      failed[i] = ctx.metrics().counter(RelationalMetrics.op(ops[i], "failed"));
      latencyUs[i] = ctx.metrics().histogram(RelationalMetrics.latencyUs(ops[i]));
    }
    stale = ctx.metrics().counter(RelationalMetrics.STALE_READS);
    ryw = ctx.metrics().counter(RelationalMetrics.RYW_VIOLATIONS);
    audited = ctx.metrics().counter(RelationalMetrics.AUDITED_READS);
    lost = ctx.metrics().counter(RelationalMetrics.LOST_WRITES);
    acked = ctx.metrics().counter(RelationalMetrics.ACKED_WRITES);
    scheduleArrival(ctx);
  }

  @Override
  public void receive(RelationalProtocol message, ActorContext<RelationalProtocol> ctx) {
    if (message instanceof RelationalProtocol.Arrival) {
      scheduleArrival(ctx);
      send(ctx);
    } else if (message instanceof RelationalProtocol.WriteAck ack) {
      onWriteAck(ack, ctx);
    } else if (message instanceof RelationalProtocol.ReadResult result) {
      onReadResult(result, ctx);
    } else if (message instanceof RelationalProtocol.Timeout timeout) {
      Pending p = pending.remove(timeout.id());
      if (p != null) failed[p.read() ? 1 : 0].increment();
    } else if (message instanceof RelationalProtocol.NewPrimary np) {
      lost.add(shards.follow(np));
    } else {
      throw new IllegalStateException("relational clients cannot handle " + message + " at t=" + ctx.now() + " ns");
    }
  }

  private void scheduleArrival(ActorContext<RelationalProtocol> ctx) {
    long gapNs = Math.max(1, Math.round(ctx.random().exponential(1e9 / settings.workload().ratePerSecond())));
    ctx.schedule(new RelationalProtocol.Arrival(), gapNs);
  }

  private void send(ActorContext<RelationalProtocol> ctx) {
    RelationalWorkload w = settings.workload();
    int session = ctx.random().nextInt(w.sessions());
    boolean read = ctx.random().nextDouble() < w.readFraction();
    long key = ctx.random().nextLong(w.keys());
    if (read && lastWritten[session] >= 0 && ctx.random().nextDouble() < w.ownWriteReadFraction()) key = lastWritten[session];
    if (!read) lastWritten[session] = key;
    int shard = settings.shardMap().shardOf(key);
    long id = nextId++;
    pending.put(id, new Pending(session, key, read, ctx.now(), shards.current(newest.get(key), shard),
        shards.current(sessionWrites.get(session).get(key), shard)));
    started[read ? 1 : 0].increment();
    ctx.schedule(new RelationalProtocol.Timeout(id), w.timeoutNs());
    long delay = settings.costs().networkDelayNs();
    if (!read) {
      ctx.send(shards.primary(shard), new RelationalProtocol.Write(ctx.self(), id, key), delay);
    } else {
      ctx.send(shards.reader(shard, w.readFromReplicas()), new RelationalProtocol.Read(ctx.self(), id, key), delay);
    }
  }

  private void onWriteAck(RelationalProtocol.WriteAck ack, ActorContext<RelationalProtocol> ctx) {
    Pending p = pending.remove(ack.id());
    if (p == null) return;
    ok[0].increment();
    acked.increment();
    latencyUs[0].recordValue(Math.max(1, (ctx.now() - p.startNs()) / 1000));
    newest.merge(p.key(), ack.version(), Math::max);
    sessionWrites.get(p.session()).merge(p.key(), ack.version(), Math::max);
    shards.acknowledged(settings.shardMap().shardOf(p.key()), ack.version());
  }

  private void onReadResult(RelationalProtocol.ReadResult result, ActorContext<RelationalProtocol> ctx) {
    Pending p = pending.remove(result.id());
    if (p == null) return;
    ok[1].increment();
    latencyUs[1].recordValue(Math.max(1, (ctx.now() - p.startNs()) / 1000));
    if (p.newestVersion() == 0) return;
    audited.increment();
    if (result.version() < p.newestVersion()) stale.increment();
    if (p.ownVersion() != 0 && result.version() < p.ownVersion()) ryw.increment();
  }

}
