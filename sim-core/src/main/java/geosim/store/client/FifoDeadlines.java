package geosim.store.client;

import java.util.ArrayDeque;
import java.util.function.LongPredicate;

/**
 * Deadlines of requests that all wait the same timeout, so that start order is deadline order: a
 * FIFO of (id, deadline), one timer for its head. Entries of requests that finished early stay
 * until they reach the head, where {@link #headNs} drops them. Private to one actor.
 */
final class FifoDeadlines {
  private final ArrayDeque<long[]> queue = new ArrayDeque<>();

  /** Adds request {@code id} due at {@code deadlineNs}, not before any deadline already added. */
  void add(long id, long deadlineNs) {
    queue.addLast(new long[] {id, deadlineNs});
  }

  /** The next live request due at or before {@code nowNs}, removed; -1 when there is none. */
  long popDue(long nowNs, LongPredicate live) {
    while (!queue.isEmpty() && queue.peekFirst()[1] <= nowNs) {
      long id = queue.pollFirst()[0];
      if (live.test(id)) return id;
    }
    return -1;
  }

  /** The deadline of the oldest live request, dropping finished ones before it; {@link Long#MAX_VALUE} when none. */
  long headNs(LongPredicate live) {
    while (!queue.isEmpty() && !live.test(queue.peekFirst()[0])) queue.pollFirst();
    return queue.isEmpty() ? Long.MAX_VALUE : queue.peekFirst()[1];
  }
}
