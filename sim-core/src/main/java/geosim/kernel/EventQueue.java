package geosim.kernel;

import java.util.Arrays;

/**
 * The pending events of one partition: a binary min-heap kept in parallel primitive arrays, so
 * scheduling and taking an event allocate nothing.
 *
 * <p>Events are ordered by (time, source actor id, source sequence number). Every sender numbers
 * its own messages, so the key is unique and the order total: equal-time events come out in the
 * same order whatever order they were inserted in, on any partitioning. A heap is not stable,
 * which is why the key must be complete.
 *
 * <p>{@link #poll()} moves the head into the {@code head*} fields, read until the next poll.
 */
public final class EventQueue {
  private long[] times;
  private long[] sources;
  private long[] seqs;
  private int[] targets;
  private Object[] messages;
  private int size;

  long headTime;
  long headSource;
  long headSeq;
  int headTarget;
  Object headMessage;

  public EventQueue() {
    this(64);
  }

  public EventQueue(int initialCapacity) {
    int capacity = Math.max(2, initialCapacity);
    times = new long[capacity];
    sources = new long[capacity];
    seqs = new long[capacity];
    targets = new int[capacity];
    messages = new Object[capacity];
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Time of the earliest event, or {@link Long#MAX_VALUE} when empty. */
  public long peekTime() {
    return size == 0 ? Long.MAX_VALUE : times[0];
  }

  /** Adds an event for slot {@code target}. */
  public void add(long time, long source, long seq, int target, Object message) {
    if (size == times.length) grow();
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(time, source, seq, parent)) break;
      move(parent, i);
      i = parent;
    }
    set(i, time, source, seq, target, message);
  }

  /** Removes the earliest event into the {@code head*} fields; the queue must not be empty. */
  public void poll() {
    headTime = times[0];
    headSource = sources[0];
    headSeq = seqs[0];
    headTarget = targets[0];
    headMessage = messages[0];
    int last = --size;
    long time = times[last];
    long source = sources[last];
    long seq = seqs[last];
    int target = targets[last];
    Object message = messages[last];
    messages[last] = null;
    if (last > 0) siftDown(time, source, seq, target, message, last);
  }

  public long headTime() {
    return headTime;
  }

  public long headSource() {
    return headSource;
  }

  public long headSeq() {
    return headSeq;
  }

  public int headTarget() {
    return headTarget;
  }

  public Object headMessage() {
    return headMessage;
  }

  private void siftDown(long time, long source, long seq, int target, Object message, int n) {
    int i = 0;
    int half = n >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < n && before(times[right], sources[right], seqs[right], child)) child = right;
      if (!before(times[child], sources[child], seqs[child], time, source, seq)) break;
      move(child, i);
      i = child;
    }
    set(i, time, source, seq, target, message);
  }

  /** True when key (time, source, seq) sorts before the entry at {@code i}. */
  private boolean before(long time, long source, long seq, int i) {
    return before(time, source, seq, times[i], sources[i], seqs[i]);
  }

  private static boolean before(long t1, long s1, long q1, long t2, long s2, long q2) {
    if (t1 != t2) return t1 < t2;
    if (s1 != s2) return s1 < s2;
    return q1 < q2;
  }

  private void move(int from, int to) {
    times[to] = times[from];
    sources[to] = sources[from];
    seqs[to] = seqs[from];
    targets[to] = targets[from];
    messages[to] = messages[from];
  }

  private void set(int i, long time, long source, long seq, int target, Object message) {
    times[i] = time;
    sources[i] = source;
    seqs[i] = seq;
    targets[i] = target;
    messages[i] = message;
  }

  private void grow() {
    int capacity = times.length * 2;
    times = Arrays.copyOf(times, capacity);
    sources = Arrays.copyOf(sources, capacity);
    seqs = Arrays.copyOf(seqs, capacity);
    targets = Arrays.copyOf(targets, capacity);
    messages = Arrays.copyOf(messages, capacity);
  }
}
