package geosim.relational;

/** Names of the relational tier's counters and histograms. */
public final class RelationalMetrics {
  /** Histogram: replication lag of each applied event, from the primary's commit to the replica's apply, us. */
  public static final String LAG_US = "relational.replication-lag-us";
  /** Counter: reads that returned an older version than the newest acknowledged write of their key. */
  public static final String STALE_READS = "relational.stale-reads";
  /** Counter: reads that returned an older version than their own session's last acknowledged write of the key. */
  public static final String RYW_VIOLATIONS = "relational.read-your-writes-violations";
  /** Counter: reads compared with a write (those whose key had an acknowledged write in its epoch). */
  public static final String AUDITED_READS = "relational.audited-reads";
  /** Counter: acknowledged writes that the promoted replica had not received: lost in the failover. */
  public static final String LOST_WRITES = "relational.lost-acknowledged-writes";
  /** Counter: acknowledged writes. */
  public static final String ACKED_WRITES = "relational.acknowledged-writes";
  /** Counter: failovers done. */
  public static final String FAILOVERS = "relational.failovers";
  /** Counter: sum of the times from a crash to the promotion, ns. */
  public static final String FAILOVER_NS_SUM = "relational.failover-ns-sum";

  private RelationalMetrics() {}

  /** Counter: {@code op} ({@code read}, {@code write}) requests started, ok or failed ({@code what}). */
  public static String op(String op, String what) {
    return "relational." + op + "." + what;
  }

  /** Histogram: latency of the successful {@code op} requests, us: {@code write.latency-us}. */
  public static String latencyUs(String op) {
    return op + ".latency-us";
  }
}
