package geosim.workload;

import geosim.kernel.StreamRandom;
import java.util.Objects;

/**
 * A non-homogeneous Poisson stream of arrivals at {@code ratePerSecond x shape.factor(t)}, drawn
 * by thinning (Lewis and Shedler, "Simulation of nonhomogeneous Poisson processes by thinning",
 * Naval Research Logistics Quarterly 26(3), 1979): in each window of {@link #WINDOW_NS}, candidates
 * come at the window's bound rate and each is kept with probability rate(t) / bound. The result
 * is exact whatever the bound, as long as it is not below the rate; a tight bound only wastes
 * fewer draws. A window whose bound is 0 is skipped without a draw.
 */
public final class Arrivals {
  /** Length of a thinning window: one virtual minute, short beside every shape's changes but a trace's. */
  public static final long WINDOW_NS = 60_000_000_000L;

  private final double ratePerSecond;
  private final LoadShape shape;

  /**
   * @param ratePerSecond the base rate, finite and >= 0
   * @param shape the factor over time
   */
  public Arrivals(double ratePerSecond, LoadShape shape) {
    if (!(ratePerSecond >= 0 && Double.isFinite(ratePerSecond))) {
      throw new IllegalArgumentException("ratePerSecond must be finite and >= 0, got " + ratePerSecond);
    }
    this.ratePerSecond = ratePerSecond;
    this.shape = Objects.requireNonNull(shape, "shape");
  }

  /** The rate at {@code tNs}, per second. */
  public double ratePerSecond(long tNs) {
    return ratePerSecond * shape.factor(tNs);
  }

  /**
   * The first arrival after {@code nowNs} (at least 1 ns later), or {@link Long#MAX_VALUE} when
   * there is none before {@code horizonNs}.
   */
  public long next(long nowNs, long horizonNs, StreamRandom random) {
    long t = nowNs;
    while (t < horizonNs) {
      long windowEnd = t + Math.min(WINDOW_NS, horizonNs - t);
      double bound = ratePerSecond * shape.upperBound(t, windowEnd);
      if (bound <= 0) {
        t = windowEnd;
        continue;
      }
      double gapNs = random.exponential(1e9 / bound);
      if (gapNs >= windowEnd - t) {
        t = windowEnd; // no candidate in this window; the stream is memoryless
        continue;
      }
      long candidate = t + Math.max(1, (long) Math.ceil(gapNs));
      if (random.nextDouble() * bound < ratePerSecond(candidate)) return candidate;
      t = candidate;
    }
    return Long.MAX_VALUE;
  }
}
