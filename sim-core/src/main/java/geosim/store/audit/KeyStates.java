package geosim.store.audit;

import geosim.store.storage.Cell;
import java.util.Arrays;

/**
 * What the audit remembers of every key it has seen, in flat arrays (no object per key): the
 * newest acknowledged cell in last-write-wins order (to judge later reads), the number of
 * acknowledged writes, and the last {@value #RECENT} of them in acknowledgement order with the
 * number of writes acknowledged before each started (to judge lost writes against the key's final
 * cell). About 110 bytes per key, whatever the run's length.
 *
 * <p>Keys are found by open addressing over a power-of-two table (at most half full); slots are
 * handed out in the order keys are first seen, which is the audit's sorted order, so the layout
 * never depends on partitioning.
 */
final class KeyStates {
  /** Acknowledged writes remembered per key. */
  static final int RECENT = 4;
  /** Version of "no cell". */
  static final long NONE = -1;

  private int[] index; // hash bucket -> slot + 1, 0 for empty
  private long[] keys = new long[0];
  private long[] newestVersion = new long[0];
  private long[] newestTimestampUs = new long[0];
  private long[] acked = new long[0];
  private long[] recentVersion = new long[0];
  private long[] recentPrior = new long[0];
  private int size;

  /** A table sized for about {@code expectedKeys} keys (>= 0) before it grows. */
  KeyStates(int expectedKeys) {
    int slots = Math.max(16, Integer.highestOneBit(Math.max(1, expectedKeys) - 1) << 1);
    allocate(slots);
  }

  private void allocate(int slots) {
    index = new int[slots * 2];
    keys = Arrays.copyOf(keys, slots);
    newestVersion = Arrays.copyOf(newestVersion, slots);
    newestTimestampUs = Arrays.copyOf(newestTimestampUs, slots);
    acked = Arrays.copyOf(acked, slots);
    recentVersion = Arrays.copyOf(recentVersion, slots * RECENT);
    recentPrior = Arrays.copyOf(recentPrior, slots * RECENT);
    for (int s = 0; s < size; s++) index[bucketOf(keys[s])] = s + 1;
  }

  /** Keys seen. Slots are 0 to size() - 1. */
  int size() {
    return size;
  }

  long key(int slot) {
    return keys[slot];
  }

  /** The slot of {@code key}, added (with no acknowledged write) if new. */
  int slot(long key) {
    int mask = index.length - 1;
    for (int b = bucketStart(key, mask); ; b = (b + 1) & mask) {
      int s = index[b] - 1;
      if (s < 0) break;
      if (keys[s] == key) return s;
    }
    if (size == keys.length) allocate(keys.length * 2);
    int s = size++;
    keys[s] = key;
    newestVersion[s] = NONE;
    index[bucketOf(key)] = s + 1;
    return s;
  }

  /** Whether the newest acknowledged write of the key in {@code slot} supersedes (version, timestamp), last write wins. */
  boolean newestSupersedes(int slot, long version, long timestampUs) {
    long v = newestVersion[slot];
    return v != NONE && Cell.compare(newestTimestampUs[slot], v, timestampUs, version) > 0;
  }

  /** Acknowledged writes of the key so far; the next one gets this index. */
  long acked(int slot) {
    return acked[slot];
  }

  /**
   * Folds in the next acknowledged write of the key in {@code slot}, with {@code priorAcks}
   * writes of the key acknowledged before it started; the oldest remembered one is forgotten.
   */
  void acknowledge(int slot, long version, long timestampUs, long priorAcks) {
    if (!newestSupersedes(slot, version, timestampUs)) {
      newestVersion[slot] = version;
      newestTimestampUs[slot] = timestampUs;
    }
    int at = slot * RECENT + (int) (acked[slot] % RECENT);
    recentVersion[at] = version;
    recentPrior[at] = priorAcks;
    acked[slot]++;
  }

  /** How many acknowledged writes the key in {@code slot} remembers: the last min(acked, RECENT). */
  int recentCount(int slot) {
    return (int) Math.min(acked[slot], RECENT);
  }

  /** The remembered write with acknowledgement index {@code ack} (acked - recentCount to acked - 1). */
  long recentVersion(int slot, long ack) {
    return recentVersion[slot * RECENT + (int) (ack % RECENT)];
  }

  long recentPrior(int slot, long ack) {
    return recentPrior[slot * RECENT + (int) (ack % RECENT)];
  }

  private int bucketOf(long key) {
    int mask = index.length - 1;
    int b = bucketStart(key, mask);
    while (index[b] != 0) b = (b + 1) & mask;
    return b;
  }

  private static int bucketStart(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
