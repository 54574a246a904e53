package geosim.store.node;

import geosim.fabric.FabricMessage;
import geosim.fabric.FramePayload;
import geosim.kernel.ActorRef;
import geosim.store.audit.Versions;
import geosim.store.storage.Cell;
import geosim.store.storage.CompactionTask;
import geosim.store.storage.FlushTask;
import java.util.Objects;

/**
 * Messages of the store servers. {@link Mutation}, {@link MutationAck}, {@link ReadRequest} and
 * {@link ReadResponse} travel in frames over the fabric between a coordinator and a replica (or,
 * when the coordinator is itself a replica, go straight to itself as a zero-delay timer); the
 * others are a server's own timers. Servers are named by their index in {@code
 * Topology.servers()}, which is also their ring node index.
 *
 * <p>[1] Apache Cassandra 3.11 source, {@code org.apache.cassandra.service.AbstractReadExecutor}
 * (one data request to the closest replica, digest requests to the others) and {@code
 * DigestResolver} / {@code DataResolver} (digest comparison, full-data resolution, repair).
 */
public final class StoreProtocol {
  private StoreProtocol() {}

  /** Header bytes of every store message on the wire. Assumption: a CQL frame header (9 B) plus a verb and ids. */
  public static final int HEADER_BYTES = 64;

  /**
   * The request id of a mutation sent to a pending replica (one that will hold the key once a
   * bootstrap or decommission completes): the write does not wait for it, so its ack is dropped.
   */
  static final long UNTRACKED = Long.MIN_VALUE;

  /** Timer: the next client request arrives at this coordinator. */
  public record NextRequest() implements FabricMessage {}

  /**
   * A client's request to this coordinator ({@code geosim.store.client}): a read or a write of one
   * key. It comes straight from the client actor, not over the fabric (the client's access network
   * is a fixed delay), and the answer goes back after {@code replyDelayNs}.
   *
   * @param client where the answer goes
   * @param requestId the client's number of the request
   * @param read a read, else a write
   * @param key the key
   * @param replyDelayNs delay of the answer back to the client, ns, > 0
   */
  public record ClientRequest(ActorRef<FabricMessage> client, long requestId, boolean read, long key,
      long replyDelayNs) implements FabricMessage {
    public ClientRequest {
      Objects.requireNonNull(client, "client");
      if (replyDelayNs <= 0) throw new IllegalArgumentException("replyDelayNs must be > 0, got " + replyDelayNs);
    }
  }

  /** A coordinator's answer to a {@link ClientRequest}: whether it met its consistency level. */
  public record ClientResponse(long requestId, boolean ok) implements FabricMessage {}

  /** Timer: the earliest queued deadline of {@code op}'s requests ({@link Deadlines}) has come. */
  public record TimeoutsDue(int op) implements FabricMessage {}

  /**
   * A write of one key, from its coordinator to one replica.
   *
   * @param coordinator index of the coordinating server, >= 0
   * @param requestId the coordinator's number of the request
   * @param key the key written
   * @param cell the version written and its timestamp
   * @param flowId ECMP flow id of the exchange; the answer uses it too
   */
  public record Mutation(int coordinator, long requestId, long key, Cell cell, long flowId)
      implements FramePayload, FabricMessage {
    public Mutation {
      if (coordinator < 0) throw new IllegalArgumentException("coordinator must be >= 0, got " + coordinator);
      Objects.requireNonNull(cell, "cell");
    }
  }

  /**
   * A replica's acknowledgement of a mutation, applied and in its commit log.
   *
   * @param appliedNs when the replica applied the mutation (readers could see it from then on),
   *     for the consistency audit's visibility times
   */
  public record MutationAck(int replica, long requestId, long flowId, long appliedNs)
      implements FramePayload, FabricMessage {}

  /** Bytes of a digest in a digest answer: an MD5 hash, as Cassandra's digest reads return [1]. */
  public static final int DIGEST_BYTES = 16;

  /**
   * What a read asks of a replica (Cassandra 3.x read path [1]): the full data, only a digest of
   * it, or the full data again after a digest mismatch, to resolve and repair.
   */
  public enum ReadKind {
    /** The full data: the one replica the coordinator takes its answer from. */
    DATA,
    /** A digest ({@value #DIGEST_BYTES} bytes) of the data: the other replicas asked. */
    DIGEST,
    /** The full data after a digest mismatch, to resolve the newest cell and repair the stale replicas. */
    RESOLVE
  }

  /** A read of one key, from its coordinator to one replica. */
  public record ReadRequest(int coordinator, long requestId, long key, ReadKind kind, long flowId)
      implements FramePayload, FabricMessage {
    public ReadRequest {
      if (coordinator < 0) throw new IllegalArgumentException("coordinator must be >= 0, got " + coordinator);
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * A replica's answer to a read. A digest answer carries the cell too, but the coordinator uses
   * it only to compare digests: two digests match exactly when the cells are equal.
   *
   * @param cell the newest cell the replica holds, or {@link #NO_CELL}
   * @param kind the kind of the read answered
   */
  public record ReadResponse(int replica, long requestId, Cell cell, ReadKind kind, long flowId)
      implements FramePayload, FabricMessage {
    public ReadResponse {
      Objects.requireNonNull(cell, "cell");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** The cell of a key a replica does not hold: version -1, older than any write in last-write-wins order. */
  public static final Cell NO_CELL = new Cell(-1, Long.MIN_VALUE);

  /**
   * The cell of a key loaded before the run ({@code store.workload.preloaded-keys}): newer than
   * {@link #NO_CELL}, older than any write (timestamps are microseconds of a clock within a day of
   * true time).
   */
  public static final Cell PRELOADED_CELL = new Cell(Versions.PRELOADED, Long.MIN_VALUE + 1);

  /** Timer: the background part of read {@code requestId} (read repair beyond the level) gives up waiting. */
  public record ReadRepairExpired(long requestId) implements FabricMessage {}

  /** Timer: read {@code requestId} has waited its speculative-retry delay. */
  public record ReadSpeculate(long requestId) implements FabricMessage {}

  /** Timer: the replica's CPU has handled {@code mutation}; now it is applied and logged. */
  public record MutationHandled(Mutation mutation) implements FabricMessage {}

  /** Timer: {@code mutation}'s commit-log append is on disk; now it is acknowledged. */
  public record MutationLogged(Mutation mutation, long appliedNs) implements FabricMessage {}

  /** Timer: the replica's CPU has handled {@code read}; now the storage engine reads the key. */
  public record ReadHandled(ReadRequest read) implements FabricMessage {}

  /** Timer: {@code read}'s disk reads are done; now the answer goes back. */
  public record ReadServed(ReadRequest read, Cell cell) implements FabricMessage {}

  /** Timer: a flush's sequential write is done. */
  public record FlushWritten(FlushTask task) implements FabricMessage {}

  /** Timer: a compaction's sequential read of its inputs is done; the merge starts on the CPU. */
  public record CompactionRead(CompactionTask task) implements FabricMessage {}

  /** Timer: a compaction's merge is done; its output is written. */
  public record CompactionMerged(CompactionTask task) implements FabricMessage {}

  /** Timer: a compaction's output is on disk. */
  public record CompactionWritten(CompactionTask task) implements FabricMessage {}
}
