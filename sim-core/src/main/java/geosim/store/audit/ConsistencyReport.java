package geosim.store.audit;

/**
 * The audit's counts over a run.
 *
 * @param reads reads answered to clients, >= 0
 * @param staleReads of those, reads that returned a cell older (last write wins) than a write
 *     acknowledged before the read started, >= 0
 * @param acknowledgedWrites writes acknowledged to clients, >= 0
 * @param lostAcknowledgedWrites of those, writes the converged state no longer holds (see {@link
 *     ConsistencyAudit}), >= 0
 * @param replicasBehind replicas holding an older cell than their key's converged one at the end,
 *     over the keys written or read, >= 0
 * @param unresolvedKeys keys whose lost writes are a lower bound: their final cell is an
 *     acknowledged write the audit no longer remembers ({@link ConsistencyAudit}), >= 0
 */
public record ConsistencyReport(long reads, long staleReads, long acknowledgedWrites, long lostAcknowledgedWrites,
    long replicasBehind, long unresolvedKeys) {
  public ConsistencyReport {
    if (reads < 0 || staleReads < 0 || staleReads > reads) {
      throw new IllegalArgumentException("need 0 <= staleReads <= reads, got " + staleReads + " of " + reads);
    }
    if (acknowledgedWrites < 0 || lostAcknowledgedWrites < 0 || lostAcknowledgedWrites > acknowledgedWrites) {
      throw new IllegalArgumentException("need 0 <= lost <= acknowledged writes, got " + lostAcknowledgedWrites
          + " of " + acknowledgedWrites);
    }
    if (replicasBehind < 0) throw new IllegalArgumentException("replicasBehind must be >= 0, got " + replicasBehind);
    if (unresolvedKeys < 0) throw new IllegalArgumentException("unresolvedKeys must be >= 0, got " + unresolvedKeys);
  }

  /** staleReads / reads; 0 without reads. */
  public double staleReadRate() {
    return reads == 0 ? 0.0 : staleReads / (double) reads;
  }
}
