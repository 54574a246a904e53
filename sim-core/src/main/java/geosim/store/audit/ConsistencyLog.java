package geosim.store.audit;

import geosim.store.storage.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One coordinator's operations as the audit needs them, in primitive columns: for each write it
 * started, its key, cell (version, timestamp), start time and acknowledgement time (or {@link
 * #OPEN}: failed, timed out or still in flight, an unknown end); for each read it answered, its
 * key, start time and the cell it returned. A write costs 48 bytes, a read 32, so a million
 * operations held cost about 40 MB over all coordinators.
 *
 * <p>Writes are logged in the order they start, which is the order of their versions ({@link
 * Versions}); reads in the order they return. Rows keep their numbers; the audit forgets rows it
 * has folded in ({@link ConsistencyAudit#drain}), so a long run's log holds only its last
 * operations.
 */
public final class ConsistencyLog {
  /** Acknowledgement time of a write that was never acknowledged. */
  public static final long OPEN = -1;

  private final int server;
  private final LongColumn writeKey;
  private final LongColumn writeVersion;
  private final LongColumn writeTimestampUs;
  private final LongColumn writeStartNs;
  private final LongColumn writeAckNs;
  private final LongColumn writePriorAcks;
  private final LongColumn readKey;
  private final LongColumn readStartNs;
  private final LongColumn readVersion;
  private final LongColumn readTimestampUs;
  private long forgottenToNs = Long.MIN_VALUE;
  private long lastVersion = Long.MIN_VALUE;

  /** An empty log of coordinator {@code server} (>= 0). */
  public ConsistencyLog(int server) {
    this(server, new LongColumn[LogRows.WRITE_COLUMNS], new LongColumn[LogRows.READ_COLUMNS]);
  }

  private ConsistencyLog(int server, LongColumn[] w, LongColumn[] r) {
    if (server < 0) throw new IllegalArgumentException("server must be >= 0, got " + server);
    this.server = server;
    for (int i = 0; i < w.length; i++) w[i] = w[i] == null ? new LongColumn() : w[i];
    for (int i = 0; i < r.length; i++) r[i] = r[i] == null ? new LongColumn() : r[i];
    writeKey = w[0];
    writeVersion = w[1];
    writeTimestampUs = w[2];
    writeStartNs = w[3];
    writeAckNs = w[4];
    writePriorAcks = w[5];
    readKey = r[0];
    readStartNs = r[1];
    readVersion = r[2];
    readTimestampUs = r[3];
  }

  /**
   * The log that {@code rows} were taken from, with the same row numbers (sharing their chunks):
   * for the audit only, after the run; nothing is logged to it.
   */
  public static ConsistencyLog of(LogRows rows) {
    LongColumn[] w = new LongColumn[LogRows.WRITE_COLUMNS];
    LongColumn[] r = new LongColumn[LogRows.READ_COLUMNS];
    for (int i = 0; i < w.length; i++) w[i] = new LongColumn(rows.writes().get(i));
    for (int i = 0; i < r.length; i++) r[i] = new LongColumn(rows.reads().get(i));
    ConsistencyLog log = new ConsistencyLog(rows.server(), w, r);
    log.forgottenToNs = rows.forgottenToNs();
    log.lastVersion = Long.MAX_VALUE;
    return log;
  }

  /** The rows held, as a value (the chunks are shared, not copied): call after the run. */
  public LogRows rows() {
    List<ColumnRows> w = new ArrayList<>(LogRows.WRITE_COLUMNS);
    List<ColumnRows> r = new ArrayList<>(LogRows.READ_COLUMNS);
    for (LongColumn c : writeColumns()) w.add(c.rows());
    for (LongColumn c : readColumns()) r.add(c.rows());
    return new LogRows(server, forgottenToNs, w, r);
  }

  public int server() {
    return server;
  }

  /**
   * Logs a write that starts now; its versions must increase from one call to the next.
   *
   * @return the write's row, for {@link #writeAcknowledged}
   */
  public int writeStarted(long key, Cell cell, long startNs) {
    Objects.requireNonNull(cell, "cell");
    if (cell.version() <= lastVersion) {
      throw new IllegalArgumentException("write versions must increase: " + cell.version() + " after " + lastVersion);
    }
    lastVersion = cell.version();
    writeKey.add(key);
    writeVersion.add(cell.version());
    writeTimestampUs.add(cell.timestampUs());
    writeStartNs.add(startNs);
    writePriorAcks.add(0);
    return writeAckNs.add(OPEN);
  }

  /** The client was told that the write of {@code row} succeeded at {@code ackNs} (>= its start). */
  public void writeAcknowledged(int row, long ackNs) {
    if (row < writeAckNs.first()) {
      throw new IllegalStateException("write row " + row + " was acknowledged at " + ackNs
          + " ns after the audit took it for failed (it folds writes in up to " + forgottenToNs + " ns)");
    }
    if (ackNs < writeStartNs.get(row)) {
      throw new IllegalArgumentException("ack at " + ackNs + " ns precedes the write's start at " + writeStartNs.get(row));
    }
    writeAckNs.set(row, ackNs);
  }

  /** Logs a read that started at {@code startNs} and returned {@code cell} (a cell with version -1 for none). */
  public void readReturned(long key, long startNs, Cell cell) {
    Objects.requireNonNull(cell, "cell");
    if (startNs <= forgottenToNs) {
      throw new IllegalStateException("a read started at " + startNs + " ns returned after the audit folded in reads up to "
          + forgottenToNs + " ns");
    }
    readKey.add(key);
    readStartNs.add(startNs);
    readVersion.add(cell.version());
    readTimestampUs.add(cell.timestampUs());
  }

  /** Bytes the log's columns have allocated: about 48 per write and 32 per read held, plus at most a chunk per column. */
  public long allocatedBytes() {
    long total = 0;
    for (LongColumn c : writeColumns()) total += c.allocatedBytes();
    for (LongColumn c : readColumns()) total += c.allocatedBytes();
    return total;
  }

  private LongColumn[] writeColumns() {
    return new LongColumn[] {writeKey, writeVersion, writeTimestampUs, writeStartNs, writeAckNs, writePriorAcks};
  }

  private LongColumn[] readColumns() {
    return new LongColumn[] {readKey, readStartNs, readVersion, readTimestampUs};
  }

  /** Writes logged over the run, including forgotten ones (rows 0 to writes() - 1). */
  public int writes() {
    return writeKey.size();
  }

  /** Reads logged over the run, including forgotten ones. */
  public int reads() {
    return readKey.size();
  }

  /** The first write row not forgotten. */
  int firstWrite() {
    return writeKey.first();
  }

  /** The first read row not forgotten. */
  int firstRead() {
    return readKey.first();
  }

  /** Rows held (not forgotten), writes and reads. */
  public long rowsHeld() {
    return (writes() - firstWrite()) + (long) (reads() - firstRead());
  }

  /**
   * Forgets the write rows before {@code writeRow} and the read rows before {@code readRow}: the
   * audit has folded in every operation up to {@code foldedToNs}. A write row forgotten before
   * its acknowledgement, or a read started by then and logged later, is an error (the audit's
   * horizon was too short).
   */
  void forget(int writeRow, int readRow, long foldedToNs) {
    for (LongColumn c : writeColumns()) c.forgetBefore(writeRow);
    for (LongColumn c : readColumns()) c.forgetBefore(readRow);
    forgottenToNs = Math.max(forgottenToNs, foldedToNs);
  }

  /** Acknowledged writes of the key of {@code row} acknowledged before the write of {@code row} started. */
  long writePriorAcks(int row) {
    return writePriorAcks.get(row);
  }

  void setWritePriorAcks(int row, long count) {
    writePriorAcks.set(row, count);
  }

  long writeKey(int row) {
    return writeKey.get(row);
  }

  Cell writeCell(int row) {
    return new Cell(writeVersion.get(row), writeTimestampUs.get(row));
  }

  long writeVersion(int row) {
    return writeVersion.get(row);
  }

  long writeTimestampUs(int row) {
    return writeTimestampUs.get(row);
  }

  long writeStartNs(int row) {
    return writeStartNs.get(row);
  }

  long writeAckNs(int row) {
    return writeAckNs.get(row);
  }

  long readKey(int row) {
    return readKey.get(row);
  }

  long readStartNs(int row) {
    return readStartNs.get(row);
  }

  long readVersion(int row) {
    return readVersion.get(row);
  }

  long readTimestampUs(int row) {
    return readTimestampUs.get(row);
  }
}
