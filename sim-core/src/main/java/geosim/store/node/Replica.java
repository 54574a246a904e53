package geosim.store.node;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.node.Cpu;
import geosim.node.Disk;
import geosim.store.storage.Cell;
import geosim.store.storage.CompactionTask;
import geosim.store.storage.FlushTask;
import geosim.store.storage.ReadResult;
import geosim.store.storage.StorageEngine;
import geosim.store.storage.WriteWork;
import java.util.List;

/**
 * The replica half of a {@link StoreServer}: its CPU, disk and storage engine, and the work each
 * request causes on them, after Cassandra's write and read paths [1].
 *
 * <ul>
 *   <li>Mutation: CPU ({@code cpu-per-request}), then the engine applies it and its commit-log
 *       append goes to the disk as one sequential write; the acknowledgement leaves when that
 *       write is done (Cassandra's commitlog_sync batch/group mode; its default periodic mode acks
 *       before the fsync, so this is the more cautious choice).
 *   <li>Flush (a write filled the memtable): one sequential write of the memtable in the
 *       background; when done, the engine may start compactions.
 *   <li>Compaction: a sequential read of its inputs, a merge on one core, a sequential write of
 *       the output; then the engine swaps the tables and may start more.
 *   <li>Read: CPU, then the engine's lookups; each SSTable read it counts (data or bloom-filter
 *       false positive) is one random disk access of one compression chunk; the answer (the
 *       newest cell held, or none; a digest of it for a digest read) leaves when the last access
 *       is done.
 * </ul>
 *
 * <p>Disk and CPU serve all of this first come, first served, so background work delays
 * foreground requests as it does on a real node (compaction throttling is not modelled).
 *
 * <p>[1] Apache Cassandra documentation, "Storage Engine" (commit log, memtables, SSTables) and
 * "Compaction"; cassandra.yaml, commitlog_sync.
 */
final class Replica {
  private final StoreServer server;
  private final StoreSettings settings;
  private final Cpu cpu;
  private final Disk disk;
  private final StorageEngine engine;
  private Counter mutations;
  private Counter reads;

  Replica(StoreServer server, StoreSettings settings, Cpu cpu, Disk disk) {
    this.server = server;
    this.settings = settings;
    this.cpu = cpu;
    this.disk = disk;
    this.engine = new StorageEngine(settings.storage());
  }

  void start(ActorContext<FabricMessage> ctx) {
    mutations = ctx.metrics().counter(StoreModel.REPLICA_MUTATIONS);
    reads = ctx.metrics().counter(StoreModel.REPLICA_READS);
  }

  void onMutation(StoreProtocol.Mutation mutation, ActorContext<FabricMessage> ctx) {
    long done = cpu.submit(ctx.now(), settings.cpuPerRequestNs());
    ctx.schedule(new StoreProtocol.MutationHandled(mutation), done - ctx.now());
  }

  void onMutationHandled(StoreProtocol.Mutation mutation, ActorContext<FabricMessage> ctx) {
    WriteWork work = engine.write(mutation.key(), mutation.cell(), settings.mutationBytes());
    mutations.increment();
    long logged = disk.submit(ctx.now(), work.commitLogBytes(), Disk.Access.SEQUENTIAL);
    ctx.schedule(new StoreProtocol.MutationLogged(mutation, ctx.now()), logged - ctx.now());
    if (work.flush().isPresent()) {
      FlushTask flush = work.flush().get();
      long written = disk.submit(ctx.now(), flush.writeBytes(), Disk.Access.SEQUENTIAL);
      ctx.schedule(new StoreProtocol.FlushWritten(flush), written - ctx.now());
    }
  }

  void onMutationLogged(StoreProtocol.Mutation mutation, long appliedNs, ActorContext<FabricMessage> ctx) {
    server.send(mutation.coordinator(), mutation.flowId(), StoreProtocol.HEADER_BYTES,
        new StoreProtocol.MutationAck(server.index(), mutation.requestId(), mutation.flowId(), appliedNs), ctx);
  }

  void onRead(StoreProtocol.ReadRequest read, ActorContext<FabricMessage> ctx) {
    long done = cpu.submit(ctx.now(), settings.cpuPerRequestNs());
    ctx.schedule(new StoreProtocol.ReadHandled(read), done - ctx.now());
  }

  void onReadHandled(StoreProtocol.ReadRequest read, ActorContext<FabricMessage> ctx) {
    ReadResult result = engine.read(read.key(), ctx.random());
    reads.increment();
    Cell cell = result.cell().orElse(StoreProtocol.NO_CELL);
    if (result.randomReads() == 0) {
      respond(read, cell, ctx);
      return;
    }
    long done = ctx.now();
    for (int i = 0; i < result.randomReads(); i++) {
      done = disk.submit(ctx.now(), settings.storage().readChunkBytes(), Disk.Access.RANDOM);
    }
    ctx.schedule(new StoreProtocol.ReadServed(read, cell), done - ctx.now());
  }

  /**
   * The answer to {@code read}: a header, and a digest ({@value StoreProtocol#DIGEST_BYTES}
   * bytes) for a digest read, else the value when the replica holds the key.
   */
  void respond(StoreProtocol.ReadRequest read, Cell cell, ActorContext<FabricMessage> ctx) {
    int body;
    if (read.kind() == StoreProtocol.ReadKind.DIGEST) {
      body = StoreProtocol.DIGEST_BYTES;
    } else {
      body = cell.equals(StoreProtocol.NO_CELL) ? 0 : settings.workload().valueBytes();
    }
    server.send(read.coordinator(), read.flowId(), StoreProtocol.HEADER_BYTES + body,
        new StoreProtocol.ReadResponse(server.index(), read.requestId(), cell, read.kind(), read.flowId()), ctx);
  }

  void onFlushWritten(FlushTask flush, ActorContext<FabricMessage> ctx) {
    if (engine.inProgress(flush)) compact(engine.flushDone(flush), ctx); // else its disk is gone
  }

  void onCompactionRead(CompactionTask task, ActorContext<FabricMessage> ctx) {
    if (!engine.inProgress(task)) return; // its disk is gone
    long done = cpu.submit(ctx.now(), task.cpuNs());
    ctx.schedule(new StoreProtocol.CompactionMerged(task), done - ctx.now());
  }

  void onCompactionMerged(CompactionTask task, ActorContext<FabricMessage> ctx) {
    if (!engine.inProgress(task)) return;
    long done = disk.submit(ctx.now(), task.writeBytes(), Disk.Access.SEQUENTIAL);
    ctx.schedule(new StoreProtocol.CompactionWritten(task), done - ctx.now());
  }

  void onCompactionWritten(CompactionTask task, ActorContext<FabricMessage> ctx) {
    if (engine.inProgress(task)) compact(engine.compactionDone(task), ctx);
  }

  /** The instance is terminated: its local disk, and every cell on it, is gone; work under way is forgotten. */
  void lose() {
    engine.wipe();
  }

  /** Starts each compaction with the sequential read of its inputs. */
  void compact(List<CompactionTask> tasks, ActorContext<FabricMessage> ctx) {
    for (CompactionTask task : tasks) {
      long done = disk.submit(ctx.now(), task.readBytes(), Disk.Access.SEQUENTIAL);
      ctx.schedule(new StoreProtocol.CompactionRead(task), done - ctx.now());
    }
  }

  StorageEngine engine() {
    return engine;
  }
}
