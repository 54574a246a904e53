package geosim.kernel;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Events one partition produced for another during one window, as parallel arrays (one entry per
 * event). Every event is at or after the end of the window that produced it, because messages
 * across partition units respect the lookahead.
 *
 * <p>Model messages travel as their own Jackson-serialisable records; their class names go along
 * so the receiving JVM can rebuild them.
 */
public record EventBatch(
    int toPartition,
    long[] times,
    long[] sources,
    long[] seqs,
    int[] targets,
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) Object[] messages)
    implements CrossPartitionMessage {

  public EventBatch {
    int n = times.length;
    if (sources.length != n || seqs.length != n || targets.length != n || messages.length != n) {
      throw new IllegalArgumentException("event batch arrays must have equal lengths");
    }
  }

  public int size() {
    return times.length;
  }

  /** The earliest event time in the batch, {@link Long#MAX_VALUE} when empty. */
  public long minTime() {
    long min = Long.MAX_VALUE;
    for (long t : times) min = Math.min(min, t);
    return min;
  }
}
