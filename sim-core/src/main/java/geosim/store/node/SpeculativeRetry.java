package geosim.store.node;

/**
 * When a read that has not met its level asks one more replica (Cassandra's rapid read protection,
 * the table option {@code speculative_retry} [1]): never ({@link #NONE}), after a fixed delay, or
 * after the coordinator's own p-th percentile of read latency so far. The extra request is for
 * the data when no data answer has come, else for a digest, to the closest live replica not yet
 * asked whose answer counts for the level (a LOCAL_* read never speculates to another region). A percentile needs {@value #PERCENTILE_SAMPLES_MIN} reads at the coordinator before it
 * speculates (assumption: Cassandra reads it off the table's latency histogram, which a running
 * node has filled), and is worked out again every {@value #PERCENTILE_REFRESH} reads.
 *
 * <p>[1] Apache Cassandra 2.0 to 3.x, CQL table option {@code speculative_retry}, default {@code
 * '99PERCENTILE'} (CASSANDRA-4705, "speculative execution for reads"; DataStax CQL 3.1
 * documentation, table properties).
 *
 * @param fixedDelayNs the delay of a fixed policy, > 0; 0 for a percentile or none
 * @param percentile the percentile of a percentile policy, in (0, 100); 0 for a fixed delay or none
 */
public record SpeculativeRetry(long fixedDelayNs, double percentile) {
  /** No speculation. */
  public static final SpeculativeRetry NONE = new SpeculativeRetry(0, 0);
  /** Cassandra's default: the 99th percentile. */
  public static final SpeculativeRetry CASSANDRA = new SpeculativeRetry(0, 99);
  /** Reads a coordinator must have answered before a percentile policy speculates. */
  public static final int PERCENTILE_SAMPLES_MIN = 20;
  /** Reads between two updates of a percentile policy's delay. */
  public static final int PERCENTILE_REFRESH = 20;

  public SpeculativeRetry {
    if (fixedDelayNs < 0) throw new IllegalArgumentException("fixedDelayNs must be >= 0, got " + fixedDelayNs);
    if (!(percentile >= 0 && percentile < 100)) {
      throw new IllegalArgumentException("percentile must be in [0, 100), got " + percentile);
    }
    if (fixedDelayNs > 0 && percentile > 0) throw new IllegalArgumentException("a fixed delay or a percentile, not both");
  }

  public boolean enabled() {
    return fixedDelayNs > 0 || percentile > 0;
  }
}
