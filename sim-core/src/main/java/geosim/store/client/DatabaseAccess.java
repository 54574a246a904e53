package geosim.store.client;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Deadlines;
import geosim.relational.DatabaseTier;
import geosim.relational.RelationalProtocol;
import geosim.relational.RelationalSettings;
import geosim.relational.ShardView;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * One app server's way to the database (store.app.database-calls): a read goes to the replicas of
 * its key's shard in turn (the primary when the shard has none), a write to the primary, each one
 * network delay ({@code relational.network-delay}) away, as a LAMP app reads from MySQL slaves and
 * writes to the master (seed 001: "Master / Slave"). When the failover manager promotes a replica
 * ({@code RelationalProtocol.NewPrimary}) it follows it as {@code model = relational}'s clients do
 * ({@link ShardView}): the shard's writes go to the promoted replica, its reads to the remaining
 * replicas, and this app server's acknowledged writes the promoted replica lacks are counted lost.
 * A call to a crashed primary gets no answer: after {@code relational.workload.timeout} (the
 * relational clients' timeout, reused) it fails, and with it the app request. That timeout is armed
 * only when the scenario has primary crashes ({@code relational.crashes}): otherwise every call is
 * answered, and its timer would only add events.
 *
 * <p>It audits read-your-writes as a sticky session on this app server sees it: a database read of
 * a key whose write through this app server was acknowledged before the read started, answered with
 * an older version, is a violation (the replica had not applied the write yet). It remembers the
 * version of its last {@value #REMEMBERED_KEYS_MAX} written keys (the key first written dropped
 * first; assumption: enough for the runs' key spaces); versions are compared within one epoch (a
 * write of the shard's earlier epoch is not audited). Reads answered by the cache carry no version and are not audited.
 */
final class DatabaseAccess {
  /** Keys whose last written version an app server remembers for the audit. */
  static final int REMEMBERED_KEYS_MAX = 100_000;

  private final RelationalSettings settings;
  private final ShardView shards;
  /** Last acknowledged version per key written through this app server; looked up, never iterated. */
  private final Map<Long, Long> written = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
      return size() > REMEMBERED_KEYS_MAX;
    }
  };
  /** Per read in flight (by tag): the version it must not be older than, 0 for none. */
  private final Map<Long, Long> expected = new HashMap<>();
  /** Per write in flight (by tag): its key. */
  private final Map<Long, Long> writing = new HashMap<>();
  /** Deadlines of the calls in flight (by tag), when calls can go unanswered; null otherwise. */
  private final Deadlines deadlines;
  private boolean armed;
  private Counter reads;
  private Counter writes;
  private Counter audited;
  private Counter violations;
  private Counter lost;

  DatabaseAccess(DatabaseTier tier, RelationalSettings settings) {
    this.settings = settings;
    this.shards = new ShardView(tier.primaries(), tier.replicas());
    this.deadlines = settings.failover().crashes().isEmpty() ? null : new Deadlines();
  }

  void start(ActorContext<FabricMessage> ctx) {
    reads = ctx.metrics().counter(StoreClients.DATABASE_READS);
    writes = ctx.metrics().counter(StoreClients.DATABASE_WRITES);
    audited = ctx.metrics().counter(StoreClients.DATABASE_AUDITED_READS);
    violations = ctx.metrics().counter(StoreClients.DATABASE_RYW_VIOLATIONS);
    lost = ctx.metrics().counter(StoreClients.DATABASE_LOST_WRITES);
  }

  /** Sends request {@code tag} for {@code key}: a read at a replica, or a write at the shard's current primary. */
  void send(long tag, long key, boolean read, ActorContext<FabricMessage> ctx) {
    int shard = settings.shardMap().shardOf(key);
    long delayNs = settings.costs().networkDelayNs();
    if (read) {
      reads.increment();
      expected.put(tag, shards.current(written.get(key), shard));
      ctx.send(shards.reader(shard, true), new RelationalProtocol.Read(ctx.self(), tag, key), delayNs);
    } else {
      writes.increment();
      writing.put(tag, key);
      ctx.send(shards.primary(shard), new RelationalProtocol.Write(ctx.self(), tag, key), delayNs);
    }
    if (deadlines != null) {
      deadlines.add(tag, ctx.now() + settings.workload().timeoutNs());
      if (!armed) arm(ctx);
    }
  }

  /**
   * The timer of the oldest call's deadline: each call still unanswered at its deadline is
   * forgotten and handed to {@code failed} (its tag); then the timer is set for the next one.
   */
  void timeoutsDue(ActorContext<FabricMessage> ctx, LongConsumer failed) {
    armed = false;
    for (long tag = deadlines.popDue(ctx.now(), this::inFlight); tag >= 0; tag = deadlines.popDue(ctx.now(), this::inFlight)) {
      timedOut(tag);
      failed.accept(tag);
    }
    arm(ctx);
  }

  private boolean inFlight(long tag) {
    return expected.containsKey(tag) || writing.containsKey(tag);
  }

  private void arm(ActorContext<FabricMessage> ctx) {
    long headNs = deadlines.headNs(this::inFlight);
    if (headNs == Deadlines.NONE) return;
    armed = true;
    ctx.schedule(AppProtocol.DatabaseTimeoutsDue.INSTANCE, headNs - ctx.now());
  }

  /** A read's answer: audits it against this app server's own acknowledged write of the key. */
  void readAnswered(RelationalProtocol.ReadResult result) {
    Long own = expected.remove(result.id());
    if (own == null || own == 0) return;
    audited.increment();
    if (result.version() < own) violations.increment();
  }

  /** A write's acknowledgement: its version becomes what this app server's later reads of the key must see. */
  void writeAcknowledged(RelationalProtocol.WriteAck ack) {
    Long key = writing.remove(ack.id());
    if (key == null) return;
    written.merge(key, ack.version(), Math::max);
    shards.acknowledged(settings.shardMap().shardOf(key), ack.version());
  }

  /** A call that timed out, or whose request did: forgotten (its answer, if one comes, is not audited nor acknowledged). */
  void timedOut(long tag) {
    expected.remove(tag);
    writing.remove(tag);
  }

  /** The failover manager promoted a replica: this app server follows it. */
  void follow(RelationalProtocol.NewPrimary np) {
    lost.add(shards.follow(np));
  }
}
