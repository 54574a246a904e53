import geosim.store.gossip.FailureDetector;
import geosim.store.gossip.GossipSettings;

/**
 * Lab 3's reference solution: the phi-accrual failure detector (Hayashibara et al., SRDS 2004) in
 * Cassandra's exponential variant. It keeps the last intervals between pieces of news (at most the
 * window size), starts with a guess of twice the gossip interval, ignores intervals longer than
 * that (so a partition does not teach it patience), and reports phi = silence / (mean interval x
 * ln 10). Compile and run it with
 * {@code ./geosim lab check 3 --student-dir docs/labs/instructor/03-failure-detection/detector}.
 */
public class ExponentialPhiDetector implements FailureDetector {
  private final long[] intervals;
  private final long initialNs;
  private final long maxNs;
  private int count;
  private int next;
  private long sumNs;
  private long lastNs = Long.MIN_VALUE;

  public ExponentialPhiDetector(GossipSettings settings) {
    intervals = new long[settings.windowSize()];
    initialNs = settings.initialIntervalNs();
    maxNs = settings.maxIntervalNs();
  }

  @Override
  public void heartbeat(long nowNs) {
    if (lastNs == Long.MIN_VALUE) {
      record(initialNs);
    } else if (nowNs - lastNs <= maxNs) {
      record(nowNs - lastNs);
    }
    lastNs = nowNs;
  }

  @Override
  public double phi(long nowNs) {
    if (lastNs == Long.MIN_VALUE) return 0.0;
    return (nowNs - lastNs) / (meanIntervalNs() * Math.log(10));
  }

  @Override
  public long lastHeartbeatNs() {
    return lastNs;
  }

  @Override
  public double meanIntervalNs() {
    return count == 0 ? 0.0 : (double) sumNs / count;
  }

  private void record(long intervalNs) {
    if (count == intervals.length) {
      sumNs -= intervals[next];
    } else {
      count++;
    }
    intervals[next] = intervalNs;
    next = (next + 1) % intervals.length;
    sumNs += intervalNs;
  }
}
