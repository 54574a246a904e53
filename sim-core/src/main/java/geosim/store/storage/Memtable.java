package geosim.store.storage;

import geosim.kernel.Seeds;
import java.util.Arrays;

/**
 * The memtable: the newest cell of each key written since the last flush, and the bytes they
 * take. An open-addressing hash table (linear probing, a quarter to half of the slots full) on
 * one primitive array of 32 bytes per slot, so a key costs 64 to 128 bytes instead of a boxed map
 * entry's hundred or more. A slot's four fields (key, version, timestamp, size) sit side by side
 * in one array, so a lookup touches one cache line, not four arrays. Its slot order is never
 * exposed: a flush sorts the keys.
 *
 * <p>Size: the sum of the sizes of the cells held, one per key. An overwrite that wins replaces the
 * old cell's size; one that loses (an older timestamp) changes nothing. Cassandra's allocators do
 * not reclaim overwritten cells and count object overhead as well, so a real memtable fills faster
 * than this live-data size (a documented simplification).
 */
final class Memtable {
  private static final int INITIAL_SLOTS = 16;
  /** Largest table: 2^28 slots, 2^27 keys, far above any memtable (assumption). */
  private static final int SLOTS_MAX = 1 << 28;
  /** Longs per slot: key, version, timestamp (us), size (bytes; 0 marks an empty slot: a cell has at least one byte). */
  private static final int STRIDE = 4;
  private static final int KEY = 0;
  private static final int VERSION = 1;
  private static final int TIMESTAMP = 2;
  private static final int SIZE = 3;

  private long[] table;
  private int slots;
  private int count;
  private long bytes;

  Memtable() {
    allocate(INITIAL_SLOTS);
  }

  int keyCount() {
    return count;
  }

  long bytes() {
    return bytes;
  }

  boolean isEmpty() {
    return count == 0;
  }

  /** Applies a write: the cell replaces the held one only if it supersedes it (last write wins). */
  void apply(long key, Cell cell, int sizeBytes) {
    int at = find(key);
    if (table[at + SIZE] == 0) {
      if (2L * (count + 1) > slots) {
        grow();
        at = find(key);
      }
      table[at + KEY] = key;
      count++;
    } else if (Cell.compare(cell.timestampUs(), cell.version(), table[at + TIMESTAMP], table[at + VERSION]) <= 0) {
      return;
    }
    bytes += sizeBytes - table[at + SIZE];
    table[at + VERSION] = cell.version();
    table[at + TIMESTAMP] = cell.timestampUs();
    table[at + SIZE] = sizeBytes;
  }

  /** The cell held for {@code key}, or null. */
  Cell cell(long key) {
    int at = find(key);
    return table[at + SIZE] == 0 ? null : new Cell(table[at + VERSION], table[at + TIMESTAMP]);
  }

  /** The memtable's contents as an SSTable, keys in ascending order. */
  SSTable toTable(long generation) {
    long[] sorted = new long[count];
    int n = 0;
    for (int at = 0; at < table.length; at += STRIDE) {
      if (table[at + SIZE] != 0) sorted[n++] = table[at + KEY];
    }
    Arrays.sort(sorted);
    long[] tableVersions = new long[count];
    long[] tableTimestampsUs = new long[count];
    int[] tableSizes = new int[count];
    for (int i = 0; i < count; i++) {
      int at = find(sorted[i]);
      tableVersions[i] = table[at + VERSION];
      tableTimestampsUs[i] = table[at + TIMESTAMP];
      tableSizes[i] = (int) table[at + SIZE];
    }
    return new SSTable(generation, sorted, tableVersions, tableTimestampsUs, tableSizes);
  }

  /** The index in {@code table} of the slot holding {@code key}, or of the empty slot where it would go. */
  private int find(long key) {
    int mask = slots - 1;
    int slot = (int) Seeds.mix64(key) & mask;
    while (table[slot * STRIDE + SIZE] != 0 && table[slot * STRIDE + KEY] != key) slot = (slot + 1) & mask;
    return slot * STRIDE;
  }

  private void grow() {
    if (slots >= SLOTS_MAX) {
      throw new IllegalStateException("memtable is full: " + count + " keys");
    }
    long[] old = table;
    allocate(slots * 2);
    for (int at = 0; at < old.length; at += STRIDE) {
      if (old[at + SIZE] == 0) continue;
      int to = find(old[at + KEY]);
      System.arraycopy(old, at, table, to, STRIDE);
    }
  }

  private void allocate(int newSlots) {
    slots = newSlots;
    table = new long[newSlots * STRIDE];
  }

  /** Bytes of the memtable's table on the heap. */
  long heapBytes() {
    return table.length * (long) Long.BYTES;
  }
}
