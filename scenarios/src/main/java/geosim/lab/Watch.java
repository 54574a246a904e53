package geosim.lab;

import java.util.Objects;

/**
 * A series a lab's {@link Timeline} watches, named as in a run folder's {@code timeseries.csv}
 * (scope and metric columns), so a student who reads that file finds the same times.
 *
 * @param name the key under {@code timeline} in the summary, e.g. {@code failures}
 * @param scope the scope column, e.g. {@code tor-agg}
 * @param metric the metric column, e.g. {@code link.utilization.max}
 * @param threshold the value from which the series counts as "on" (inclusive)
 */
public record Watch(String name, String scope, String metric, double threshold) {
  public Watch {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(metric, "metric");
    if (Double.isNaN(threshold)) throw new IllegalArgumentException("threshold must be a number");
  }
}
