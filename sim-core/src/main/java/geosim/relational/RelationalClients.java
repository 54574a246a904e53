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
 * (or its primary). It audits reads as the store's audit does: a read that returns an older
 * version than the newest write of its key acknowledged before the read started is stale; older
 * than its own session's last acknowledged write of the key, a read-your-writes violation (the
 * anomaly of reading from asynchronous replicas). When a shard fails over it counts its
 * acknowledged writes beyond what the promoted replica had received as lost, and audits that
 * shard's keys again only against writes of the new epoch.
 */
final class RelationalClients implements SimActor<RelationalProtocol> {
  private final RelationalSettings settings;
  private final List<ActorRef<RelationalProtocol>> primaries;
  private final List<List<ActorRef<RelationalProtocol>>> readers = new ArrayList<>();
  private final int[] epochs;
  private final int[] turns;
  private final List<List<Long>> ackedVersions = new ArrayList<>();
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
    this.primaries = new ArrayList<>(primaries);
    for (List<ActorRef<RelationalProtocol>> r : replicas) readers.add(new ArrayList<>(r));
    this.epochs = new int[primaries.size()];
    this.turns = new int[primaries.size()];
    for (int s = 0; s < primaries.size(); s++) ackedVersions.add(new ArrayList<>());
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
      onNewPrimary(np);
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
    pending.put(id, new Pending(session, key, read, ctx.now(), current(newest.get(key), shard),
        current(sessionWrites.get(session).get(key), shard)));
    started[read ? 1 : 0].increment();
    ctx.schedule(new RelationalProtocol.Timeout(id), w.timeoutNs());
    List<ActorRef<RelationalProtocol>> replicas = readers.get(shard);
    long delay = settings.costs().networkDelayNs();
    if (!read) {
      ctx.send(primaries.get(shard), new RelationalProtocol.Write(ctx.self(), id, key), delay);
    } else if (w.readFromReplicas() && !replicas.isEmpty()) {
      ActorRef<RelationalProtocol> replica = replicas.get(turns[shard]++ % replicas.size());
      ctx.send(replica, new RelationalProtocol.Read(ctx.self(), id, key), delay);
    } else {
      ctx.send(primaries.get(shard), new RelationalProtocol.Read(ctx.self(), id, key), delay);
    }
  }

  /** {@code version} if it is of the shard's current epoch, else 0 (writes of an earlier epoch are not audited). */
  private long current(Long version, int shard) {
    if (version == null || version >>> RelationalProtocol.LSN_BITS != epochs[shard]) return 0;
    return version;
  }

  private void onWriteAck(RelationalProtocol.WriteAck ack, ActorContext<RelationalProtocol> ctx) {
    Pending p = pending.remove(ack.id());
    if (p == null) return;
    ok[0].increment();
    acked.increment();
    latencyUs[0].recordValue(Math.max(1, (ctx.now() - p.startNs()) / 1000));
    newest.merge(p.key(), ack.version(), Math::max);
    sessionWrites.get(p.session()).merge(p.key(), ack.version(), Math::max);
    int shard = settings.shardMap().shardOf(p.key());
    if (ack.version() >>> RelationalProtocol.LSN_BITS == epochs[shard]) ackedVersions.get(shard).add(ack.version());
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

  private void onNewPrimary(RelationalProtocol.NewPrimary np) {
    int shard = np.shard();
    long lostHere = 0;
    for (long v : ackedVersions.get(shard)) {
      if (v > np.received()) lostHere++;
    }
    lost.add(lostHere);
    ackedVersions.get(shard).clear();
    epochs[shard]++;
    primaries.set(shard, np.primary());
    readers.get(shard).remove(np.primary());
  }
}
