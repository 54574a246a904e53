package geosim.store.repair;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parameters of anti-entropy repair ({@code store.repair}). Sessions start at the listed times and
 * every {@code everyNs} from {@code startOffsetNs}; both empty or 0 means no repair (the default).
 * At each start every node repairs its primary ranges ({@code nodetool repair -pr}), so the
 * cluster covers each range once. Times are virtual nanoseconds.
 *
 * <p>Example: {@code schedule = [60s]} repairs once at 60 s; {@code every = 10m, start-offset =
 * 1m} at 1, 11, 21, ... minutes.
 *
 * @param scheduleNs start times, each >= 0 (any order, repeats allowed)
 * @param everyNs period of the repeating starts, >= 0; 0: none
 * @param startOffsetNs first repeating start, >= 0
 * @param merkleDepth depth of each range's tree, 0 to {@value #MERKLE_DEPTH_MAX}: 2^depth leaves
 * @param hashCpuNsPerByte CPU to hash one byte during validation, core-ns, 0 to {@value
 *     #HASH_CPU_NS_PER_BYTE_MAX}; added to the compaction's per-byte CPU
 * @param streamBytesPerSecond each node's outbound streaming throttle, bytes/s, > 0
 */
public record RepairSettings(List<Long> scheduleNs, long everyNs, long startOffsetNs, int merkleDepth,
    double hashCpuNsPerByte, long streamBytesPerSecond) {
  /**
   * Default depth: 15, Cassandra's Merkle trees of at most 2^15 leaves per range (Validator,
   * {@code (int) Math.pow(2, 15)}, up to 2.0; later versions size the tree from the partition
   * count, up to depth 20).
   */
  public static final int MERKLE_DEPTH_DEFAULT = 15;
  /** Deepest tree: 20, the cap of Cassandra 2.1 to 3.x (CASSANDRA-5263). */
  public static final int MERKLE_DEPTH_MAX = 20;
  /** Most hashing CPU per byte. Assumption: 1 ms per byte would be a stalled validator. */
  public static final double HASH_CPU_NS_PER_BYTE_MAX = 1e6;
  /**
   * Default hashing CPU: 5 ns per byte, SHA-256 at 200 MB/s on one core. Assumption: the order of
   * software SHA-256 on a server core without SHA extensions (openssl speed sha256 gives a few
   * hundred MB/s).
   */
  public static final double HASH_CPU_NS_PER_BYTE_DEFAULT = 5;
  /**
   * Default stream throttle: 200 Mbit/s = 25,000,000 B/s, cassandra.yaml's
   * stream_throughput_outbound_megabits_per_sec (1.x to 3.x).
   */
  public static final long STREAM_BYTES_PER_SECOND_DEFAULT = 200_000_000L / 8;

  public RepairSettings {
    scheduleNs = List.copyOf(Objects.requireNonNull(scheduleNs, "scheduleNs"));
    for (long at : scheduleNs) {
      if (at < 0) throw new IllegalArgumentException("scheduleNs must hold times >= 0, got " + at);
    }
    if (everyNs < 0) throw new IllegalArgumentException("everyNs must be >= 0, got " + everyNs);
    if (startOffsetNs < 0) throw new IllegalArgumentException("startOffsetNs must be >= 0, got " + startOffsetNs);
    checkDepth(merkleDepth);
    if (!(hashCpuNsPerByte >= 0 && hashCpuNsPerByte <= HASH_CPU_NS_PER_BYTE_MAX)) {
      throw new IllegalArgumentException("hashCpuNsPerByte must be between 0 and " + HASH_CPU_NS_PER_BYTE_MAX
          + ", got " + hashCpuNsPerByte);
    }
    if (streamBytesPerSecond <= 0) {
      throw new IllegalArgumentException("streamBytesPerSecond must be > 0, got " + streamBytesPerSecond);
    }
  }

  /** No repair, the cited defaults otherwise. */
  public static RepairSettings off() {
    return new RepairSettings(List.of(), 0, 0, MERKLE_DEPTH_DEFAULT, HASH_CPU_NS_PER_BYTE_DEFAULT,
        STREAM_BYTES_PER_SECOND_DEFAULT);
  }

  static void checkDepth(int depth) {
    if (depth < 0 || depth > MERKLE_DEPTH_MAX) {
      throw new IllegalArgumentException("merkleDepth must be between 0 and " + MERKLE_DEPTH_MAX + ", got " + depth);
    }
  }

  /** Whether any session is scheduled. */
  public boolean enabled() {
    return !scheduleNs.isEmpty() || everyNs > 0;
  }

  /** The first start at or after {@code fromNs}, or -1 if none. */
  public long nextStartNs(long fromNs) {
    long next = -1;
    for (long at : scheduleNs) {
      if (at >= fromNs && (next < 0 || at < next)) next = at;
    }
    if (everyNs > 0) {
      long periodic = startOffsetNs;
      if (fromNs > startOffsetNs) {
        long k = (fromNs - startOffsetNs + everyNs - 1) / everyNs;
        periodic = k > (Long.MAX_VALUE - startOffsetNs) / everyNs ? -1 : startOffsetNs + k * everyNs;
      }
      if (periodic >= 0 && (next < 0 || periodic < next)) next = periodic;
    }
    return next;
  }

  /** Start times up to {@code endNs}, ascending, for docs and tests. */
  public List<Long> startsUpTo(long endNs) {
    List<Long> starts = new ArrayList<>();
    for (long t = nextStartNs(0); t >= 0 && t <= endNs; t = nextStartNs(t + 1)) starts.add(t);
    return starts;
  }
}
