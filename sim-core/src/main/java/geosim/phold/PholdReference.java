package geosim.phold;

import geosim.kernel.Seeds;
import geosim.kernel.StreamRandom;

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
  private long[] sources;
  private long[] seqs;
  private int[] targets;
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
    sources = new long[capacity];
    seqs = new long[capacity];
    targets = new int[capacity];
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
      int entity = targets[0];
      pop();
      counts[entity]++;
      events++;
      StreamRandom random = randoms[entity];
      int target = random.nextInt(n);
      push(now + PholdEntity.delay(random, settings), ids[entity], nextSeq[entity]++, target);
    }
    return new PholdOutcome(events, PholdOutcome.fingerprint(counts), 1, 0);
  }

  private void push(long time, long source, long seq, int target) {
    if (size == times.length) grow();
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(time, source, seq, times[parent], sources[parent], seqs[parent])) break;
      times[i] = times[parent];
      sources[i] = sources[parent];
      seqs[i] = seqs[parent];
      targets[i] = targets[parent];
      i = parent;
    }
    times[i] = time;
    sources[i] = source;
    seqs[i] = seq;
    targets[i] = target;
  }

  private void pop() {
    int last = --size;
    long time = times[last];
    long source = sources[last];
    long seq = seqs[last];
    int target = targets[last];
    int i = 0;
    int half = last >>> 1;
    while (i < half) {
      int c = 2 * i + 1;
      if (c + 1 < last && less(times[c + 1], sources[c + 1], seqs[c + 1], times[c], sources[c], seqs[c])) c++;
      if (!less(times[c], sources[c], seqs[c], time, source, seq)) break;
      times[i] = times[c];
      sources[i] = sources[c];
      seqs[i] = seqs[c];
      targets[i] = targets[c];
      i = c;
    }
    times[i] = time;
    sources[i] = source;
    seqs[i] = seq;
    targets[i] = target;
  }

  private static boolean less(long t1, long s1, long q1, long t2, long s2, long q2) {
    if (t1 != t2) return t1 < t2;
    if (s1 != s2) return s1 < s2;
    return q1 < q2;
  }

  private void grow() {
    int capacity = times.length * 2;
    times = java.util.Arrays.copyOf(times, capacity);
    sources = java.util.Arrays.copyOf(sources, capacity);
    seqs = java.util.Arrays.copyOf(seqs, capacity);
    targets = java.util.Arrays.copyOf(targets, capacity);
  }
}
