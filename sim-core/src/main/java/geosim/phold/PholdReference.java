package geosim.phold;

import geosim.kernel.Seeds;
import geosim.kernel.StreamRandom;
import java.util.Arrays;

/**
 * PHOLD as a minimal hand-written sequential loop: primitive arrays, one binary heap, no object
 * per event, no actors. It uses the same random streams, delays and event order as the kernel
 * model, so its fingerprint matches; its speed is the limit the kernel is measured against.
 */
public final class PholdReference {
  private final PholdSettings settings;
  private final int n;
  private final long[] ids;
  private final long[] nextSeq;
  private final long[] counts;
  private final StreamRandom[] randoms;
  private long[] times;
  private int[] handles;
  private long[] sources;
  private long[] seqs;
  private int[] targets;
  private int[] free;
  private int freeCount;
  private int size;

  public PholdReference(PholdSettings settings) {
    this.settings = settings;
    n = settings.entities();
    ids = new long[n];
    nextSeq = new long[n];
    counts = new long[n];
    randoms = new StreamRandom[n];
    int capacity = Math.max(16, n * Math.max(1, settings.population()));
    times = new long[capacity];
    handles = new int[capacity];
    sources = new long[capacity];
    seqs = new long[capacity];
    targets = new int[capacity];
    free = new int[capacity];
    for (int h = 0; h < capacity; h++) free[h] = capacity - 1 - h;
    freeCount = capacity;
    for (int i = 0; i < n; i++) {
      ids[i] = Seeds.idOf(PholdSettings.path(i));
      randoms[i] = new StreamRandom(Seeds.streamSeed(settings.seed(), ids[i]));
    }
  }

  /** Runs to the end time; call once. */
  public PholdOutcome run() {
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < settings.population(); k++) {
        push(PholdEntity.delay(randoms[i], settings), ids[i], nextSeq[i]++, i);
      }
    }
    long end = settings.endNs();
    long events = 0;
    while (size > 0 && times[0] < end) {
      long now = times[0];
      int entity = pop();
      counts[entity]++;
      events++;
      StreamRandom random = randoms[entity];
      int target = random.nextInt(n);
      push(now + PholdEntity.delay(random, settings), ids[entity], nextSeq[entity]++, target);
    }
    return new PholdOutcome(events, PholdOutcome.fingerprint(counts), 1, 0);
  }

  // The heap holds (time, handle); an event's source, sequence and target stay under its
  // handle. The same layout as the kernel's EventQueue, without the message payload.
  private void push(long time, long source, long seq, int target) {
    if (freeCount == 0) grow();
    int h = free[--freeCount];
    sources[h] = source;
    seqs[h] = seq;
    targets[h] = target;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(time, h, times[parent], handles[parent])) break;
      times[i] = times[parent];
      handles[i] = handles[parent];
      i = parent;
    }
    times[i] = time;
    handles[i] = h;
  }

  /** Removes the head event and returns its target entity. */
  private int pop() {
    int head = handles[0];
    free[freeCount++] = head;
    int last = --size;
    long time = times[last];
    int h = handles[last];
    int i = 0;
    int half = last >>> 1;
    while (i < half) {
      int c = 2 * i + 1;
      if (c + 1 < last && less(times[c + 1], handles[c + 1], times[c], handles[c])) c++;
      if (!less(times[c], handles[c], time, h)) break;
      times[i] = times[c];
      handles[i] = handles[c];
      i = c;
    }
    times[i] = time;
    handles[i] = h;
    return targets[head];
  }

  private boolean less(long t1, int h1, long t2, int h2) {
    if (t1 != t2) return t1 < t2;
    if (sources[h1] != sources[h2]) return sources[h1] < sources[h2];
    return seqs[h1] < seqs[h2];
  }

  private void grow() {
    int old = times.length;
    int capacity = old * 2;
    times = Arrays.copyOf(times, capacity);
    handles = Arrays.copyOf(handles, capacity);
    sources = Arrays.copyOf(sources, capacity);
    seqs = Arrays.copyOf(seqs, capacity);
    targets = Arrays.copyOf(targets, capacity);
    free = Arrays.copyOf(free, capacity);
    for (int h = capacity - 1; h >= old; h--) free[freeCount++] = h;
  }
}
