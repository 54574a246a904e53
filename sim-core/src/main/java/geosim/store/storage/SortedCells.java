package geosim.store.storage;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * An immutable run of cells, one per key, keys strictly ascending: what a replica holds ({@link
 * StorageEngine#liveCells()}), or a section of it that anti-entropy repair streams to another
 * replica ({@link StorageEngine#ingest}). Each cell keeps its size in bytes (key, value and
 * overhead), so a section knows what it costs to read, send and write.
 *
 * <p>Parallel primitive arrays (28 bytes per cell), like an SSTable's.
 */
public final class SortedCells {
  private static final SortedCells EMPTY = new SortedCells(new long[0], new long[0], new long[0], new int[0]);

  private final long[] keys;
  private final long[] versions;
  private final long[] timestampsUs;
  private final int[] sizes;
  private final long totalBytes;

  private SortedCells(long[] keys, long[] versions, long[] timestampsUs, int[] sizes) {
    this.keys = keys;
    this.versions = versions;
    this.timestampsUs = timestampsUs;
    this.sizes = sizes;
    long total = 0;
    for (int size : sizes) total += size;
    this.totalBytes = total;
  }

  /** No cells. */
  public static SortedCells empty() {
    return EMPTY;
  }

  /** The cells of an SSTable, sharing its arrays (both are immutable). */
  static SortedCells of(SSTable table) {
    return table.keyCount() == 0 ? EMPTY : new SortedCells(table.keys(), table.versions(), table.timestampsUs(), table.sizes());
  }

  /**
   * Cells from lists, for tests and callers outside the engine.
   *
   * @param keys strictly ascending
   * @param cells one per key
   * @param sizeBytes each cell's size, 1 to {@link StorageEngine#MUTATION_BYTES_MAX}
   */
  public static SortedCells of(long[] keys, Cell[] cells, int sizeBytes) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(cells, "cells");
    if (keys.length != cells.length) throw new IllegalArgumentException("keys and cells must have one length");
    if (sizeBytes < 1 || sizeBytes > StorageEngine.MUTATION_BYTES_MAX) {
      throw new IllegalArgumentException("sizeBytes must be between 1 and " + StorageEngine.MUTATION_BYTES_MAX
          + ", got " + sizeBytes);
    }
    for (int i = 1; i < keys.length; i++) {
      if (keys[i] <= keys[i - 1]) throw new IllegalArgumentException("keys must be strictly ascending at index " + i);
    }
    long[] versions = new long[cells.length];
    long[] timestampsUs = new long[cells.length];
    int[] sizes = new int[cells.length];
    for (int i = 0; i < cells.length; i++) {
      versions[i] = cells[i].version();
      timestampsUs[i] = cells[i].timestampUs();
      sizes[i] = sizeBytes;
    }
    return new SortedCells(keys.clone(), versions, timestampsUs, sizes);
  }

  /** Number of cells (keys). */
  public int size() {
    return keys.length;
  }

  public boolean isEmpty() {
    return keys.length == 0;
  }

  /** The key at {@code index}, 0 to size - 1. */
  public long key(int index) {
    return keys[index];
  }

  /** The cell at {@code index}. */
  public Cell cell(int index) {
    return new Cell(versions[index], timestampsUs[index]);
  }

  /** The version of the cell at {@code index}, without boxing a {@link Cell}. */
  public long version(int index) {
    return versions[index];
  }

  /** The timestamp of the cell at {@code index}, us. */
  public long timestampUs(int index) {
    return timestampsUs[index];
  }

  /** Size of the cell at {@code index}, bytes. */
  public int sizeBytes(int index) {
    return sizes[index];
  }

  /** Sum of the cells' sizes, bytes. */
  public long totalBytes() {
    return totalBytes;
  }

  /** The cells whose index passes {@code keep}, in the same order. */
  public SortedCells select(IntPredicate keep) {
    int[] kept = new int[keys.length];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keep.test(i)) kept[n++] = i;
    }
    if (n == keys.length) return this;
    if (n == 0) return EMPTY;
    long[] k = new long[n];
    long[] v = new long[n];
    long[] t = new long[n];
    int[] s = new int[n];
    for (int j = 0; j < n; j++) {
      k[j] = keys[kept[j]];
      v[j] = versions[kept[j]];
      t[j] = timestampsUs[kept[j]];
      s[j] = sizes[kept[j]];
    }
    return new SortedCells(k, v, t, s);
  }

  /** These cells as an SSTable of {@code generation}; copies, so the table owns its arrays. */
  SSTable toTable(long generation) {
    return new SSTable(generation, keys.clone(), versions.clone(), timestampsUs.clone(), sizes.clone());
  }

  @Override
  public String toString() {
    return "SortedCells[" + keys.length + " keys, " + totalBytes + " bytes"
        + (keys.length == 0 ? "" : ", keys " + keys[0] + ".." + keys[keys.length - 1]) + "]";
  }

  /** For tests: the keys, a copy. */
  public long[] keys() {
    return Arrays.copyOf(keys, keys.length);
  }
}
