package geosim.store.audit;

import java.util.Arrays;

/**
 * The rows of one log column as a plain value, for a run's end state ({@link LogRows}): rows
 * {@code first} to {@code size - 1}, stored in chunks of {@value LongColumn#CHUNK} longs, chunk
 * {@code c} holding rows {@code c * 4096} to {@code c * 4096 + 4095}; chunks wholly below {@code
 * first} are null (the audit forgot them). Taken from a column without copying its chunks: the run
 * is over, nothing appends any more.
 *
 * @param first the first row held, 0 to size
 * @param size one past the last row ever added
 * @param chunks ceil(size / 4096) chunks of 4096 longs, null below first's chunk
 */
public record ColumnRows(int first, int size, long[][] chunks) {
  public ColumnRows {
    if (first < 0 || first > size) {
      throw new IllegalArgumentException("need 0 <= first <= size, got " + first + ", " + size);
    }
    int needed = (int) ((size + (long) LongColumn.CHUNK - 1) / LongColumn.CHUNK);
    if (chunks == null || chunks.length != needed) {
      throw new IllegalArgumentException("rows 0 to " + size + " need " + needed + " chunks, got "
          + (chunks == null ? "none" : chunks.length));
    }
    for (int c = first / LongColumn.CHUNK; c < needed; c++) {
      if (chunks[c] == null || chunks[c].length != LongColumn.CHUNK) {
        throw new IllegalArgumentException("chunk " + c + " of rows held must have " + LongColumn.CHUNK + " longs");
      }
    }
  }

  /** Rows held: size - first. */
  public int held() {
    return size - first;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ColumnRows other) || other.first != first || other.size != size) return false;
    for (int row = first; row < size; row++) {
      if (value(row) != other.value(row)) return false;
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 31 * first + size;
    for (int row = first; row < size; row++) h = 31 * h + Long.hashCode(value(row));
    return h;
  }

  @Override
  public String toString() {
    return "ColumnRows[" + first + ".." + size + "]";
  }

  long value(int row) {
    return chunks[row / LongColumn.CHUNK][row % LongColumn.CHUNK];
  }

  /** A copy of the chunk references (the chunks themselves are shared). */
  long[][] chunkRefs() {
    return Arrays.copyOf(chunks, chunks.length);
  }
}
