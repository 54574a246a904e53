package geosim.metrics;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of replications and its 95% confidence interval from Student's t distribution:
 * mean ± t(0.975, n−1) · s / √n, with s the sample standard deviation. With one replication
 * the interval is unknown (NaN half-width).
 */
public record Estimate(int n, double mean, double halfWidth) {
  public static Estimate of(double[] values) {
    int n = values.length;
    if (n == 0) throw new IllegalArgumentException("no values");
    double mean = 0;
    for (double v : values) mean += v;
    mean /= n;
    if (n == 1) return new Estimate(1, mean, Double.NaN);
    double ss = 0;
    for (double v : values) ss += (v - mean) * (v - mean);
    double sd = Math.sqrt(ss / (n - 1));
    // The inverse CDF needs no random generator; null avoids Commons Math's clock-seeded default.
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
    return new Estimate(n, mean, t * sd / Math.sqrt(n));
  }

  public double low() {
    return mean - halfWidth;
  }

  public double high() {
    return mean + halfWidth;
  }
}
