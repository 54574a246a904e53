package geosim.kernel;

/**
 * The window rule, in one place for the coordinator (many partitions) and for a partition that
 * runs alone: the window after the earliest pending event {@code t} ends at {@code t + L}, cut
 * at the next snapshot boundary; when {@code t} lies at or beyond the boundary the window is the
 * empty stretch up to the boundary. Both paths apply this rule, so a run passes through the
 * same windows, and checks its event budget at the same points, at any partition count.
 */
final class Windows {
  private Windows() {}

  static long end(long earliestEventNs, long lookaheadNs, long boundaryNs) {
    if (earliestEventNs >= boundaryNs) return boundaryNs;
    return Math.min(saturatingAdd(earliestEventNs, lookaheadNs), boundaryNs);
  }

  static long saturatingAdd(long a, long b) {
    long r = a + b;
    return r < a ? Long.MAX_VALUE : r;
  }
}
