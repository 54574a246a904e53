package geosim.store.audit;

import java.util.List;

/**
 * The rows one coordinator's {@link ConsistencyLog} holds at the end of a run, as a plain value
 * (Jackson-serializable): what a run's end state carries so that the audit can be finished where
 * the logs are not, e.g. on the driver of a run whose coordinators ran on other JVMs. {@link
 * ConsistencyLog#of} rebuilds the log with the same row numbers.
 *
 * @param server the coordinator, >= 0
 * @param forgottenToNs the time up to which the audit had folded rows in and forgotten them
 * @param writes the write columns: key, version, timestamp (us), start, acknowledgement, prior acknowledgements
 * @param reads the read columns: key, start, version, timestamp (us)
 */
public record LogRows(int server, long forgottenToNs, List<ColumnRows> writes, List<ColumnRows> reads) {
  static final int WRITE_COLUMNS = 6;
  static final int READ_COLUMNS = 4;

  public LogRows {
    if (server < 0) throw new IllegalArgumentException("server must be >= 0, got " + server);
    writes = List.copyOf(writes);
    reads = List.copyOf(reads);
    if (writes.size() != WRITE_COLUMNS || reads.size() != READ_COLUMNS) {
      throw new IllegalArgumentException("a log has " + WRITE_COLUMNS + " write and " + READ_COLUMNS
          + " read columns, got " + writes.size() + " and " + reads.size());
    }
    checkAligned(writes);
    checkAligned(reads);
  }

  private static void checkAligned(List<ColumnRows> columns) {
    for (ColumnRows c : columns) {
      if (c.first() != columns.get(0).first() || c.size() != columns.get(0).size()) {
        throw new IllegalArgumentException("the columns of a log must hold the same rows");
      }
    }
  }

  /** Rows held, writes and reads. */
  public long rowsHeld() {
    return (long) writes.get(0).held() + reads.get(0).held();
  }
}
