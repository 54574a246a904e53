package geosim.visualizer;

import geosim.kernel.Snapshot;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Turns live {@link Snapshot}s into {@link Frame}s with the values {@code geosim run} writes to
 * {@code timeseries.csv}, so a live run and its replay show the same numbers: counters as rates per
 * virtual second ({@code .perSecond}; counters of nanoseconds as {@code .secondsPerSecond}),
 * latency histograms (µs) as {@code .p50Ms}, {@code .p99Ms} and {@code .count}, utilization
 * histograms (ppm) as {@code .mean}, {@code .p99}, {@code .max} fractions. Keeps the previous
 * counters, so one builder serves one run, in order.
 */
final class FrameBuilder {
  private static final String NANOS = "-ns";
  private static final double PPM = 1e6;
  private static final double US_PER_MS = 1e3;

  private final SortedMap<String, Long> previous = new TreeMap<>();

  Frame next(Snapshot s) {
    double time = s.timeNs() / 1e9;
    double interval = (s.timeNs() - s.intervalStartNs()) / 1e9;
    SortedMap<String, Double> values = new TreeMap<>();
    for (Map.Entry<String, Long> c : s.counters().entrySet()) {
      long delta = c.getValue() - previous.getOrDefault(c.getKey(), 0L);
      previous.put(c.getKey(), c.getValue());
      if (interval <= 0) continue;
      if (c.getKey().endsWith(NANOS)) {
        String base = c.getKey().substring(0, c.getKey().length() - NANOS.length());
        put(values, MetricKey.of(base), ".secondsPerSecond", delta / 1e9 / interval);
      } else {
        put(values, MetricKey.of(c.getKey()), ".perSecond", delta / interval);
      }
    }
    for (Map.Entry<String, Histogram> e : s.intervalHistograms().entrySet()) {
      Histogram h = e.getValue();
      MetricKey key = MetricKey.of(e.getKey());
      put(values, key, ".count", h.getTotalCount());
      if (h.getTotalCount() == 0) continue;
      if (e.getKey().endsWith(MetricKey.PPM)) {
        put(values, key, ".mean", h.getMean() / PPM);
        put(values, key, ".p99", h.getValueAtPercentile(99) / PPM);
        put(values, key, ".max", h.getMaxValue() / PPM);
      } else {
        put(values, key, ".p50Ms", h.getValueAtPercentile(50) / US_PER_MS);
        put(values, key, ".p99Ms", h.getValueAtPercentile(99) / US_PER_MS);
      }
    }
    return new Frame(time, s.events(), values);
  }

  private static void put(SortedMap<String, Double> values, MetricKey key, String suffix, double value) {
    values.put(Frame.key(key.scope(), key.metric() + suffix), value);
  }
}
