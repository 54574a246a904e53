package geosim.workload;

import static geosim.workload.LoadShape.HOUR_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.StreamRandom;
import org.junit.jupiter.api.Test;

class ArrivalsTest {
  /** Counts arrivals per bin of {@code binNs} over {@code [0, horizonNs)}. */
  private static long[] counts(Arrivals arrivals, long horizonNs, long binNs, long seed) {
    long[] bins = new long[(int) (horizonNs / binNs)];
    StreamRandom r = new StreamRandom(seed);
    for (long t = arrivals.next(0, horizonNs, r); t < horizonNs; t = arrivals.next(t, horizonNs, r)) {
      bins[(int) (t / binNs)]++;
    }
    return bins;
  }

  @Test
  void eachHourOfADayGetsThePoissonCountOfItsIntegratedRate() {
    // 10/s at the peak (20:00 UTC), 1/s at the trough: 24 hourly bins, each checked within 4.5 sigma.
    LoadShape diurnal = new LoadShape.Diurnal(20, 0.1, 0);
    Arrivals arrivals = new Arrivals(10, diurnal);
    long[] bins = counts(arrivals, 24 * HOUR_NS, HOUR_NS, 7);
    double chi2 = 0;
    for (int h = 0; h < 24; h++) {
      double expected = integral(arrivals, h * HOUR_NS, (h + 1) * HOUR_NS);
      assertTrue(Math.abs(bins[h] - expected) < 4.5 * Math.sqrt(expected), "hour " + h + ": " + bins[h] + " vs " + expected);
      chi2 += (bins[h] - expected) * (bins[h] - expected) / expected;
    }
    assertTrue(chi2 < 51.2, "chi-square over 24 bins: " + chi2); // 99.9% point of chi2(24)
  }

  @Test
  void aStepToZeroStopsArrivalsAndThereAreNoneBeyondTheHorizon() {
    Arrivals arrivals = new Arrivals(100, new LoadShape.Steps(new long[] {HOUR_NS / 2}, new double[] {0}));
    StreamRandom r = new StreamRandom(1);
    long last = 0;
    int n = 0;
    for (long t = arrivals.next(0, HOUR_NS, r); t != Long.MAX_VALUE; t = arrivals.next(t, HOUR_NS, r)) {
      assertTrue(t > last && t < HOUR_NS / 2, "t = " + t);
      last = t;
      n++;
    }
    assertTrue(Math.abs(n - 180_000) < 4.5 * Math.sqrt(180_000), "n = " + n);
  }

  @Test
  void aLooseBoundGivesTheSameCountsAsATightOne() {
    // A flash crowd from 1x to 100x: early windows are bounded tightly, a constant 100 is loose.
    LoadShape crowd = new LoadShape.FlashCrowd(0, 2 * HOUR_NS, 1, 100);
    long[] bins = counts(new Arrivals(2, crowd), 2 * HOUR_NS, HOUR_NS / 4, 3);
    for (int b = 0; b < bins.length; b++) {
      double expected = integral(new Arrivals(2, crowd), b * HOUR_NS / 4, (b + 1) * HOUR_NS / 4);
      assertTrue(Math.abs(bins[b] - expected) < 4.5 * Math.sqrt(expected), "bin " + b + ": " + bins[b] + " vs " + expected);
    }
  }

  @Test
  void theSameSeedGivesTheSameArrivals() {
    Arrivals arrivals = new Arrivals(50, new LoadShape.Weekly(2, 0));
    assertEquals(java.util.Arrays.toString(counts(arrivals, HOUR_NS, 60_000_000_000L, 9)),
        java.util.Arrays.toString(counts(arrivals, HOUR_NS, 60_000_000_000L, 9)));
  }

  /** The expected count over [from, to): the rate integrated by the midpoint rule in 1-second steps. */
  private static double integral(Arrivals arrivals, long fromNs, long toNs) {
    double sum = 0;
    for (long t = fromNs; t < toNs; t += 1_000_000_000L) sum += arrivals.ratePerSecond(t + 500_000_000L);
    return sum;
  }
}
