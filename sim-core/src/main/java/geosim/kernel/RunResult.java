package geosim.kernel;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The outcome of a run: where and why it stopped, how many events it processed, and the final
 * counters and whole-run histograms (merged over partitions, sorted by name).
 *
 * @param endTimeNs virtual time reached: every event before it was processed
 * @param windows conservative windows the coordinator ran (a measure of synchronisation)
 */
public record RunResult(
    StopReason stopReason,
    long endTimeNs,
    long events,
    long windows,
    SortedMap<String, Long> counters,
    SortedMap<String, Histogram> histograms) {

  public RunResult {
    counters = Collections.unmodifiableSortedMap(new TreeMap<>(counters));
    histograms = Collections.unmodifiableSortedMap(new TreeMap<>(histograms));
  }

  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }
}
