package geosim.metrics;

import geosim.kernel.Snapshot;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Turns the kernel's snapshots into the values of a time series, one per (metric, measure): a
 * counter's rate per virtual second over the interval ({@code .perSecond}; a counter of
 * nanoseconds, {@code -ns}, as seconds per second, {@code .secondsPerSecond}, e.g. the mean busy
 * cores), an interval histogram's count ({@code .count}) and, when it has values, its p50 and p99
 * in ms ({@code .p50Ms}, {@code .p99Ms}) or, for a histogram of utilizations ({@code -ppm}), its
 * mean, p99 and max as fractions. The run folder's {@code timeseries.csv} and the live view both
 * read a run through it, so they show the same numbers. Stateful: it remembers the counters of the
 * previous snapshot.
 */
public final class SnapshotValues {
  /** Suffix of a counter of nanoseconds (a time integral such as busy core-ns). */
  public static final String NANOS = "-ns";

  /** Receives one value: the metric's name, the measure's suffix, the value. */
  public interface Sink {
    void accept(MetricName name, String measure, double value);
  }

  private final SortedMap<String, Long> previous = new TreeMap<>();

  /** Gives {@code sink} every value of snapshot {@code s}, counters first, in name order. */
  public void convert(Snapshot s, Sink sink) {
    double interval = (s.timeNs() - s.intervalStartNs()) / 1e9;
    for (Map.Entry<String, Long> c : s.counters().entrySet()) {
      long delta = c.getValue() - previous.getOrDefault(c.getKey(), 0L);
      previous.put(c.getKey(), c.getValue());
      if (interval <= 0) continue;
      if (c.getKey().endsWith(NANOS)) {
        String base = c.getKey().substring(0, c.getKey().length() - NANOS.length());
        sink.accept(MetricName.of(base), ".secondsPerSecond", delta / 1e9 / interval);
      } else {
        sink.accept(MetricName.of(c.getKey()), ".perSecond", delta / interval);
      }
    }
    for (Map.Entry<String, Histogram> h : s.intervalHistograms().entrySet()) {
      Histogram histogram = h.getValue();
      MetricName name = MetricName.of(h.getKey());
      sink.accept(name, ".count", histogram.getTotalCount());
      if (histogram.getTotalCount() == 0) continue;
      if (h.getKey().endsWith(MetricName.PPM)) {
        sink.accept(name, ".mean", histogram.getMean() / 1e6);
        sink.accept(name, ".p99", histogram.getValueAtPercentile(99) / 1e6);
        sink.accept(name, ".max", histogram.getMaxValue() / 1e6);
      } else {
        sink.accept(name, ".p50Ms", histogram.getValueAtPercentile(50) / 1000.0);
        sink.accept(name, ".p99Ms", histogram.getValueAtPercentile(99) / 1000.0);
      }
    }
  }
}
