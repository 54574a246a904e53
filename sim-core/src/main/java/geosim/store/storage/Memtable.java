package geosim.store.storage;

import geosim.kernel.Seeds;
import java.util.Arrays;

/**
 * The memtable: the newest cell of each key written since the last flush, and the bytes they
 * take. An open-addressing hash table (linear probing, a quarter to half of the slots full) on
 * primitive arrays of 28 bytes per slot, so a key costs 56 to 112 bytes instead of a boxed map
 * entry's hundred or more. Its slot order is never exposed: a flush sorts the keys.
 *
 * <p>Size: the sum of the sizes of the cells held, one per key. An overwrite that wins replaces the
 * old cell's size; one that loses (an older timestamp) changes nothing. Cassandra's allocators do
 * not reclaim overwritten cells and count object overhead as well, so a real memtable fills faster
 * than this live-data size (a documented simplification).
 */
final class Memtable {
  private static final int INITIAL_SLOTS = 16;
  /** Largest table: 2^30 slots, 2^29 keys, far above any memtable (assumption). */
  private static final int SLOTS_MAX = 1 << 30;

  private long[] keys;
  private long[] versions;
  private long[] timestampsUs;
  private int[] sizes; // 0 marks an empty slot: a cell has at least one byte
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
    int slot = find(key);
    if (sizes[slot] == 0) {
      if (2L * (count + 1) > keys.length) {
        grow();
        slot = find(key);
      }
      keys[slot] = key;
      count++;
    } else if (Cell.compare(cell.timestampUs(), cell.version(), timestampsUs[slot], versions[slot]) <= 0) {
      return;
    }
    bytes += sizeBytes - sizes[slot];
    versions[slot] = cell.version();
    timestampsUs[slot] = cell.timestampUs();
    sizes[slot] = sizeBytes;
  }

  /** The cell held for {@code key}, or null. */
  Cell cell(long key) {
    int slot = find(key);
    return sizes[slot] == 0 ? null : new Cell(versions[slot], timestampsUs[slot]);
  }

  /** The memtable's contents as an SSTable, keys in ascending order. */
  SSTable toTable(long generation) {
    long[] sorted = new long[count];
    int n = 0;
    for (int slot = 0; slot < keys.length; slot++) {
      if (sizes[slot] != 0) sorted[n++] = keys[slot];
    }
    Arrays.sort(sorted);
    long[] tableVersions = new long[count];
    long[] tableTimestampsUs = new long[count];
    int[] tableSizes = new int[count];
    for (int i = 0; i < count; i++) {
      int slot = find(sorted[i]);
      tableVersions[i] = versions[slot];
      tableTimestampsUs[i] = timestampsUs[slot];
      tableSizes[i] = sizes[slot];
    }
    return new SSTable(generation, sorted, tableVersions, tableTimestampsUs, tableSizes);
  }

  /** The slot holding {@code key}, or the empty slot where it would go. */
  private int find(long key) {
    int mask = keys.length - 1;
    int slot = (int) Seeds.mix64(key) & mask;
    while (sizes[slot] != 0 && keys[slot] != key) slot = (slot + 1) & mask;
    return slot;
  }

  private void grow() {
    if (keys.length >= SLOTS_MAX) {
      throw new IllegalStateException("memtable is full: " + count + " keys");
    }
    long[] oldKeys = keys;
    long[] oldVersions = versions;
    long[] oldTimestampsUs = timestampsUs;
    int[] oldSizes = sizes;
    allocate(oldKeys.length * 2);
    for (int slot = 0; slot < oldKeys.length; slot++) {
      if (oldSizes[slot] == 0) continue;
      int to = find(oldKeys[slot]);
      keys[to] = oldKeys[slot];
      versions[to] = oldVersions[slot];
      timestampsUs[to] = oldTimestampsUs[slot];
      sizes[to] = oldSizes[slot];
    }
  }

  private void allocate(int slots) {
    keys = new long[slots];
    versions = new long[slots];
    timestampsUs = new long[slots];
    sizes = new int[slots];
  }
}
