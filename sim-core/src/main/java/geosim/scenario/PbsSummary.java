package geosim.scenario;

import geosim.kernel.RunResult;
import geosim.store.pbs.PbsModel;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** The parts of summary.json that {@code model = pbs} writes. */
final class PbsSummary {
  private PbsSummary() {}

  /** {@code operations.write} and {@code operations.read}: every acknowledged write and returned read is ok. */
  static SortedMap<String, Object> operations(RunResult result) {
    SortedMap<String, Object> ops = new TreeMap<>();
    ops.put("write", op(result.histograms().get(PbsModel.WRITE_LATENCY_US), result.counter(PbsModel.TRIALS)));
    ops.put("read", op(result.histograms().get(PbsModel.READ_LATENCY_US), result.counter(PbsModel.TRIALS)));
    return ops;
  }

  private static SortedMap<String, Object> op(Histogram us, long issued) {
    Histogram h = us == null ? new Histogram(3) : us;
    SortedMap<String, Object> op = new TreeMap<>();
    op.put("count", h.getTotalCount());
    op.put("ok", h.getTotalCount());
    op.put("failed", 0L);
    op.put("inFlight", issued - h.getTotalCount());
    op.put("latencyMs", RunSummary.latencyMs(h));
    return op;
  }

  /**
   * {@code consistency}: reads returned, stale reads (none of the first R answers held the write)
   * and their share. No write is ever lost in this model (nothing fails).
   */
  static SortedMap<String, Object> consistency(RunResult result) {
    long reads = result.counter(PbsModel.READS);
    long stale = result.counter(PbsModel.STALE_READS);
    SortedMap<String, Object> c = new TreeMap<>();
    c.put("reads", reads);
    c.put("staleReads", stale);
    c.put("staleReadRate", reads == 0 ? 0.0 : stale / (double) reads);
    c.put("lostAcknowledgedWrites", 0L);
    return c;
  }
}
