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
 * cores), a counter of micro-dollars ({@code -microusd}) as a cost rate in USD per hour ({@code
 * .usdPerHour}) and the cumulative cost in USD ({@code .usd}), a counter of joules ({@code
 * -joules}) as power in kW ({@code .kw}) and the cumulative energy in kWh ({@code .kwh}), an
 * interval histogram's count ({@code .count}) and, when it has values, its p50 and p99
 * in ms ({@code .p50Ms}, {@code .p99Ms}) or, for a histogram of utilizations ({@code -ppm}), its
 * mean, p99 and max as fractions. The run folder's {@code timeseries.csv} and the live view both
 * read a run through it, so they show the same numbers. Stateful: it remembers the counters of the
 * previous snapshot.
 */
public final class SnapshotValues {
  /** Suffix of a counter of nanoseconds (a time integral such as busy core-ns). */
  public static final String NANOS = "-ns";
  /** Suffix of a counter of micro-dollars (a cumulative cost). */
  public static final String MICRO_USD = "-microusd";
  /** Suffix of a counter of joules (a cumulative energy). */
  public static final String JOULES = "-joules";
  private static final double SECONDS_PER_HOUR = 3600;
  private static final double JOULES_PER_KWH = 3.6e6;

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
        sink.accept(MetricName.of(base(c.getKey(), NANOS)), ".secondsPerSecond", delta / 1e9 / interval);
      } else if (c.getKey().endsWith(MICRO_USD)) {
        MetricName name = MetricName.of(base(c.getKey(), MICRO_USD));
        sink.accept(name, ".usdPerHour", delta / 1e6 / interval * SECONDS_PER_HOUR);
        sink.accept(name, ".usd", c.getValue() / 1e6);
      } else if (c.getKey().endsWith(JOULES)) {
        MetricName name = MetricName.of(base(c.getKey(), JOULES));
        sink.accept(name, ".kw", delta / 1e3 / interval);
        sink.accept(name, ".kwh", c.getValue() / JOULES_PER_KWH);
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

  private static String base(String name, String suffix) {
    return name.substring(0, name.length() - suffix.length());
  }
}
