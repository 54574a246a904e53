package geosim.store.storage;

import java.util.Objects;

/**
 * A memtable being flushed: one sequential disk write of {@link #writeBytes()} that turns it into
 * an SSTable. Until the owner reports {@link StorageEngine#flushDone} the memtable stays in memory
 * and reads find its keys there at no disk cost; its bytes still count against memtable space
 * ({@link StorageEngine#flushingBytes()}), which is how write stalls arise when flushes fall behind.
 */
public final class FlushTask {
  private final long id;
  private final SSTable table;

  FlushTask(long id, SSTable table) {
    this.id = id;
    this.table = Objects.requireNonNull(table, "table");
  }

  /** This engine's number for the task, from 1 in issue order (shared with compactions). */
  public long id() {
    return id;
  }

  /** Bytes to write sequentially: the memtable's size. */
  public long writeBytes() {
    return table.sizeBytes();
  }

  /** Keys in the new SSTable. */
  public int keyCount() {
    return table.keyCount();
  }

  SSTable table() {
    return table;
  }

  @Override
  public String toString() {
    return "FlushTask[" + id + ", " + table.keyCount() + " keys, " + writeBytes() + " bytes]";
  }
}
