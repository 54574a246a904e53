package geosim.fleet;

import org.HdrHistogram.Histogram;

/**
 * Records a fluid tick's latencies into an HdrHistogram without drawing samples: the response
 * time distribution is cut into probability bins, and each bin's share of the tick's completed
 * requests is recorded at the bin's upper quantile. Bins are 0.05 wide up to 0.9, 0.01 to 0.99,
 * 0.001 to 0.999, then [0.999, 0.9999) and [0.9999, 1) at 0.99995. Because the edges include
 * 0.5, 0.95, 0.99 and 0.999, a histogram of many ticks gives those percentiles of the mixture
 * exactly (to the histogram's 3 digits); the mean is overestimated by up to half a bin.
 * Fractional counts carry over to the next tick, so the counts add up to the requests served.
 */
final class LatencyGrid {
  /** The probability at which each bin is recorded (its upper edge). */
  static final double[] QUANTILES;
  private static final double[] WEIGHTS;

  static {
    int n = 18 + 9 + 9 + 2;
    QUANTILES = new double[n];
    WEIGHTS = new double[n];
    int i = 0;
    for (int k = 1; k <= 18; k++, i++) set(i, 0.05 * k, 0.05);
    for (int k = 1; k <= 9; k++, i++) set(i, 0.9 + 0.01 * k, 0.01);
    for (int k = 1; k <= 9; k++, i++) set(i, 0.99 + 0.001 * k, 0.001);
    set(i++, 0.9999, 0.0009);
    set(i, 0.99995, 0.0001);
  }

  private final double[] carries = new double[QUANTILES.length];

  private static void set(int i, double q, double w) {
    QUANTILES[i] = Math.min(q, 0.99995);
    WEIGHTS[i] = w;
  }

  /**
   * Records {@code count} requests whose response times, in seconds, are {@code quantilesS} at
   * {@link #QUANTILES}; values are kept in microseconds, at least 1.
   */
  void record(Histogram us, double[] quantilesS, double count) {
    for (int i = 0; i < QUANTILES.length; i++) {
      carries[i] += count * WEIGHTS[i];
      long n = (long) carries[i];
      if (n == 0) continue;
      carries[i] -= n;
      us.recordValueWithCount(Math.max(1, Math.round(quantilesS[i] * 1e6)), n);
    }
  }

  /** Index of the 0.99 quantile in {@link #QUANTILES}. */
  static int p99Index() {
    return 18 + 9 - 1;
  }
}
