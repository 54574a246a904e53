package geosim.queue;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean of independent replications with the half-width of its 95% confidence interval, from
 * Student's t with R - 1 degrees of freedom: {@code t(0.975, R-1) s / sqrt(R)}.
 */
record Estimate(double mean, double halfWidth, int replications) {
  static Estimate of(double[] values) {
    int n = values.length;
    if (n < 2) throw new IllegalArgumentException("need >= 2 replications, got " + n);
    double mean = 0;
    for (double v : values) mean += v;
    mean /= n;
    double squares = 0;
    for (double v : values) squares += (v - mean) * (v - mean);
    double sd = Math.sqrt(squares / (n - 1));
    // TDistribution's inverse CDF needs no random generator; null avoids a clock-seeded default.
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
    return new Estimate(mean, t * sd / Math.sqrt(n), n);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%.3f ± %.3f", mean, halfWidth);
  }
}
