package geosim.store.gossip;

import java.util.Arrays;

/**
 * The phi-accrual failure detector [1] for one monitored peer, in the variant Cassandra uses [2]:
 * heartbeat inter-arrival times are taken as exponentially distributed, so the suspicion after
 * {@code Δt} without news is
 *
 * <pre>
 *   φ(Δt) = -log10 P(next heartbeat later than Δt) = -log10 e^(-Δt / m) = Δt / (m · ln 10)
 * </pre>
 *
 * where {@code m} is the mean of the last {@link #windowSize()} inter-arrival times. φ grows
 * linearly in Δt; a threshold {@code Φ} is crossed after {@code Φ · m · ln 10}. Example: with a
 * mean of 1 s, φ reaches 5 after 11.5 s and 8 after 18.4 s.
 *
 * <p>As in Cassandra [2]: the first heartbeat records the {@code initialIntervalNs} guess as the
 * first sample (Cassandra: twice the gossip interval, "better to err high"), because the right
 * mean depends on the cluster size; an inter-arrival time longer than {@code maxIntervalNs}
 * (Cassandra: the same 2 s) is not recorded, so a long partition does not teach the detector to
 * be patient; before the first heartbeat φ is 0 (Cassandra never convicts a peer it has no
 * window for). The window is a ring of at most {@code windowSize} longs that grows on demand,
 * so memory is bounded by {@code 8 · windowSize} bytes per monitored peer.
 *
 * <p>Times are virtual ns; heartbeats must not go backwards. Not thread-safe: it belongs to one
 * actor.
 *
 * <p>[1] N. Hayashibara, X. Défago, R. Yared, T. Katayama, "The φ accrual failure detector",
 * SRDS 2004. <br>
 * [2] Apache Cassandra, src/java/org/apache/cassandra/gms/FailureDetector.java (classes
 * FailureDetector, ArrivalWindow; SAMPLE_SIZE = 1000, INITIAL_VALUE = 2 × Gossiper.intervalInMillis,
 * MAX_INTERVAL = INITIAL_VALUE, conviction when phi / ln 10 > phi_convict_threshold; the math
 * is explained in CASSANDRA-2597), github.com/apache/cassandra at commit 07242de.
 */
public final class PhiAccrualDetector implements FailureDetector {
  /** ln 10: φ = Δt / (m · ln 10). */
  static final double LN_10 = Math.log(10.0);
  private static final int INITIAL_CAPACITY = 4;

  private final int windowSize;
  private final long initialIntervalNs;
  private final long maxIntervalNs;
  private final long unitNs;
  private int[] intervals; // in units of unitNs
  private int next;
  private int count;
  private long sumUnits;
  private long lastHeartbeatNs;
  private boolean started;

  /**
   * @param windowSize inter-arrival times kept, 1 to 1,000,000 (Cassandra: 1000)
   * @param initialIntervalNs first sample, recorded at the first heartbeat, ns, >= 1 (Cassandra:
   *     2 × gossip interval)
   * @param maxIntervalNs longest inter-arrival time recorded, ns, >= 1; longer ones are dropped
   *     (Cassandra: the initial interval). {@code windowSize × max(initialIntervalNs,
   *     maxIntervalNs)} must fit in a long.
   */
  public PhiAccrualDetector(int windowSize, long initialIntervalNs, long maxIntervalNs) {
    if (windowSize < 1 || windowSize > 1_000_000) {
      throw new IllegalArgumentException("windowSize must be between 1 and 1000000, got " + windowSize);
    }
    if (initialIntervalNs < 1) throw new IllegalArgumentException("initialIntervalNs must be >= 1, got " + initialIntervalNs);
    if (maxIntervalNs < 1) throw new IllegalArgumentException("maxIntervalNs must be >= 1, got " + maxIntervalNs);
    if (Math.max(initialIntervalNs, maxIntervalNs) > Long.MAX_VALUE / windowSize) {
      throw new IllegalArgumentException("windowSize x max(initialIntervalNs, maxIntervalNs) overflows a long: "
          + windowSize + " x " + Math.max(initialIntervalNs, maxIntervalNs));
    }
    this.windowSize = windowSize;
    this.initialIntervalNs = initialIntervalNs;
    this.maxIntervalNs = maxIntervalNs;
    long bound = Math.max(initialIntervalNs, maxIntervalNs);
    this.unitNs = (bound + Integer.MAX_VALUE - 1) / Integer.MAX_VALUE;
    this.intervals = new int[Math.min(windowSize, INITIAL_CAPACITY)];
  }

  /**
   * Records news of the peer at {@code nowNs}: a heartbeat, or a newer gossip version of it.
   *
   * @param nowNs virtual time, ns, >= the previous heartbeat
   */
  @Override
  public void heartbeat(long nowNs) {
    if (started && nowNs < lastHeartbeatNs) {
      throw new IllegalArgumentException("time went backwards: nowNs = " + nowNs + " < last heartbeat " + lastHeartbeatNs);
    }
    if (!started) {
      started = true;
      record(initialIntervalNs);
    } else {
      long intervalNs = nowNs - lastHeartbeatNs;
      if (intervalNs <= maxIntervalNs) record(intervalNs);
    }
    lastHeartbeatNs = nowNs;
  }

  /**
   * The suspicion level at {@code nowNs}, {@code (nowNs - last heartbeat) / (mean · ln 10)}, >= 0;
   * 0 before the first heartbeat. A query: it does not move the detector's clock.
   *
   * @param nowNs virtual time, ns, >= the last heartbeat
   */
  @Override
  public double phi(long nowNs) {
    if (!started) return 0.0;
    if (nowNs < lastHeartbeatNs) {
      throw new IllegalArgumentException("nowNs = " + nowNs + " is before the last heartbeat at " + lastHeartbeatNs);
    }
    return (nowNs - lastHeartbeatNs) / (meanIntervalNs() * LN_10);
  }

  /**
   * Whether the peer is alive at {@code nowNs}: φ at most {@code threshold}. Cassandra convicts
   * when φ exceeds its {@code phi_convict_threshold} (default 8).
   *
   * @param threshold the φ threshold, > 0 and finite
   */
  public boolean isAlive(long nowNs, double threshold) {
    checkThreshold(threshold);
    return phi(nowNs) <= threshold;
  }

  /**
   * The first virtual time at which φ exceeds {@code threshold} if no heartbeat arrives before:
   * the first ns after {@code last heartbeat + threshold · mean · ln 10}. {@link Long#MAX_VALUE}
   * before the first heartbeat, or if it lies beyond the clock. An actor can set a timer for it
   * instead of polling.
   *
   * @param threshold the φ threshold, > 0 and finite
   */
  @Override
  public long convictionTimeNs(double threshold) {
    checkThreshold(threshold);
    if (!started) return Long.MAX_VALUE;
    double at = lastHeartbeatNs + threshold * meanIntervalNs() * LN_10;
    return at >= Long.MAX_VALUE - 1 ? Long.MAX_VALUE : (long) Math.floor(at) + 1;
  }

  /** Mean of the recorded inter-arrival times, ns; 0 before the first heartbeat. */
  @Override
  public double meanIntervalNs() {
    return count == 0 ? 0.0 : (double) sumUnits * unitNs / count;
  }

  /** Inter-arrival times currently in the window, 0 to {@link #windowSize()}. */
  public int sampleCount() {
    return count;
  }

  public int windowSize() {
    return windowSize;
  }

  /** Time of the last heartbeat, ns; {@link Long#MIN_VALUE} before the first. */
  @Override
  public long lastHeartbeatNs() {
    return started ? lastHeartbeatNs : Long.MIN_VALUE;
  }

  /** The recorded inter-arrival times, oldest first (a copy). */
  public long[] intervalsNs() {
    long[] out = new long[count];
    int oldest = count < windowSize ? 0 : next;
    for (int i = 0; i < count; i++) out[i] = (long) intervals[(oldest + i) % count] * unitNs;
    return out;
  }

  private void record(long intervalNs) {
    int units = (int) Math.round((double) intervalNs / unitNs); // <= Integer.MAX_VALUE: intervalNs <= bound
    if (count < windowSize) {
      // Filling: append, growing the array by half up to the window size; the oldest sample is at 0.
      if (count == intervals.length) {
        intervals = Arrays.copyOf(intervals, Math.min(windowSize, intervals.length + (intervals.length + 1) / 2));
      }
      intervals[count++] = units;
    } else {
      // Full: overwrite the oldest sample, at next.
      sumUnits -= intervals[next];
      intervals[next] = units;
      next = (next + 1) % windowSize;
    }
    sumUnits += units;
  }

  private static void checkThreshold(double threshold) {
    if (!(threshold > 0 && Double.isFinite(threshold))) {
      throw new IllegalArgumentException("threshold must be > 0 and finite, got " + threshold);
    }
  }
}
