package geosim.store.audit;

import java.util.Arrays;

/**
 * A growable column of longs in chunks of {@value #CHUNK} (32 KiB): appending never copies what is
 * stored, so a million rows cost 8 MB and at most one partly filled chunk of slack.
 *
 * <p>Rows keep their numbers for good. {@link #forgetBefore} frees the chunks wholly below a row,
 * so a column that is appended at one end and forgotten at the other holds only its live rows (and
 * 8 bytes per 4,096 rows ever added for the chunk references).
 */
final class LongColumn {
  static final int CHUNK = 4096;
  private static final int SHIFT = 12;
  private long[][] chunks = new long[4][];
  private int size;
  private int first;

  /** An empty column. */
  LongColumn() {}

  /** A column holding {@code rows} (sharing their chunks), appendable from {@code rows.size()} on. */
  LongColumn(ColumnRows rows) {
    long[][] refs = rows.chunkRefs();
    chunks = Arrays.copyOf(refs, Math.max(4, refs.length));
    size = rows.size();
    first = rows.first();
  }

  /** The rows held as a value, sharing the chunks (see {@link ColumnRows}). */
  ColumnRows rows() {
    return new ColumnRows(first, size, Arrays.copyOf(chunks, (size + CHUNK - 1) >>> SHIFT));
  }

  /** Appends {@code value} and returns its row. */
  int add(long value) {
    if (size == Integer.MAX_VALUE) throw new IllegalStateException("a column holds at most 2^31 - 1 rows");
    int chunk = size >>> SHIFT;
    if (chunk == chunks.length) chunks = Arrays.copyOf(chunks, chunks.length * 2);
    if (chunks[chunk] == null) chunks[chunk] = new long[CHUNK];
    chunks[chunk][size & (CHUNK - 1)] = value;
    return size++;
  }

  long get(int row) {
    check(row);
    return chunks[row >>> SHIFT][row & (CHUNK - 1)];
  }

  void set(int row, long value) {
    check(row);
    chunks[row >>> SHIFT][row & (CHUNK - 1)] = value;
  }

  /** Rows ever added: one past the last row. */
  int size() {
    return size;
  }

  /** The first row not forgotten. */
  int first() {
    return first;
  }

  /** Forgets every row before {@code row} (first() to size()); their values can no longer be read. */
  void forgetBefore(int row) {
    if (row < first || row > size) throw new IndexOutOfBoundsException("row " + row + " outside " + first + ".." + size);
    for (int c = first >>> SHIFT; c < row >>> SHIFT; c++) chunks[c] = null;
    first = row;
  }

  /** Bytes of the chunks allocated (not counting the small array of chunk references). */
  long allocatedBytes() {
    long chunksAllocated = 0;
    for (long[] chunk : chunks) {
      if (chunk != null) chunksAllocated++;
    }
    return chunksAllocated * CHUNK * Long.BYTES;
  }

  private void check(int row) {
    if (row < first || row >= size) throw new IndexOutOfBoundsException("row " + row + " outside " + first + ".." + size);
  }
}
