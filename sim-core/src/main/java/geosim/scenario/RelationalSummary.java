package geosim.scenario;

import geosim.kernel.RunResult;
import geosim.relational.RelationalMetrics;
import geosim.relational.RelationalSettings;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** The parts of {@code summary.json} that {@code model = relational} writes; see {@link RunSummary}. */
final class RelationalSummary {
  private RelationalSummary() {}

  /** {@code operations.write} and {@code operations.read} as the clients saw them. */
  static SortedMap<String, Object> operations(RunResult result) {
    SortedMap<String, Object> ops = new TreeMap<>();
    for (String op : List.of("write", "read")) {
      long ok = result.counter(RelationalMetrics.op(op, "ok"));
      long failed = result.counter(RelationalMetrics.op(op, "failed"));
      SortedMap<String, Object> entry = new TreeMap<>();
      entry.put("count", ok + failed);
      entry.put("ok", ok);
      entry.put("failed", failed);
      entry.put("inFlight", result.counter(RelationalMetrics.op(op, "started")) - ok - failed);
      entry.put("latencyMs", RunSummary.latencyMs(histogram(result, RelationalMetrics.latencyUs(op))));
      ops.put(op, entry);
    }
    return ops;
  }

  /**
   * {@code consistency}: the audited reads (those whose key had an acknowledged write of the current
   * epoch before they started), stale reads and read-your-writes violations among them, and the
   * acknowledged writes lost in failovers.
   */
  static SortedMap<String, Object> consistency(RunResult result) {
    SortedMap<String, Object> c = new TreeMap<>();
    long audited = result.counter(RelationalMetrics.AUDITED_READS);
    long stale = result.counter(RelationalMetrics.STALE_READS);
    c.put("reads", audited);
    c.put("staleReads", stale);
    c.put("staleReadRate", audited == 0 ? 0.0 : stale / (double) audited);
    c.put("readYourWritesViolations", result.counter(RelationalMetrics.RYW_VIOLATIONS));
    c.put("acknowledgedWrites", result.counter(RelationalMetrics.ACKED_WRITES));
    c.put("lostAcknowledgedWrites", result.counter(RelationalMetrics.LOST_WRITES));
    return c;
  }

  /**
   * {@code relational}: shards, replicas, the replication lag of applied events in ms, failovers
   * and their mean time from crash to promotion in seconds.
   */
  static SortedMap<String, Object> relational(RelationalSettings settings, RunResult result) {
    SortedMap<String, Object> r = new TreeMap<>();
    r.put("shards", settings.primaries().size());
    r.put("replicas", settings.replicas().size());
    r.put("hashSlots", settings.shardMap().slots());
    r.put("replicationLagMs", RunSummary.latencyMs(histogram(result, RelationalMetrics.LAG_US)));
    long failovers = result.counter(RelationalMetrics.FAILOVERS);
    r.put("failovers", failovers);
    r.put("failoverSecondsMean", failovers == 0 ? 0.0 : result.counter(RelationalMetrics.FAILOVER_NS_SUM) / 1e9 / failovers);
    return r;
  }

  private static Histogram histogram(RunResult result, String name) {
    Histogram h = result.histograms().get(name);
    return h == null ? new Histogram(3) : h;
  }
}
