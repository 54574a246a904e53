package geosim.kernel;

import java.util.function.LongPredicate;

/**
 * The deadlines of one actor's requests that all wait the same timeout (a coordinator's writes, a
 * client's requests): each deadline is no earlier than the one before, so they queue first in,
 * first out, and one timer at the first deadline serves them all. Compared with a timer per
 * request, the event heap holds one entry instead of every request started within the last
 * timeout (a cancelled timer stays in the heap until its time).
 *
 * <p>A request that finishes is not looked for in the queue: the actor says which requests are
 * still open, and the finished ones are dropped when they reach the front ({@link #popDue}, {@link
 * #headNs}). So the timer is armed for the first request still open: most requests finish within
 * milliseconds of a timeout of seconds, and the timer fires a few times per timeout, not once per
 * request (store-3-regions.conf: 650,000 of its 9.1 million events were such timers before).
 *
 * <p>Example, a 2 s timeout: requests 0, 1 and 2 start at 0, 1 and 1.5 s. The timer goes to 2 s
 * ({@code headNs}). Request 1 finishes at 1.2 s; at 2 s request 0 is still open, so {@code popDue}
 * gives 0 (it times out), then nothing; {@code headNs} drops 1 and says 3.5 s, request 2's
 * deadline.
 *
 * <p>Entries sit in two primitive arrays used as a ring, so adding one allocates nothing. Private
 * to one actor.
 */
public final class Deadlines {
  /** No deadline is waiting. */
  public static final long NONE = Long.MAX_VALUE;

  private long[] deadlines = new long[16];
  private long[] ids = new long[16];
  private int head;
  private int size;

  /** Queues request {@code id}'s deadline, no earlier than the last one queued. */
  public void add(long id, long deadlineNs) {
    if (size > 0 && deadlineNs < deadlines[(head + size - 1) & (deadlines.length - 1)]) {
      throw new IllegalArgumentException("deadline " + deadlineNs + " ns comes before the last one queued");
    }
    if (size == deadlines.length) grow();
    int slot = (head + size) & (deadlines.length - 1);
    deadlines[slot] = deadlineNs;
    ids[slot] = id;
    size++;
  }

  /**
   * Takes the first open request whose deadline is at or before {@code nowNs}, dropping finished
   * ones on the way; -1 when none is due.
   *
   * @param open whether a request is still open; a finished request must stay finished
   */
  public long popDue(long nowNs, LongPredicate open) {
    while (size > 0 && deadlines[head] <= nowNs) {
      long id = ids[head];
      drop();
      if (open.test(id)) return id;
    }
    return -1;
  }

  /** The deadline of the first open request, dropping the finished ones before it; {@link #NONE} when none is open. */
  public long headNs(LongPredicate open) {
    while (size > 0 && !open.test(ids[head])) drop();
    return size == 0 ? NONE : deadlines[head];
  }

  /** Requests queued, finished ones not yet dropped included. */
  public int size() {
    return size;
  }

  private void drop() {
    head = (head + 1) & (deadlines.length - 1);
    size--;
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
