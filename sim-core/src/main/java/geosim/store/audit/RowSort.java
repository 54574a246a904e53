package geosim.store.audit;

/**
 * Sorts rows of three longs, held in three parallel arrays, by (major, minor, tie) in signed
 * order, without boxing: a bottom-up merge sort that moves the three arrays together, so each
 * comparison reads neighbouring entries instead of chasing a reference into the logs. The audit
 * sorts a million rows (key, time, packed reference) in 48 MB (the arrays and their buffers).
 */
final class RowSort {
  private RowSort() {}

  /**
   * Sorts {@code [0, size)} of the three arrays by {@code major}, then {@code minor}, then {@code
   * tie}; rows equal in all three keep their order.
   */
  static void sort(long[] major, long[] minor, long[] tie, int size) {
    long[][] from = {major, minor, tie};
    long[][] to = {new long[size], new long[size], new long[size]};
    boolean inPlace = true; // whether the sorted runs are in the callers' arrays
    for (int width = 1; width < size; width *= 2) {
      for (int lo = 0; lo < size; lo += 2 * width) {
        merge(from, to, lo, Math.min(lo + width, size), Math.min(lo + 2 * width, size));
      }
      long[][] swap = from;
      from = to;
      to = swap;
      inPlace = !inPlace;
    }
    if (!inPlace) {
      for (int a = 0; a < 3; a++) System.arraycopy(from[a], 0, to[a], 0, size);
    }
  }

  /** Merges the sorted runs [lo, mid) and [mid, hi) of {@code from} into [lo, hi) of {@code to}. */
  private static void merge(long[][] from, long[][] to, int lo, int mid, int hi) {
    long[] fa = from[0];
    long[] fb = from[1];
    long[] fc = from[2];
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      int take = i < mid && (j >= hi || compare(fa, fb, fc, i, j) <= 0) ? i++ : j++;
      to[0][k] = fa[take];
      to[1][k] = fb[take];
      to[2][k] = fc[take];
    }
  }

  private static int compare(long[] a, long[] b, long[] c, int i, int j) {
    int cmp = Long.compare(a[i], a[j]);
    if (cmp != 0) return cmp;
    cmp = Long.compare(b[i], b[j]);
    return cmp != 0 ? cmp : Long.compare(c[i], c[j]);
  }
}
