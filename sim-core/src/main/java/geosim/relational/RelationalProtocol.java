package geosim.relational;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorRef;

/**
 * The messages of the relational tier. A version is a GTID-like pair folded in one long: the
 * failover epoch of the shard in the high bits, the primary's log sequence number (LSN) below
 * ({@link #version}), so versions of a later epoch are newer. They are {@link FabricMessage}s so
 * that the store model's app servers can call the database servers directly (store.app.database-calls).
 */
public sealed interface RelationalProtocol extends FabricMessage {
  /** Bits of a version that hold the LSN. */
  int LSN_BITS = 44;

  /** The version of LSN {@code lsn} in epoch {@code epoch}. */
  static long version(int epoch, long lsn) {
    return ((long) epoch << LSN_BITS) | lsn;
  }

  /**
   * A client's write of {@code key}, request {@code id}; the client is the tier's own clients or an
   * app server of the store model (any actor that takes these messages).
   */
  record Write(ActorRef<? super RelationalProtocol> client, long id, long key) implements RelationalProtocol {}

  /** A client's read of {@code key}. */
  record Read(ActorRef<? super RelationalProtocol> client, long id, long key) implements RelationalProtocol {}

  /** A write committed on the primary as {@code version}. */
  record WriteAck(long id, long version) implements RelationalProtocol {}

  /** A read's answer: the version of the key the server had applied (0: none). */
  record ReadResult(long id, long version) implements RelationalProtocol {}

  /** A binlog event shipped from the primary to a replica: {@code key} written as {@code version}, committed at {@code commitNs}. */
  record Binlog(long version, long key, long commitNs) implements RelationalProtocol {}

  /** The failover manager asks a replica how far it has received the binlog. */
  record Status(ActorRef<RelationalProtocol> manager) implements RelationalProtocol {}

  /** A replica's answer: the versions it has received and applied up to. */
  record StatusReply(int replica, long received, long applied) implements RelationalProtocol {}

  /**
   * Become the primary of epoch {@code epoch}, shipping to {@code replicas}; with {@code
   * discardRelayLog}, at once, dropping the events received but not applied.
   */
  record Promote(int epoch, java.util.List<ActorRef<RelationalProtocol>> replicas, boolean discardRelayLog)
      implements RelationalProtocol {
    public Promote {
      replicas = java.util.List.copyOf(replicas);
    }
  }

  /** The shard's new primary has the versions up to {@code received}; catch up to it. */
  record Repoint(long received) implements RelationalProtocol {}

  /** Told to the clients: shard {@code shard}'s primary is now {@code primary}, which kept the versions up to {@code received}. */
  record NewPrimary(int shard, ActorRef<RelationalProtocol> primary, int replica, long received)
      implements RelationalProtocol {}

  /** Timer: a server crashes for good. */
  record Crashed() implements RelationalProtocol {}

  /** Timer: a write's CPU work is done; it commits. */
  record Committed(Write write) implements RelationalProtocol {}

  /** Timer: a read's CPU work is done. */
  record ReadDone(Read read) implements RelationalProtocol {}

  /** Timer: the SQL thread applied a binlog event. */
  record Applied(Binlog event) implements RelationalProtocol {}

  /** Timer: the failover manager declares primary {@code primary} dead. */
  record Detected(int primary, long crashNs) implements RelationalProtocol {}

  /** Timer: the next client request arrives. */
  record Arrival() implements RelationalProtocol {}

  /** Timer: request {@code id}'s time is up. */
  record Timeout(long id) implements RelationalProtocol {}
}
