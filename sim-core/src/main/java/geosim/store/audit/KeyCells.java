package geosim.store.audit;

import geosim.store.storage.Cell;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongToIntFunction;

/**
 * What the replicas hold of the audited keys at the end of a run, reduced key by key so that parts
 * taken on different sets of replicas merge exactly: for each key, the newest cell over its
 * replicas in the final ring and how many of them hold exactly that cell ({@code end}), and the
 * newest cell over its replicas in any version of the ring ({@code any}; tracked only when the
 * ring changed). A part holds the cells of the replicas it owns; {@link #merge} takes the newest
 * of the parts' cells and adds the counts of those equal to it, which is what one part over all
 * replicas holds. The audit reads it as {@link ReplicaStates} ({@link #states}): about 28 bytes
 * per key, not a cell object per replica.
 *
 * <p>A count of 0 means no cell; its version and timestamp are then 0.
 *
 * @param keys the keys, ascending, no repeats
 * @param endVersion per key, the final ring's newest cell's version
 * @param endTimestampUs per key, its timestamp
 * @param endCount per key, the final ring's replicas holding exactly that cell (0: none holds the key)
 * @param anyVersion per key, the newest cell over any ring's replicas (empty arrays when not tracked)
 * @param anyTimestampUs per key, its timestamp
 * @param anyCount per key, replicas (counted once per ring version) holding it; 0: none
 */
public record KeyCells(long[] keys, long[] endVersion, long[] endTimestampUs, int[] endCount, long[] anyVersion,
    long[] anyTimestampUs, int[] anyCount) {
  public KeyCells {
    int n = keys.length;
    int any = anyVersion.length;
    if (endVersion.length != n || endTimestampUs.length != n || endCount.length != n
        || (any != 0 && any != n) || anyTimestampUs.length != any || anyCount.length != any) {
      throw new IllegalArgumentException("one entry per key in every column (the any columns may be empty)");
    }
  }

  /** No cell yet for each of {@code keys} (ascending, no repeats); {@code trackAny}: also the any-ring columns. */
  public static KeyCells empty(long[] keys, boolean trackAny) {
    int n = keys.length;
    int any = trackAny ? n : 0;
    return new KeyCells(keys, new long[n], new long[n], new int[n], new long[any], new long[any], new int[any]);
  }

  /** Whether the newest cell over any version of the ring is tracked (the ring changed in the run). */
  public boolean tracksAny() {
    return anyVersion.length == keys.length && keys.length > 0;
  }

  /** Notes that a replica of key {@code i} in the final ring holds {@code cell} (null: none). */
  public void atEnd(int i, Cell cell) {
    if (cell != null) {
      endCount[i] = offer(endVersion, endTimestampUs, endCount, i, cell.version(), cell.timestampUs(), 1);
    }
  }

  /** Notes that a replica of key {@code i} in some version of the ring holds {@code cell} (null: none). */
  public void inAnyRing(int i, Cell cell) {
    if (cell != null) {
      anyCount[i] = offer(anyVersion, anyTimestampUs, anyCount, i, cell.version(), cell.timestampUs(), 1);
    }
  }

  /** The count of key {@code i}'s column after offering a cell held {@code count} times: kept, replaced or added. */
  private static int offer(long[] version, long[] timestampUs, int[] counts, int i, long v, long ts, int count) {
    if (counts[i] == 0) {
      version[i] = v;
      timestampUs[i] = ts;
      return count;
    }
    int c = Cell.compare(ts, v, timestampUs[i], version[i]);
    if (c < 0) return counts[i];
    if (c == 0) return counts[i] + count;
    version[i] = v;
    timestampUs[i] = ts;
    return count;
  }

  /**
   * The parts' cells together: per key, the newest of their cells and the sum of the counts of
   * those equal to it. The parts must cover disjoint replicas and the same keys.
   */
  public static KeyCells merge(List<KeyCells> parts) {
    if (parts.isEmpty()) throw new IllegalArgumentException("nothing to merge");
    KeyCells first = parts.get(0);
    KeyCells out = empty(first.keys, first.anyVersion.length > 0);
    for (KeyCells part : parts) {
      if (!Arrays.equals(part.keys, first.keys) || part.anyVersion.length != out.anyVersion.length) {
        throw new IllegalArgumentException("parts of the cells must be taken for the same keys");
      }
      for (int i = 0; i < out.keys.length; i++) {
        if (part.endCount[i] > 0) {
          out.endCount[i] = offer(out.endVersion, out.endTimestampUs, out.endCount, i, part.endVersion[i],
              part.endTimestampUs[i], part.endCount[i]);
        }
        if (out.anyVersion.length > 0 && part.anyCount[i] > 0) {
          out.anyCount[i] = offer(out.anyVersion, out.anyTimestampUs, out.anyCount, i, part.anyVersion[i],
              part.anyTimestampUs[i], part.anyCount[i]);
        }
      }
    }
    return out;
  }

  /**
   * The replicas' states as the audit asks for them: the converged cell of a key is the newest of
   * its final replicas' cells, or the newest over any ring when that is newer (a former owner
   * kept its copy); the replicas behind it are the final replicas not holding exactly it.
   *
   * @param replicasAtEnd the number of replicas of a key in the final ring
   * @throws IllegalArgumentException (from the states) for a key not among {@link #keys}
   */
  public ReplicaStates states(LongToIntFunction replicasAtEnd) {
    return new ReplicaStates() {
      @Override
      public Cell converged(long key) {
        int i = index(key);
        Cell newest = endCount[i] == 0 ? null : new Cell(endVersion[i], endTimestampUs[i]);
        if (anyVersion.length == 0 || anyCount[i] == 0) return newest;
        Cell older = new Cell(anyVersion[i], anyTimestampUs[i]);
        return newest == null || older.supersedes(newest) ? older : newest;
      }

      @Override
      public int replicasBehind(long key, Cell converged) {
        if (converged == null) return 0;
        int i = index(key);
        boolean held = endCount[i] > 0 && endVersion[i] == converged.version()
            && endTimestampUs[i] == converged.timestampUs();
        return replicasAtEnd.applyAsInt(key) - (held ? endCount[i] : 0);
      }
    };
  }

  private int index(long key) {
    int i = Arrays.binarySearch(keys, key);
    if (i < 0) throw new IllegalArgumentException("key " + key + " was not among the keys whose cells were taken");
    return i;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyCells k && Arrays.equals(keys, k.keys) && Arrays.equals(endVersion, k.endVersion)
        && Arrays.equals(endTimestampUs, k.endTimestampUs) && Arrays.equals(endCount, k.endCount)
        && Arrays.equals(anyVersion, k.anyVersion) && Arrays.equals(anyTimestampUs, k.anyTimestampUs)
        && Arrays.equals(anyCount, k.anyCount);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(keys) * 31 + Arrays.hashCode(endVersion);
  }

  @Override
  public String toString() {
    return "KeyCells[" + keys.length + " keys]";
  }
}
