package geosim.store.audit;

/**
 * A stable merge sort of a {@code long[]} under a comparator of longs, without boxing: the audit
 * sorts a million packed row references in 16 MB (the array and one buffer).
 */
final class RefSort {
  private RefSort() {}

  /** Orders two longs; negative, zero or positive as for {@link java.util.Comparator}. */
  @FunctionalInterface
  interface LongOrder {
    int compare(long a, long b);
  }

  /** Sorts {@code values[0, size)} in place by {@code order}; equal elements keep their order. */
  static void sort(long[] values, int size, LongOrder order) {
    long[] buffer = new long[size];
    for (int width = 1; width < size; width *= 2) {
      for (int lo = 0; lo < size - width; lo += 2 * width) {
        merge(values, buffer, lo, lo + width, Math.min(lo + 2 * width, size), order);
      }
    }
  }

  private static void merge(long[] v, long[] buffer, int lo, int mid, int hi, LongOrder order) {
    if (order.compare(v[mid - 1], v[mid]) <= 0) return; // already in order
    System.arraycopy(v, lo, buffer, lo, hi - lo);
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (i < mid && (j >= hi || order.compare(buffer[i], buffer[j]) <= 0)) {
        v[k] = buffer[i++];
      } else {
        v[k] = buffer[j++];
      }
    }
  }
}
