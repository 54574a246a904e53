package geosim.visualizer;

import geosim.metrics.MetricName;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the view shows for one metrics interval, live or replayed: the rows a run folder's {@code
 * timeseries.csv} holds for one time, as values by (scope, metric). Metrics carry their measure as
 * a suffix, as in the file: {@code read.latency.p50Ms}, {@code store.ok.perSecond}, {@code
 * cpu.utilization.mean} (a fraction 0 to 1).
 *
 * @param timeSeconds end of the interval, virtual seconds, >= 0
 * @param events events the kernel had processed by then, or -1 when unknown (a replay)
 * @param values by {@link #key(String, String)}, copied and sorted
 */
public record Frame(double timeSeconds, long events, SortedMap<String, Double> values) {
  private static final char SEPARATOR = ' ';

  public Frame {
    if (!(timeSeconds >= 0)) throw new IllegalArgumentException("timeSeconds must be >= 0, got " + timeSeconds);
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }

  /** The key of a value: scope and metric joined by a space (names never hold one). */
  static String key(String scope, String metric) {
    return scope + SEPARATOR + metric;
  }

  /** The value of {@code metric} in {@code scope}, or NaN when the interval has none. */
  public double value(String scope, String metric) {
    Double v = values.get(key(scope, metric));
    return v == null ? Double.NaN : v;
  }

  /** Every (scope, metric) pair whose metric ends with {@code suffix}, sorted. */
  SortedSet<MetricName> keysEndingWith(String suffix) {
    SortedSet<MetricName> out = new TreeSet<>((a, b) -> key(a.scope(), a.metric()).compareTo(key(b.scope(), b.metric())));
    for (String k : values.keySet()) {
      int space = k.indexOf(SEPARATOR);
      if (k.endsWith(suffix)) out.add(new MetricName(k.substring(0, space), k.substring(space + 1)));
    }
    return out;
  }
}
