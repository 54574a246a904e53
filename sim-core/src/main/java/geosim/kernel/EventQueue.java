package geosim.kernel;

import java.util.Arrays;

/**
 * The pending events of one partition: a 4-ary min-heap kept in primitive arrays, so
 * scheduling and taking an event allocate nothing. Four children per node halve the heap's
 * depth against a binary heap, and a node's four children's times share one or two cache lines:
 * taking an event touches about half as many lines (the heap holds tens of thousands of events in
 * the large store scenarios).
 *
 * <p>Events are ordered by (time, source actor id, source sequence number). Every sender numbers
 * its own messages, so the key is unique and the order total: equal-time events come out in the
 * same order whatever order they were inserted in, on any partitioning. A heap is not stable,
 * which is why the key must be complete.
 *
 * <p>Layout: the heap itself holds only (time, handle) pairs; an event's source, sequence
 * number, target and message stay in slot arrays under its handle until it is taken. Sifting
 * moves one long and one int per level, and never moves an object reference (each reference
 * store costs a GC write barrier). Source and sequence are read only to break ties in time.
 *
 * <p>{@link #poll()} moves the head into the {@code head*} fields, read until the next poll.
 */
public final class EventQueue {
  private long[] heapTimes;
  private int[] heapHandles;
  private int size;

  private long[] sources;
  private long[] seqs;
  private int[] targets;
  private Object[] messages;
  private int[] freeHandles;
  private int freeCount;

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
    heapTimes = new long[capacity];
    heapHandles = new int[capacity];
    sources = new long[capacity];
    seqs = new long[capacity];
    targets = new int[capacity];
    messages = new Object[capacity];
    freeHandles = new int[capacity];
    for (int i = 0; i < capacity; i++) freeHandles[i] = capacity - 1 - i;
    freeCount = capacity;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Time of the earliest event, or {@link Long#MAX_VALUE} when empty. */
  public long peekTime() {
    return size == 0 ? Long.MAX_VALUE : heapTimes[0];
  }

  /** Adds an event for slot {@code target}. */
  public void add(long time, long source, long seq, int target, Object message) {
    if (freeCount == 0) grow();
    int handle = freeHandles[--freeCount];
    sources[handle] = source;
    seqs[handle] = seq;
    targets[handle] = target;
    messages[handle] = message;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      if (!before(time, handle, heapTimes[parent], heapHandles[parent])) break;
      heapTimes[i] = heapTimes[parent];
      heapHandles[i] = heapHandles[parent];
      i = parent;
    }
    heapTimes[i] = time;
    heapHandles[i] = handle;
  }

  /** Removes the earliest event into the {@code head*} fields; the queue must not be empty. */
  public void poll() {
    int handle = heapHandles[0];
    headTime = heapTimes[0];
    headSource = sources[handle];
    headSeq = seqs[handle];
    headTarget = targets[handle];
    headMessage = messages[handle];
    messages[handle] = null;
    freeHandles[freeCount++] = handle;
    int last = --size;
    if (last > 0) siftDown(heapTimes[last], heapHandles[last], last);
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

  private void siftDown(long time, int handle, int n) {
    int i = 0;
    while (true) {
      int first = 4 * i + 1;
      if (first >= n) break;
      int child = first;
      long childTime = heapTimes[first];
      int childHandle = heapHandles[first];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        if (before(heapTimes[c], heapHandles[c], childTime, childHandle)) {
          child = c;
          childTime = heapTimes[c];
          childHandle = heapHandles[c];
        }
      }
      if (!before(childTime, childHandle, time, handle)) break;
      heapTimes[i] = childTime;
      heapHandles[i] = childHandle;
      i = child;
    }
    heapTimes[i] = time;
    heapHandles[i] = handle;
  }

  /** True when event {@code h1} at {@code t1} sorts before event {@code h2} at {@code t2}. */
  private boolean before(long t1, int h1, long t2, int h2) {
    if (t1 != t2) return t1 < t2;
    long s1 = sources[h1];
    long s2 = sources[h2];
    if (s1 != s2) return s1 < s2;
    return seqs[h1] < seqs[h2];
  }

  private void grow() {
    int old = heapTimes.length;
    int capacity = old * 2;
    heapTimes = Arrays.copyOf(heapTimes, capacity);
    heapHandles = Arrays.copyOf(heapHandles, capacity);
    sources = Arrays.copyOf(sources, capacity);
    seqs = Arrays.copyOf(seqs, capacity);
    targets = Arrays.copyOf(targets, capacity);
    messages = Arrays.copyOf(messages, capacity);
    freeHandles = Arrays.copyOf(freeHandles, capacity);
    for (int h = capacity - 1; h >= old; h--) freeHandles[freeCount++] = h;
  }
}
