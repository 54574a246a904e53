package geosim.kernel;

import java.util.Arrays;

/** Events for one other partition, collected during a window; growable arrays, no per-event object. */
final class Outbox {
  private final int toPartition;
  private long[] times = new long[16];
  private long[] sources = new long[16];
  private long[] seqs = new long[16];
  private int[] targets = new int[16];
  private Object[] messages = new Object[16];
  private int size;

  Outbox(int toPartition) {
    this.toPartition = toPartition;
  }

  void add(long time, long source, long seq, int target, Object message) {
    if (size == times.length) grow();
    times[size] = time;
    sources[size] = source;
    seqs[size] = seq;
    targets[size] = target;
    messages[size] = message;
    size++;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The collected events as a batch; the outbox starts empty again. */
  EventBatch drain() {
    EventBatch batch = new EventBatch(toPartition,
        Arrays.copyOf(times, size), Arrays.copyOf(sources, size), Arrays.copyOf(seqs, size),
        Arrays.copyOf(targets, size), Arrays.copyOf(messages, size));
    Arrays.fill(messages, 0, size, null);
    size = 0;
    return batch;
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
