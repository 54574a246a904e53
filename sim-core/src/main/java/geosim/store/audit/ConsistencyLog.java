package geosim.store.audit;

import geosim.store.storage.Cell;
import java.util.Objects;

/**
 * One coordinator's operations as the audit needs them, in primitive columns: for each write it
 * started, its key, cell (version, timestamp), start time and acknowledgement time (or {@link
 * #OPEN}: failed, timed out or still in flight, an unknown end); for each read it answered, its
 * key, start time and the cell it returned. A write costs 40 bytes, a read 32, so a million
 * operations cost about 36 MB over all coordinators.
 *
 * <p>Writes are logged in the order they start, which is the order of their versions ({@link
 * Versions}), so a version's row is found by binary search.
 */
public final class ConsistencyLog {
  /** Acknowledgement time of a write that was never acknowledged. */
  public static final long OPEN = -1;

  private final int server;
  private final LongColumn writeKey = new LongColumn();
  private final LongColumn writeVersion = new LongColumn();
  private final LongColumn writeTimestampUs = new LongColumn();
  private final LongColumn writeStartNs = new LongColumn();
  private final LongColumn writeAckNs = new LongColumn();
  private final LongColumn readKey = new LongColumn();
  private final LongColumn readStartNs = new LongColumn();
  private final LongColumn readVersion = new LongColumn();
  private final LongColumn readTimestampUs = new LongColumn();

  /** An empty log of coordinator {@code server} (>= 0). */
  public ConsistencyLog(int server) {
    if (server < 0) throw new IllegalArgumentException("server must be >= 0, got " + server);
    this.server = server;
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
    int rows = writeVersion.size();
    if (rows > 0 && cell.version() <= writeVersion.get(rows - 1)) {
      throw new IllegalArgumentException("write versions must increase: " + cell.version() + " after "
          + writeVersion.get(rows - 1));
    }
    writeKey.add(key);
    writeVersion.add(cell.version());
    writeTimestampUs.add(cell.timestampUs());
    writeStartNs.add(startNs);
    return writeAckNs.add(OPEN);
  }

  /** The client was told that the write of {@code row} succeeded at {@code ackNs} (>= its start). */
  public void writeAcknowledged(int row, long ackNs) {
    if (ackNs < writeStartNs.get(row)) {
      throw new IllegalArgumentException("ack at " + ackNs + " ns precedes the write's start at " + writeStartNs.get(row));
    }
    writeAckNs.set(row, ackNs);
  }

  /** Logs a read that started at {@code startNs} and returned {@code cell} (a cell with version -1 for none). */
  public void readReturned(long key, long startNs, Cell cell) {
    Objects.requireNonNull(cell, "cell");
    readKey.add(key);
    readStartNs.add(startNs);
    readVersion.add(cell.version());
    readTimestampUs.add(cell.timestampUs());
  }

  /** Bytes the log's columns have allocated: about 40 per write and 32 per read, plus at most a chunk per column. */
  public long allocatedBytes() {
    long total = 0;
    for (LongColumn c : new LongColumn[] {writeKey, writeVersion, writeTimestampUs, writeStartNs, writeAckNs, readKey,
        readStartNs, readVersion, readTimestampUs}) {
      total += c.allocatedBytes();
    }
    return total;
  }

  public int writes() {
    return writeKey.size();
  }

  public int reads() {
    return readKey.size();
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

  /** The row of the write with {@code version}, or -1 if this coordinator started none with it. */
  int rowOfVersion(long version) {
    int lo = 0;
    int hi = writeVersion.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long v = writeVersion.get(mid);
      if (v < version) {
        lo = mid + 1;
      } else if (v > version) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}
