package geosim.store.node;

/**
 * The request deadlines of one coordinator for one kind of request, whose timeout is the same for
 * all: each deadline is no earlier than the one before, so they queue first in, first out, and
 * one timer at the head's deadline serves them all. Compared with a timer per request, the
 * kernel's event heap holds one entry instead of every request started within the last timeout
 * (a cancelled timer stays in the heap until its time). Finished requests are not removed; their
 * ids come out at their deadline and the coordinator ignores them.
 *
 * <p>Example, a 2 s timeout: requests 0 and 1 start at 0 s and 1 s, so {@link #add} returns true
 * for 0 (arm a timer at 2 s) and false for 1; at 2 s {@link #popDue} gives 0, and {@link #head}
 * says to arm the next timer at 3 s.
 */
final class Deadlines {
  /** No deadline is waiting. */
  static final long NONE = Long.MAX_VALUE;

  private long[] deadlines = new long[16];
  private long[] ids = new long[16];
  private int head;
  private int size;

  /**
   * Queues request {@code id}'s deadline, no earlier than the last one queued.
   *
   * @return whether the queue was empty, so a timer must be armed at {@code deadlineNs}
   */
  boolean add(long id, long deadlineNs) {
    if (size > 0 && deadlineNs < deadlines[(head + size - 1) & (deadlines.length - 1)]) {
      throw new IllegalArgumentException("deadline " + deadlineNs + " ns comes before the last one queued");
    }
    if (size == deadlines.length) grow();
    int slot = (head + size) & (deadlines.length - 1);
    deadlines[slot] = deadlineNs;
    ids[slot] = id;
    size++;
    return size == 1;
  }

  /** The earliest deadline waiting, or {@link #NONE}. */
  long head() {
    return size == 0 ? NONE : deadlines[head];
  }

  /** Takes the earliest request whose deadline is at or before {@code nowNs}; -1 when none is due. */
  long popDue(long nowNs) {
    if (size == 0 || deadlines[head] > nowNs) return -1;
    long id = ids[head];
    head = (head + 1) & (deadlines.length - 1);
    size--;
    return id;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] d = new long[deadlines.length * 2];
    long[] i = new long[ids.length * 2];
    for (int k = 0; k < size; k++) {
      d[k] = deadlines[(head + k) & (deadlines.length - 1)];
      i[k] = ids[(head + k) & (ids.length - 1)];
    }
    deadlines = d;
    ids = i;
    head = 0;
  }
}
