package geosim.lab;

import geosim.metrics.Estimate;
import geosim.sweep.SweepPoint;
import geosim.sweep.SweepResults;
import java.util.ArrayList;
import java.util.List;

/** A lab's sweep results, read the way findings need them: a metric's mean along the points. */
public final class LabResults {
  private final SweepResults results;

  public LabResults(SweepResults results) {
    this.results = results;
  }

  public List<SweepPoint> points() {
    return results.spec().points();
  }

  /** The mean of {@code metric} over the replications of {@code point}, NaN if no run has it. */
  public double mean(SweepPoint point, String metric) {
    Estimate e = results.estimate(point.index(), metric);
    return e == null ? Double.NaN : e.mean();
  }

  /**
   * The mean, over the metrics named {@code prefix...suffix} (e.g. every background flow's rate),
   * of their means at {@code point}; NaN if there is none.
   */
  public double meanOver(SweepPoint point, String prefix, String suffix) {
    double sum = 0;
    int n = 0;
    for (String metric : results.metrics()) {
      if (!metric.startsWith(prefix) || !metric.endsWith(suffix)) continue;
      double v = mean(point, metric);
      if (Double.isNaN(v)) continue;
      sum += v;
      n++;
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** The value {@code path} takes at {@code point}, as a number; a duration in ms ({@code 3ms}) counts in ms. */
  public static double value(SweepPoint point, String path) {
    int i = point.paths().indexOf(path);
    if (i < 0) throw new IllegalArgumentException(path + " is not varied in this lab");
    return number(point.values().get(i));
  }

  private static double number(String text) {
    return Double.parseDouble(text.endsWith("ms") ? text.substring(0, text.length() - 2) : text);
  }

  /** The points whose varied paths take the given values ({@code path, value, ...}), as written in the lab. */
  public List<SweepPoint> where(String... pathsAndValues) {
    List<SweepPoint> out = new ArrayList<>();
    for (SweepPoint p : points()) {
      boolean match = true;
      for (int i = 0; i < pathsAndValues.length; i += 2) {
        int at = p.paths().indexOf(pathsAndValues[i]);
        if (at < 0) throw new IllegalArgumentException(pathsAndValues[i] + " is not varied in this lab");
        match &= p.values().get(at).equals(pathsAndValues[i + 1]);
      }
      if (match) out.add(p);
    }
    return out;
  }

  /**
   * Where the curve {@code (x_i, y_i)}, in the order given, first reaches {@code y}: x
   * interpolated linearly between the two points around the crossing; NaN if it never does.
   */
  public static double firstCrossing(double[] x, double[] y, double level) {
    for (int i = 0; i < x.length; i++) {
      if (y[i] >= level) {
        if (i == 0) return x[0];
        return x[i - 1] + (x[i] - x[i - 1]) * (level - y[i - 1]) / (y[i] - y[i - 1]);
      }
    }
    return Double.NaN;
  }

  /** y at {@code at} on the curve, interpolated linearly; NaN outside the x range. x must increase. */
  public static double interpolate(double[] x, double[] y, double at) {
    for (int i = 1; i < x.length; i++) {
      if (at >= x[i - 1] && at <= x[i]) return y[i - 1] + (y[i] - y[i - 1]) * (at - x[i - 1]) / (x[i] - x[i - 1]);
    }
    return Double.NaN;
  }

  /** The least-squares slope of y on x. */
  public static double slope(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i] / x.length;
      my += y[i] / x.length;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxy / sxx;
  }
}
