package geosim.store.audit;

import geosim.store.storage.Cell;
import java.util.List;
import java.util.Objects;

/**
 * The consistency audit of a run [1]: stale reads and lost acknowledged writes, from every
 * coordinator's {@link ConsistencyLog} and the state the replicas converge to.
 *
 * <ul>
 *   <li><b>Stale read</b>: a read that started after some write of its key was acknowledged and
 *       returned a cell older than it in last-write-wins order ({@link Cell}: timestamp, then
 *       version). A read that starts at the very nanosecond of an acknowledgement does not count
 *       as after it.
 *   <li><b>Lost acknowledged write</b>: an acknowledged write W whose key's converged cell (the
 *       last-write-wins maximum over all its replicas at the end of the run, what a full repair
 *       converges to) is neither W nor a write that could have overwritten it: a write concurrent
 *       with W or started after W's acknowledgement. So W is lost when the key converged to no
 *       cell, or to a write acknowledged before W started (it can win only by a clock ahead), a
 *       cell loaded before the run ({@link Versions#PRELOADED}) included. A
 *       write that failed or is still in flight has an unknown end and counts as concurrent; so
 *       does a cell of a write no log holds.
 * </ul>
 *
 * <p>Determinism: acknowledgements and reads are merged from all logs sorted by (key, time,
 * read-before-acknowledgement, server, row), never in the order partitions ran, so the counts are
 * the same at any partitioning. Cost: 48 bytes per acknowledged write or read for the sort.
 *
 * <p>It also counts, over the keys the logs name, the replicas left behind the converged cell at
 * the end: what hints, read repair and anti-entropy repair have not yet fixed.
 *
 * <p>[1] GitHub issue 5 of geosim, "Consistency audit"; DESIGN.md section 5.
 */
public final class ConsistencyAudit {
  private static final int READ = 0;
  private static final int ACK = 1;
  private static final long ROW_MASK = (1L << 31) - 1;
  private static final int SERVER_SHIFT = 31;
  private static final int KIND_SHIFT = 62;

  private final List<ConsistencyLog> logs;

  private ConsistencyAudit(List<ConsistencyLog> logs) {
    this.logs = logs;
  }

  /**
   * Audits a run.
   *
   * @param logs every coordinator's log, log i belonging to server i, with versions from {@link Versions}
   * @param states what the replicas hold at the end of the run
   */
  public static ConsistencyReport audit(List<ConsistencyLog> logs, ReplicaStates states) {
    Objects.requireNonNull(states, "states");
    List<ConsistencyLog> copy = List.copyOf(logs);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).server() != i) {
        throw new IllegalArgumentException("log " + i + " belongs to server " + copy.get(i).server());
      }
    }
    return new ConsistencyAudit(copy).run(states);
  }

  private ConsistencyReport run(ReplicaStates states) {
    long[] refs = refs();
    long[] keys = new long[refs.length];
    long[] times = new long[refs.length];
    for (int r = 0; r < refs.length; r++) {
      keys[r] = key(refs[r]);
      times[r] = time(refs[r]);
    }
    // By key, time, read before acknowledgement, server, row (the reference packs the last three in that order).
    RowSort.sort(keys, times, refs, refs.length);
    long reads = 0;
    long stale = 0;
    long acked = 0;
    long lost = 0;
    long behind = 0;
    int i = 0;
    while (i < refs.length) {
      long key = keys[i];
      Cell winner = states.converged(key);
      behind += states.replicasBehind(key, winner);
      long winnerAckNs = winner == null ? ConsistencyLog.OPEN : ackOf(winner.version());
      Cell newestAcked = null;
      for (; i < refs.length && keys[i] == key; i++) {
        ConsistencyLog log = logs.get(server(refs[i]));
        int row = row(refs[i]);
        if (kind(refs[i]) == ACK) {
          acked++;
          Cell written = log.writeCell(row);
          if (newestAcked == null || written.supersedes(newestAcked)) newestAcked = written;
          if (lost(written, log.writeStartNs(row), winner, winnerAckNs)) lost++;
        } else {
          reads++;
          Cell returned = new Cell(log.readVersion(row), log.readTimestampUs(row));
          if (newestAcked != null && newestAcked.supersedes(returned)) stale++;
        }
      }
    }
    return new ConsistencyReport(reads, stale, acked, lost, behind);
  }

  /** Whether acknowledged write {@code written}, started at {@code startNs}, is lost to {@code winner}. */
  static boolean lost(Cell written, long startNs, Cell winner, long winnerAckNs) {
    if (winner == null) return true;
    if (winner.version() == written.version()) return false;
    return winnerAckNs != ConsistencyLog.OPEN && winnerAckNs < startNs;
  }

  /**
   * The acknowledgement time of the write with {@code version}, or OPEN if unknown or never
   * acknowledged; a preloaded cell's is before any write ({@link Long#MIN_VALUE}).
   */
  private long ackOf(long version) {
    if (version == Versions.PRELOADED) return Long.MIN_VALUE;
    if (version < 0 || logs.isEmpty()) return ConsistencyLog.OPEN;
    ConsistencyLog log = logs.get(Versions.serverOf(version, logs.size()));
    int row = log.rowOfVersion(version);
    return row < 0 ? ConsistencyLog.OPEN : log.writeAckNs(row);
  }

  private long[] refs() {
    long count = 0;
    for (ConsistencyLog log : logs) {
      count += log.reads();
      for (int row = 0; row < log.writes(); row++) {
        if (log.writeAckNs(row) != ConsistencyLog.OPEN) count++;
      }
    }
    if (count > Integer.MAX_VALUE - 8) throw new IllegalStateException("too many operations to audit: " + count);
    long[] refs = new long[(int) count];
    int n = 0;
    for (ConsistencyLog log : logs) {
      for (int row = 0; row < log.writes(); row++) {
        if (log.writeAckNs(row) != ConsistencyLog.OPEN) refs[n++] = ref(log.server(), ACK, row);
      }
      for (int row = 0; row < log.reads(); row++) refs[n++] = ref(log.server(), READ, row);
    }
    return refs;
  }

  private long key(long ref) {
    ConsistencyLog log = logs.get(server(ref));
    return kind(ref) == ACK ? log.writeKey(row(ref)) : log.readKey(row(ref));
  }

  private long time(long ref) {
    ConsistencyLog log = logs.get(server(ref));
    return kind(ref) == ACK ? log.writeAckNs(row(ref)) : log.readStartNs(row(ref));
  }

  /** A row of a log: kind, server and row packed so that their numeric order is (kind, server, row). */
  private static long ref(int server, int kind, int row) {
    return ((long) kind << KIND_SHIFT) | ((long) server << SERVER_SHIFT) | row;
  }

  private static int server(long ref) {
    return (int) ((ref >>> SERVER_SHIFT) & ROW_MASK);
  }

  private static int kind(long ref) {
    return (int) (ref >>> KIND_SHIFT);
  }

  private static int row(long ref) {
    return (int) (ref & ROW_MASK);
  }
}
