package geosim.store.gossip;

/**
 * The failure detector for one monitored peer, an extension point for students: a node keeps one
 * per peer, tells it of every piece of news about the peer ({@link #heartbeat}) and convicts the
 * peer once {@link #phi} exceeds the configured threshold ({@code fd.phi-threshold},
 * {@code store.failure-detector.phi-threshold}); it asks at every gossip round (once a second).
 * The reference implementation is {@link PhiAccrualDetector}, the phi-accrual detector of
 * Hayashibara et al. (SRDS 2004) in Cassandra's exponential variant.
 *
 * <p>A student's class ({@code fd.detector-class} or {@code store.failure-detector.class}) must be
 * public, implement this interface and have a public constructor taking the {@link
 * GossipSettings} (gossip interval, threshold, window size). It must be deterministic: it may use
 * only the times it is given (no clock, no randomness), and it belongs to one actor (no shared
 * state). Example, a fixed timeout of five gossip intervals: {@code phi(now) = (now -
 * lastHeartbeat) / (5 * interval) * threshold}.
 *
 * <p>Times are virtual ns; heartbeats never go backwards.
 */
public interface FailureDetector {
  /** Records news of the peer at {@code nowNs}: a heartbeat, or a newer gossip version of it. */
  void heartbeat(long nowNs);

  /**
   * The suspicion level at {@code nowNs}, >= 0: the peer is convicted when it exceeds the
   * threshold. A query: it must not change the detector. 0 before the first heartbeat (a peer never
   * heard of is never convicted).
   */
  double phi(long nowNs);

  /** Time of the last heartbeat, ns; {@link Long#MIN_VALUE} before the first. */
  long lastHeartbeatNs();

  /** The mean interval between heartbeats the detector assumes, ns, for reports; 0 if it keeps none. */
  default double meanIntervalNs() {
    return 0.0;
  }

  /**
   * The first time at which {@link #phi} exceeds {@code threshold} if no heartbeat arrives
   * before, for reports and tests; {@link Long#MAX_VALUE} if unknown or never.
   */
  default long convictionTimeNs(double threshold) {
    return Long.MAX_VALUE;
  }
}
