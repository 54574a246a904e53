package geosim.store.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable sorted table: the newest cell of each of its keys, as written by one flush or one
 * compaction. Keys are a sorted {@code long[]} with parallel arrays of versions, timestamps and
 * sizes (28 bytes per key), so a lookup is a binary search and 10^6 keys take 28 MB.
 *
 * <p>Its size is the sum of its cells' sizes: the bytes a flush or compaction writes and a
 * compaction reads back. The generation orders tables by creation, as Cassandra numbers its
 * SSTable files.
 */
final class SSTable {
  private final long generation;
  private final long[] keys;
  private final long[] versions;
  private final long[] timestampsUs;
  private final int[] sizes;
  private final long sizeBytes;

  /** Takes ownership of the arrays: keys strictly ascending, all arrays of one length. */
  SSTable(long generation, long[] keys, long[] versions, long[] timestampsUs, int[] sizes) {
    this.generation = generation;
    this.keys = keys;
    this.versions = versions;
    this.timestampsUs = timestampsUs;
    this.sizes = sizes;
    long total = 0;
    for (int size : sizes) total += size;
    this.sizeBytes = total;
  }

  /** Bytes of the table's arrays on the heap. */
  long heapBytes() {
    return keys.length * (3L * Long.BYTES + Integer.BYTES);
  }

  long generation() {
    return generation;
  }

  long sizeBytes() {
    return sizeBytes;
  }

  int keyCount() {
    return keys.length;
  }

  /** The index of {@code key}, or a negative number if the table does not hold it. */
  int indexOf(long key) {
    return Arrays.binarySearch(keys, key);
  }

  Cell cellAt(int index) {
    return new Cell(versions[index], timestampsUs[index]);
  }

  int sizeAt(int index) {
    return sizes[index];
  }

  /** The arrays themselves, for {@link SortedCells}, which never changes them. */
  long[] keys() {
    return keys;
  }

  long[] versions() {
    return versions;
  }

  long[] timestampsUs() {
    return timestampsUs;
  }

  int[] sizes() {
    return sizes;
  }

  /**
   * Merges tables into one with the given generation: the union of their keys, each with its newest
   * cell (last write wins). Merges pairwise in rounds, O(total keys × log(tables)).
   */
  static SSTable merge(long generation, List<SSTable> inputs) {
    if (inputs.isEmpty()) throw new IllegalArgumentException("inputs must not be empty");
    List<SSTable> round = new ArrayList<>(inputs);
    while (round.size() > 1) {
      List<SSTable> next = new ArrayList<>((round.size() + 1) / 2);
      for (int i = 0; i + 1 < round.size(); i += 2) next.add(mergeTwo(round.get(i), round.get(i + 1)));
      if (round.size() % 2 == 1) next.add(round.get(round.size() - 1));
      round = next;
    }
    SSTable merged = round.get(0);
    return new SSTable(generation, merged.keys, merged.versions, merged.timestampsUs, merged.sizes);
  }

  private static SSTable mergeTwo(SSTable a, SSTable b) {
    int capacity = a.keys.length + b.keys.length;
    SSTable out = new SSTable(-1, new long[capacity], new long[capacity], new long[capacity], new int[capacity]);
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.keys.length || j < b.keys.length) {
      if (j == b.keys.length || (i < a.keys.length && a.keys[i] < b.keys[j])) {
        out.copyFrom(n++, a, i++);
      } else if (i == a.keys.length || b.keys[j] < a.keys[i]) {
        out.copyFrom(n++, b, j++);
      } else {
        boolean aWins = Cell.compare(a.timestampsUs[i], a.versions[i], b.timestampsUs[j], b.versions[j]) >= 0;
        out.copyFrom(n++, aWins ? a : b, aWins ? i : j);
        i++;
        j++;
      }
    }
    return new SSTable(-1, Arrays.copyOf(out.keys, n), Arrays.copyOf(out.versions, n),
        Arrays.copyOf(out.timestampsUs, n), Arrays.copyOf(out.sizes, n));
  }

  private void copyFrom(int to, SSTable source, int from) {
    keys[to] = source.keys[from];
    versions[to] = source.versions[from];
    timestampsUs[to] = source.timestampsUs[from];
    sizes[to] = source.sizes[from];
  }

  @Override
  public String toString() {
    return "SSTable[generation " + generation + ", " + keys.length + " keys, " + sizeBytes + " bytes]";
  }
}
