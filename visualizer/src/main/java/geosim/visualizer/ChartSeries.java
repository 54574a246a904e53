package geosim.visualizer;

import geosim.metrics.MetricName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which lines each chart draws, picked from the frames by metric name, and their points as {time
 * s, value}. Pure: the charts only draw what this returns.
 *
 * <ul>
 *   <li>{@link Kind#LATENCY}: p50 and p99 in ms of every latency histogram per scope (region,
 *       region pair), e.g. {@code read.us-east.latency p99}; the all-regions line only when no
 *       region has one.
 *   <li>{@link Kind#THROUGHPUT}: counters ending {@code .ok}, per virtual second.
 *   <li>{@link Kind#ERRORS}: counters of failures ({@link #ERROR_MEASURES}), per virtual second.
 *   <li>{@link Kind#UTILIZATION}: the mean of every utilization histogram (CPU and disk per
 *       region, links per tier), in %.
 *   <li>{@link Kind#FLEET}: the mean instance count over each interval per region and fleet
 *       role: the fleet model's servers held ({@code <role>.<region>.instances-ns} per virtual
 *       second, "instances us-east" with one role, "render instances us-east" with several) or
 *       the store's servers up ({@code store.<region>.servers-up-ns}), and their total when there
 *       are several lines. The cost rate the model reports (the fleet's {@code
 *       <role>.<region>.cost-microusd}, the store's {@code store.<region>.cost-microusd}, as USD
 *       per hour, summed over roles and regions) goes in the chart's title.
 * </ul>
 */
final class ChartSeries {
  /** The last part of counter names that count failed work. */
  static final Set<String> ERROR_MEASURES = Set.of("failed", "timeout", "unavailable", "dropped", "lost-at-cut", "rejected");

  enum Kind { LATENCY, THROUGHPUT, ERRORS, UTILIZATION, FLEET }

  /** The frame metric of a region's mean instance count over the interval (fleet role app). */
  static final String INSTANCES = "app.instances.secondsPerSecond";
  /** How every fleet role's instance metric ends ({@code <role>.instances.secondsPerSecond}). */
  static final String ROLE_INSTANCES = ".instances.secondsPerSecond";
  /** How every cost rate metric ends ({@code <role>.cost.usdPerHour}, {@code store.cost.usdPerHour}). */
  static final String ANY_COST_RATE = ".cost.usdPerHour";
  /** The frame metric of a region's store servers up, mean over the interval. */
  static final String SERVERS_UP = "store.servers-up.secondsPerSecond";
  /** The frame metric of a region's cost rate, USD per hour. */
  static final String COST_RATE = "app.cost.usdPerHour";
  /** The frame metric of the store's cost rate in a region, USD per hour. */
  static final String STORE_COST_RATE = "store.cost.usdPerHour";
  /** The label of the all-regions instance line. */
  static final String INSTANCES_TOTAL = "instances, all regions";

  private ChartSeries() {}

  /** Lines by label, sorted, each point {time s, value}. */
  static SortedMap<String, List<double[]>> of(Kind kind, List<Frame> frames) {
    SortedMap<String, List<double[]>> lines = new TreeMap<>();
    for (Frame f : frames) {
      switch (kind) {
        case LATENCY -> {
          addLatency(lines, f, ".p50Ms", " p50");
          addLatency(lines, f, ".p99Ms", " p99");
        }
        case THROUGHPUT -> addRates(lines, f, true);
        case ERRORS -> addRates(lines, f, false);
        case UTILIZATION -> {
          for (MetricName k : f.keysEndingWith(".utilization.mean")) {
            String what = k.metric().substring(0, k.metric().indexOf('.'));
            add(lines, what + " " + k.scope(), f, f.value(k.scope(), k.metric()) * 100);
          }
        }
        case FLEET -> addInstances(lines, f);
        default -> throw new IllegalStateException("unknown chart " + kind);
      }
    }
    return lines;
  }

  private static void addInstances(SortedMap<String, List<double[]>> lines, Frame f) {
    int count = 0;
    double total = 0;
    SortedSet<MetricName> held = roleInstances(f);
    Set<String> roles = new TreeSet<>();
    for (MetricName k : held) roles.add(role(k.metric()));
    for (MetricName k : held) {
      String prefix = roles.size() > 1 ? role(k.metric()) + " instances " : "instances ";
      double v = f.value(k.scope(), k.metric());
      add(lines, prefix + k.scope(), f, v);
      total += v;
      count++;
    }
    for (MetricName k : f.keysEndingWith(SERVERS_UP)) {
      if (!k.metric().equals(SERVERS_UP)) continue;
      double v = f.value(k.scope(), k.metric());
      add(lines, "store servers up " + k.scope(), f, v);
      total += v;
      count++;
    }
    if (count > 1) add(lines, INSTANCES_TOTAL, f, total);
  }

  /** The fleet roles' instance metrics of the frame: {@code <role>.instances.secondsPerSecond}, one dot before the measure. */
  private static SortedSet<MetricName> roleInstances(Frame f) {
    SortedSet<MetricName> out = f.keysEndingWith(ROLE_INSTANCES);
    out.removeIf(k -> k.metric().indexOf('.') != k.metric().length() - ROLE_INSTANCES.length());
    return out;
  }

  private static String role(String metric) {
    return metric.substring(0, metric.length() - ROLE_INSTANCES.length());
  }

  /** The total instance count of the latest frame that has one, NaN when none has. */
  static double latestInstances(List<Frame> frames) {
    return latestSum(frames, ROLE_INSTANCES, SERVERS_UP);
  }

  /** The total cost rate of the latest frame that has one, USD per hour; NaN when none has. */
  static double latestCostRate(List<Frame> frames) {
    return latestSum(frames, ANY_COST_RATE);
  }

  /** The sum over the latest frame that has any of the metrics ending with one of {@code suffixes}. */
  private static double latestSum(List<Frame> frames, String... suffixes) {
    for (int i = frames.size() - 1; i >= 0; i--) {
      double total = 0;
      boolean any = false;
      for (String suffix : suffixes) {
        double v = sum(frames.get(i), suffix);
        if (Double.isNaN(v)) continue;
        total += v;
        any = true;
      }
      if (any) return total;
    }
    return Double.NaN;
  }

  /** The sum over the frame's scopes of the metrics ending with {@code suffix} (e.g. every role's); NaN when it has none. */
  private static double sum(Frame f, String suffix) {
    double total = Double.NaN;
    for (MetricName k : f.keysEndingWith(suffix)) total = (Double.isNaN(total) ? 0 : total) + f.value(k.scope(), k.metric());
    return total;
  }

  private static void addLatency(SortedMap<String, List<double[]>> lines, Frame f, String suffix, String tag) {
    for (MetricName k : f.keysEndingWith(suffix)) {
      String metric = k.metric().substring(0, k.metric().length() - suffix.length());
      if (k.scope().equals(MetricName.ALL) && hasRegionalScope(f, k.metric())) continue;
      add(lines, new MetricName(k.scope(), metric).label() + tag, f, f.value(k.scope(), k.metric()));
    }
  }

  private static boolean hasRegionalScope(Frame f, String metric) {
    for (MetricName k : f.keysEndingWith(metric)) {
      if (k.metric().equals(metric) && !k.scope().equals(MetricName.ALL)) return true;
    }
    return false;
  }

  private static void addRates(SortedMap<String, List<double[]>> lines, Frame f, boolean ok) {
    for (MetricName k : f.keysEndingWith(".perSecond")) {
      String metric = k.metric().substring(0, k.metric().length() - ".perSecond".length());
      String measure = metric.substring(metric.lastIndexOf('.') + 1);
      boolean wanted = ok ? measure.equals("ok") : ERROR_MEASURES.contains(measure);
      if (wanted) add(lines, new MetricName(k.scope(), metric).label(), f, f.value(k.scope(), k.metric()));
    }
  }

  private static void add(SortedMap<String, List<double[]>> lines, String label, Frame f, double value) {
    if (Double.isFinite(value)) lines.computeIfAbsent(label, l -> new ArrayList<>()).add(new double[] {f.timeSeconds(), value});
  }
}
