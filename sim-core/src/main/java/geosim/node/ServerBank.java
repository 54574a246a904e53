package geosim.node;

/**
 * The bookkeeping shared by resources made of {@code n} identical servers that take work first
 * come, first served (a CPU's cores, a disk's channels): each server's free time, the work booked
 * so far, and the last arrival. Since no later arrival can delay an earlier one, a booking is
 * final when made, and the busy time up to any instant after the last arrival is exact: each
 * server's remaining work is one unbroken stretch ending at its free time.
 */
final class ServerBank {
  private final long[] freeAtNs;
  private long bookedNs;
  private long lastArrivalNs;

  ServerBank(int servers) {
    this.freeAtNs = new long[servers];
  }

  int size() {
    return freeAtNs.length;
  }

  /** The server that frees first (ties to the lowest index). */
  int earliestFree() {
    int best = 0;
    for (int i = 1; i < freeAtNs.length; i++) {
      if (freeAtNs[i] < freeAtNs[best]) best = i;
    }
    return best;
  }

  long freeAtNs(int server) {
    return freeAtNs[server];
  }

  /** Records that {@code server} works from {@code startNs} to {@code completionNs} for an arrival. */
  void book(int server, long arrivalNs, long startNs, long completionNs) {
    freeAtNs[server] = completionNs;
    bookedNs += completionNs - startNs;
    lastArrivalNs = arrivalNs;
  }

  /** Server-nanoseconds busy from time 0 until {@code atNs}, >= the last arrival. */
  long busyNs(long atNs) {
    checkNotBefore(atNs, "atNs");
    long pending = 0;
    for (long free : freeAtNs) {
      if (free > atNs) pending += free - atNs;
    }
    return bookedNs - pending;
  }

  /** Servers working at {@code atNs}, >= the last arrival. */
  int busy(long atNs) {
    checkNotBefore(atNs, "atNs");
    int busy = 0;
    for (long free : freeAtNs) {
      if (free > atNs) busy++;
    }
    return busy;
  }

  /** Rejects a time before the last arrival, naming the parameter. */
  void checkNotBefore(long timeNs, String name) {
    if (timeNs < lastArrivalNs) {
      throw new IllegalArgumentException(name + " must be >= the last arrival " + lastArrivalNs
          + " ns, got " + timeNs);
    }
  }
}
