package geosim.relational;

import geosim.kernel.ActorContext;
import geosim.kernel.ActorRef;
import geosim.kernel.SimActor;
import geosim.node.Cpu;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A MySQL 5.x server, primary or replica (asynchronous replication [1]). A primary runs each write
 * on one of its cores, commits it under the next log sequence number, acknowledges it and ships the
 * binlog event to its replicas, without waiting for them. A replica's I/O thread appends the event
 * to its relay log on arrival; its one SQL thread applies the events in order, each taking {@code
 * applyPerWriteNs}, so when writes come faster than one thread applies them (the primary ran them
 * on many cores) the replica falls behind: replication lag. Reads run on the cores and answer the
 * version of the key the server has applied.
 *
 * <p>A primary crashes for good at its scheduled times (timers it sets itself) and then drops
 * everything. A replica promoted by the failover manager serves writes once its SQL thread has
 * applied its relay log, under a new epoch.
 *
 * <p>[1] MySQL 5.5 Reference Manual, 17.2.1 "Replication Implementation Details": the slave's I/O
 * thread copies the binary log into the relay log, its SQL thread reads and executes it (one
 * thread; 5.6 added parallel workers per schema).
 */
final class DatabaseServer implements SimActor<RelationalProtocol> {
  private final int replicaIndex;
  private final RelationalCosts costs;
  private final List<Long> crashAtNs;
  private final Cpu cpu;
  private final Cpu sqlThread = new Cpu(1);
  /** The version of each key this server has applied; looked up, never iterated. */
  private final Map<Long, Long> versions = new HashMap<>();
  private List<ActorRef<RelationalProtocol>> replicas;
  private boolean crashed;
  private int epoch;
  private long lsn;
  private long received;
  private long applied;
  private long discardAbove = Long.MAX_VALUE;
  private long acceptWritesFromNs;
  private Histogram lagUs;

  /**
   * @param replicaIndex this server's index among the replicas, or -1 for a primary
   * @param replicas a primary's replicas (empty for a replica)
   * @param crashAtNs when this server crashes
   */
  DatabaseServer(int replicaIndex, RelationalCosts costs, List<ActorRef<RelationalProtocol>> replicas, List<Long> crashAtNs) {
    this.replicaIndex = replicaIndex;
    this.costs = costs;
    this.replicas = List.copyOf(replicas);
    this.crashAtNs = List.copyOf(crashAtNs);
    this.cpu = new Cpu(costs.cores());
  }

  @Override
  public void start(ActorContext<RelationalProtocol> ctx) {
    lagUs = ctx.metrics().histogram(RelationalMetrics.LAG_US);
    for (long at : crashAtNs) ctx.schedule(new RelationalProtocol.Crashed(), at);
  }

  @Override
  public void receive(RelationalProtocol message, ActorContext<RelationalProtocol> ctx) {
    if (crashed) return;
    if (message instanceof RelationalProtocol.Write write) {
      if (ctx.now() < acceptWritesFromNs) { // a promoted replica still applying its relay log
        ctx.schedule(write, acceptWritesFromNs - ctx.now());
        return;
      }
      long doneNs = cpu.submit(ctx.now(), costs.cpuPerWriteNs());
      ctx.schedule(new RelationalProtocol.Committed(write), doneNs - ctx.now());
    } else if (message instanceof RelationalProtocol.Committed committed) {
      commit(committed.write(), ctx);
    } else if (message instanceof RelationalProtocol.Read read) {
      long doneNs = cpu.submit(ctx.now(), costs.cpuPerReadNs());
      ctx.schedule(new RelationalProtocol.ReadDone(read), doneNs - ctx.now());
    } else if (message instanceof RelationalProtocol.ReadDone done) {
      long version = versions.getOrDefault(done.read().key(), 0L);
      ctx.send(done.read().client(), new RelationalProtocol.ReadResult(done.read().id(), version), costs.networkDelayNs());
    } else if (message instanceof RelationalProtocol.Binlog event) {
      received = Math.max(received, event.version());
      long doneNs = sqlThread.submit(ctx.now(), costs.applyPerWriteNs());
      ctx.schedule(new RelationalProtocol.Applied(event), doneNs - ctx.now());
    } else if (message instanceof RelationalProtocol.Applied done) {
      if (done.event().version() > discardAbove) return; // its relay log was discarded at promotion
      versions.merge(done.event().key(), done.event().version(), Math::max);
      applied = Math.max(applied, done.event().version());
      lagUs.recordValue(Math.max(0, (ctx.now() - done.event().commitNs()) / 1000));
    } else {
      onFailover(message, ctx);
    }
  }

  private void commit(RelationalProtocol.Write write, ActorContext<RelationalProtocol> ctx) {
    long version = RelationalProtocol.version(epoch, ++lsn);
    versions.put(write.key(), version);
    ctx.send(write.client(), new RelationalProtocol.WriteAck(write.id(), version), costs.networkDelayNs());
    RelationalProtocol.Binlog event = new RelationalProtocol.Binlog(version, write.key(), ctx.now());
    for (ActorRef<RelationalProtocol> replica : replicas) ctx.send(replica, event, costs.networkDelayNs());
  }

  private void onFailover(RelationalProtocol message, ActorContext<RelationalProtocol> ctx) {
    if (message instanceof RelationalProtocol.Crashed) {
      crashed = true;
    } else if (message instanceof RelationalProtocol.Status status) {
      ctx.send(status.manager(), new RelationalProtocol.StatusReply(replicaIndex, received, applied), costs.networkDelayNs());
    } else if (message instanceof RelationalProtocol.Promote promote) {
      epoch = promote.epoch();
      lsn = 0;
      replicas = new ArrayList<>(promote.replicas());
      if (promote.discardRelayLog()) {
        discardAbove = applied;
        received = applied;
      } else {
        acceptWritesFromNs = sqlThread.submit(ctx.now(), 0); // once the relay log is applied
      }
    } else if (message instanceof RelationalProtocol.Repoint repoint) {
      long behind = repoint.received() - received; // within one epoch: the LSNs it lacks
      long missing = behind > 0 ? behind & ((1L << RelationalProtocol.LSN_BITS) - 1) : 0;
      received = Math.max(received, repoint.received());
      sqlThread.submit(ctx.now(), missing * costs.applyPerWriteNs()); // the new primary's differential relay log
    } else {
      throw new IllegalStateException("database server " + ctx.self().path() + " cannot handle " + message + " at t="
          + ctx.now() + " ns");
    }
  }
}
