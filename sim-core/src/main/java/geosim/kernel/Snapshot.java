package geosim.kernel;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What the kernel hands its observers at every metrics interval: the state of all counters and
 * the latencies recorded during the interval, merged over every partition.
 *
 * <p>Immutable by contract: the maps are unmodifiable and each histogram is a private copy that
 * no one records into any more; observers must not mutate them. Names are sorted, so iterating a
 * snapshot is deterministic.
 *
 * @param timeNs virtual time of the snapshot: every event before it has been processed
 * @param intervalStartNs virtual time of the previous snapshot (0 for the first)
 * @param events events processed since the start of the run
 * @param counters cumulative counters by name
 * @param intervalHistograms values recorded in {@code [intervalStartNs, timeNs)} by name, only
 *     those that recorded something; each is tagged with its name
 */
public record Snapshot(
    long timeNs,
    long intervalStartNs,
    long events,
    SortedMap<String, Long> counters,
    SortedMap<String, Histogram> intervalHistograms) {

  public Snapshot {
    if (timeNs < intervalStartNs || intervalStartNs < 0) {
      throw new IllegalArgumentException(
          "snapshot interval must satisfy 0 <= start <= time, got [" + intervalStartNs + ", " + timeNs + "]");
    }
    counters = Collections.unmodifiableSortedMap(new TreeMap<>(counters));
    intervalHistograms = Collections.unmodifiableSortedMap(new TreeMap<>(intervalHistograms));
  }

  /** A counter's value, 0 when nothing has counted it yet. */
  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }
}
