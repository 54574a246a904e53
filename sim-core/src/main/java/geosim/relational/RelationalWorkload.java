package geosim.relational;

/**
 * The clients of the relational tier: a Poisson stream of requests, each from one of {@code
 * sessions} sessions chosen uniformly, on a key uniform over {@code keys}.
 *
 * @param ratePerSecond requests per second, > 0
 * @param readFraction share of reads, 0 to 1
 * @param keys keys, >= 1
 * @param sessions client sessions (a session's reads should see its own writes), >= 1
 * @param readFromReplicas reads go to the shard's replicas in turn (else to its primary)
 * @param ownWriteReadFraction share of a session's reads that read the key of its own last write
 *     (a user looking at what they just saved), 0 to 1; the others read a uniform key
 * @param timeoutNs time after which a client gives up on a request, > 0
 */
public record RelationalWorkload(double ratePerSecond, double readFraction, long keys, int sessions,
    boolean readFromReplicas, double ownWriteReadFraction, long timeoutNs) {
  public RelationalWorkload {
    if (!(ratePerSecond > 0)) throw new IllegalArgumentException("ratePerSecond must be > 0, got " + ratePerSecond);
    if (!(readFraction >= 0 && readFraction <= 1)) throw new IllegalArgumentException("readFraction out of [0, 1]: " + readFraction);
    if (keys < 1) throw new IllegalArgumentException("keys must be >= 1, got " + keys);
    if (sessions < 1) throw new IllegalArgumentException("sessions must be >= 1, got " + sessions);
    if (!(ownWriteReadFraction >= 0 && ownWriteReadFraction <= 1)) {
      throw new IllegalArgumentException("ownWriteReadFraction out of [0, 1]: " + ownWriteReadFraction);
    }
    if (timeoutNs <= 0) throw new IllegalArgumentException("timeoutNs must be > 0, got " + timeoutNs);
  }
}
