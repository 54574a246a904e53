package geosim.store.audit;

/**
 * A growable column of longs in chunks of {@value #CHUNK} (32 KiB): appending never copies what is
 * stored, so a million rows cost 8 MB and at most one partly filled chunk of slack.
 */
final class LongColumn {
  static final int CHUNK = 4096;
  private static final int SHIFT = 12;
  private long[][] chunks = new long[4][];
  private int size;

  /** Appends {@code value} and returns its row. */
  int add(long value) {
    int chunk = size >>> SHIFT;
    if (chunk == chunks.length) chunks = java.util.Arrays.copyOf(chunks, chunks.length * 2);
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

  int size() {
    return size;
  }

  /** Bytes of the chunks allocated (not counting the small array of chunk references). */
  long allocatedBytes() {
    long chunksAllocated = (size + CHUNK - 1) / CHUNK;
    return chunksAllocated * CHUNK * Long.BYTES;
  }

  private void check(int row) {
    if (row < 0 || row >= size) throw new IndexOutOfBoundsException("row " + row + " of " + size);
  }
}
