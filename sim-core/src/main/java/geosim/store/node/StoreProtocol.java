package geosim.store.node;

import geosim.fabric.FabricMessage;
import geosim.fabric.FramePayload;
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
 */
public final class StoreProtocol {
  private StoreProtocol() {}

  /** Header bytes of every store message on the wire. Assumption: a CQL frame header (9 B) plus a verb and ids. */
  public static final int HEADER_BYTES = 64;

  /** Timer: the next client request arrives at this coordinator. */
  public record NextRequest() implements FabricMessage {}

  /** Timer: request {@code requestId} has waited its timeout. */
  public record RequestTimedOut(long requestId) implements FabricMessage {}

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

  /** A replica's acknowledgement of a mutation, applied and in its commit log. */
  public record MutationAck(int replica, long requestId, long flowId) implements FramePayload, FabricMessage {}

  /** A read of one key, from its coordinator to one replica. */
  public record ReadRequest(int coordinator, long requestId, long key, long flowId)
      implements FramePayload, FabricMessage {
    public ReadRequest {
      if (coordinator < 0) throw new IllegalArgumentException("coordinator must be >= 0, got " + coordinator);
    }
  }

  /**
   * A replica's answer to a read.
   *
   * @param version the version of the newest cell the replica holds, or {@link #NONE}
   */
  public record ReadResponse(int replica, long requestId, long version, long flowId)
      implements FramePayload, FabricMessage {
    /** The version of a key the replica does not hold. */
    public static final long NONE = -1;
  }

  /** Timer: the replica's CPU has handled {@code mutation}; now it is applied and logged. */
  public record MutationHandled(Mutation mutation) implements FabricMessage {}

  /** Timer: {@code mutation}'s commit-log append is on disk; now it is acknowledged. */
  public record MutationLogged(Mutation mutation) implements FabricMessage {}

  /** Timer: the replica's CPU has handled {@code read}; now the storage engine reads the key. */
  public record ReadHandled(ReadRequest read) implements FabricMessage {}

  /** Timer: {@code read}'s disk reads are done; now the answer goes back. */
  public record ReadServed(ReadRequest read, long version) implements FabricMessage {}

  /** Timer: a flush's sequential write is done. */
  public record FlushWritten(FlushTask task) implements FabricMessage {}

  /** Timer: a compaction's sequential read of its inputs is done; the merge starts on the CPU. */
  public record CompactionRead(CompactionTask task) implements FabricMessage {}

  /** Timer: a compaction's merge is done; its output is written. */
  public record CompactionMerged(CompactionTask task) implements FabricMessage {}

  /** Timer: a compaction's output is on disk. */
  public record CompactionWritten(CompactionTask task) implements FabricMessage {}
}
