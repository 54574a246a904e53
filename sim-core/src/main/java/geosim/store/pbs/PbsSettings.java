package geosim.store.pbs;

/**
 * Parameters of the PBS validation model. Times are virtual ns.
 *
 * @param n replicas of the key, 1 to {@value #N_MAX}
 * @param r responses a read waits for, 1 to n
 * @param w acknowledgements a write waits for, 1 to n
 * @param readDelayNs time from a write's acknowledgement to the start of the read, >= 0
 * @param messageLatencyMeanNs mean of every one-way message delay (exponential), > 0
 * @param trialIntervalNs time between the starts of two trials (each on its own key), > 0
 */
public record PbsSettings(int n, int r, int w, long readDelayNs, long messageLatencyMeanNs, long trialIntervalNs) {
  /** Most replicas. Assumption: beyond any replication factor in use (Cassandra clusters use 3 to 5). */
  public static final int N_MAX = 64;

  public PbsSettings {
    if (n < 1 || n > N_MAX) throw new IllegalArgumentException("n must be between 1 and " + N_MAX + ", got " + n);
    if (r < 1 || r > n) throw new IllegalArgumentException("r must be between 1 and n = " + n + ", got " + r);
    if (w < 1 || w > n) throw new IllegalArgumentException("w must be between 1 and n = " + n + ", got " + w);
    if (readDelayNs < 0) throw new IllegalArgumentException("readDelayNs must be >= 0, got " + readDelayNs);
    if (messageLatencyMeanNs <= 0) {
      throw new IllegalArgumentException("messageLatencyMeanNs must be > 0, got " + messageLatencyMeanNs);
    }
    if (trialIntervalNs <= 0) throw new IllegalArgumentException("trialIntervalNs must be > 0, got " + trialIntervalNs);
  }
}
