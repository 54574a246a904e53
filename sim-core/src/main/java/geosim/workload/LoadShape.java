package geosim.workload;

import java.util.List;
import java.util.Objects;

/**
 * A factor of a client population's request rate over virtual time: the population's rate at time
 * t is its base rate times the product of its shapes' {@link #factor factors} ({@link
 * #product}). Every factor is finite and {@code >= 0}. Times are virtual nanoseconds since the
 * start of the run, which is a Monday, 00:00 UTC.
 *
 * <p>{@link #upperBound} bounds the factor over an interval; {@link Arrivals} thins a Poisson
 * stream at that bound, so a bound must never be below the factor (a loose bound only costs
 * rejected candidates, never correctness).
 */
public sealed interface LoadShape {
  long HOUR_NS = 3_600_000_000_000L;
  long DAY_NS = 24 * HOUR_NS;
  long WEEK_NS = 7 * DAY_NS;

  /** The factor at {@code tNs}, finite and >= 0. */
  double factor(long tNs);

  /** A number >= {@link #factor} at every time in {@code [fromNs, toNs]}. */
  double upperBound(long fromNs, long toNs);

  /** The product of {@code shapes}: the factor by which a population's base rate is multiplied. */
  static LoadShape product(List<LoadShape> shapes) {
    return shapes.size() == 1 ? shapes.get(0) : new Product(List.copyOf(shapes));
  }

  /** Several shapes multiplied; the bound is the product of their bounds. */
  record Product(List<LoadShape> shapes) implements LoadShape {
    public Product {
      shapes = List.copyOf(shapes);
    }

    @Override
    public double factor(long tNs) {
      double f = 1;
      for (LoadShape s : shapes) f *= s.factor(tNs);
      return f;
    }

    @Override
    public double upperBound(long fromNs, long toNs) {
      double b = 1;
      for (LoadShape s : shapes) b *= s.upperBound(fromNs, toNs);
      return b;
    }
  }

  /** The same factor at all times. */
  record Constant(double value) implements LoadShape {
    public Constant {
      requireFactor("value", value);
    }

    @Override
    public double factor(long tNs) {
      return value;
    }

    @Override
    public double upperBound(long fromNs, long toNs) {
      return value;
    }
  }

  /**
   * A factor of 1 until the first step, then each step's value from its time on.
   *
   * @param atNs step times, strictly increasing, >= 0
   * @param values the factor from each step on
   */
  record Steps(long[] atNs, double[] values) implements LoadShape {
    public Steps {
      if (atNs.length != values.length || atNs.length == 0) {
        throw new IllegalArgumentException("steps need as many times as values, at least one");
      }
      atNs = atNs.clone();
      values = values.clone();
      for (int i = 0; i < atNs.length; i++) {
        if (atNs[i] < 0 || (i > 0 && atNs[i] <= atNs[i - 1])) {
          throw new IllegalArgumentException("step times must be >= 0 and strictly increasing");
        }
        requireFactor("value", values[i]);
      }
    }

    @Override
    public double factor(long tNs) {
      double f = 1;
      for (int i = 0; i < atNs.length && atNs[i] <= tNs; i++) f = values[i];
      return f;
    }

    @Override
    public double upperBound(long fromNs, long toNs) {
      double b = factor(fromNs);
      for (int i = 0; i < atNs.length; i++) {
        if (atNs[i] > fromNs && atNs[i] <= toNs) b = Math.max(b, values[i]);
      }
      return b;
    }
  }

  /** {@code from} until {@code startNs}, a straight line to {@code to} at {@code endNs}, {@code to} after. */
  record Ramp(long startNs, long endNs, double from, double to) implements LoadShape {
    public Ramp {
      if (startNs < 0 || endNs <= startNs) throw new IllegalArgumentException("a ramp needs 0 <= start < end");
      requireFactor("from", from);
      requireFactor("to", to);
    }

    @Override
    public double factor(long tNs) {
      if (tNs <= startNs) return from;
      if (tNs >= endNs) return to;
      return from + (to - from) * ((double) (tNs - startNs) / (endNs - startNs));
    }

    @Override
    public double upperBound(long fromNs, long toNs) {
      return Math.max(factor(fromNs), factor(toNs)); // monotone
    }
  }

  /**
   * A day's cycle in local time: 1 at {@code peakHour}, {@code trough} twelve hours away, a
   * cosine between: {@code f = trough + (1 - trough)(1 + cos(2 pi (h - peak) / 24)) / 2} with h
   * the local hour ({@code UTC + utcOffsetHours}).
   */
  record Diurnal(double peakHour, double trough, double utcOffsetHours) implements LoadShape {
    public Diurnal {
      if (!(peakHour >= 0 && peakHour < 24)) throw new IllegalArgumentException("peakHour must be in [0, 24)");
      if (!(trough >= 0 && trough <= 1)) throw new IllegalArgumentException("trough must be in [0, 1]");
      if (!(Math.abs(utcOffsetHours) <= 14)) throw new IllegalArgumentException("utcOffsetHours must be in [-14, 14]");
    }

    @Override
    public double factor(long tNs) {
      double h = localHours(tNs, utcOffsetHours);
      return trough + (1 - trough) * (1 + Math.cos(2 * Math.PI * (h - peakHour) / 24)) / 2;
    }

    @Override
    public double upperBound(long fromNs, long toNs) {
      // Between two peaks the cosine falls then rises, so without a peak inside, an end is the max.
      double h = localHours(fromNs, utcOffsetHours);
      double toNextPeakH = ((peakHour - h) % 24 + 24) % 24;
      if ((toNs - fromNs) / (double) HOUR_NS >= toNextPeakH) return 1;
      return Math.max(factor(fromNs), factor(toNs));
    }
  }

  /** {@code weekend} on Saturdays and Sundays in local time, 1 on other days (the run starts on a Monday, UTC). */
  record Weekly(double weekend, double utcOffsetHours) implements LoadShape {
    public Weekly {
      requireFactor("weekend", weekend);
      if (!(Math.abs(utcOffsetHours) <= 14)) throw new IllegalArgumentException("utcOffsetHours must be in [-14, 14]");
    }

    @Override
    public double factor(long tNs) {
      return isWeekend(tNs) ? weekend : 1;
    }

    private boolean isWeekend(long tNs) {
      double localDays = localHours(tNs, utcOffsetHours) / 24; // unbounded: days since Monday 00:00 local
      long day = Math.floorMod((long) Math.floor(localDays), 7);
      return day >= 5;
    }

    @Override
    public double upperBound(long fromNs, long toNs) {
      double b = factor(fromNs);
      // Every local midnight inside the interval may switch the factor.
      long localOffsetNs = Math.round(utcOffsetHours * HOUR_NS);
      long firstMidnight = Math.floorDiv(fromNs + localOffsetNs, DAY_NS) * DAY_NS + DAY_NS - localOffsetNs;
      for (long t = firstMidnight; t <= toNs && t - firstMidnight <= WEEK_NS; t += DAY_NS) b = Math.max(b, factor(t));
      return b;
    }
  }

  /**
   * The share of an MMO's subscribers who play, after the launch of seed 001: 0 before {@code
   * launchNs}, {@code dayOne} at the launch, decaying toward {@code settled} with time constant
   * {@code settleNs}: {@code settled + (dayOne - settled) exp(-(t - launch) / settle)}.
   */
  record MmoLaunch(long launchNs, double dayOne, double settled, long settleNs) implements LoadShape {
    public MmoLaunch {
      if (launchNs < 0) throw new IllegalArgumentException("launch must be >= 0");
      requireFactor("dayOne", dayOne);
      requireFactor("settled", settled);
      if (settleNs <= 0) throw new IllegalArgumentException("settle must be > 0");
    }

    @Override
    public double factor(long tNs) {
      if (tNs < launchNs) return 0;
      return settled + (dayOne - settled) * Math.exp(-(double) (tNs - launchNs) / settleNs);
    }

    @Override
    public double upperBound(long fromNs, long toNs) {
      if (toNs < launchNs) return 0;
      long from = Math.max(fromNs, launchNs);
      return Math.max(factor(from), factor(toNs)); // monotone after the launch
    }
  }

  /**
   * A flash crowd, after Animoto's in seed 001 (about 50 to about 5,000 servers in three days):
   * {@code from} until {@code startNs}, exponential growth to {@code to} over {@code growNs}, then
   * {@code to}: {@code from (to / from)^((t - start) / grow)}.
   */
  record FlashCrowd(long startNs, long growNs, double from, double to) implements LoadShape {
    public FlashCrowd {
      if (startNs < 0 || growNs <= 0) throw new IllegalArgumentException("a flash crowd needs start >= 0 and grow > 0");
      if (!(from > 0 && Double.isFinite(from)) || !(to > 0 && Double.isFinite(to))) {
        throw new IllegalArgumentException("a flash crowd needs from > 0 and to > 0");
      }
    }

    @Override
    public double factor(long tNs) {
      if (tNs <= startNs) return from;
      if (tNs >= startNs + growNs) return to;
      return from * Math.pow(to / from, (double) (tNs - startNs) / growNs);
    }

    @Override
    public double upperBound(long fromNs, long toNs) {
      return Math.max(factor(fromNs), factor(toNs)); // monotone
    }
  }

  /**
   * A replayed trace: straight lines between the points {@code (timesNs[i], values[i])}, the first
   * value before the first point and the last after the last.
   */
  record Trace(String source, long[] timesNs, double[] values) implements LoadShape {
    public Trace {
      Objects.requireNonNull(source, "source");
      if (timesNs.length != values.length || timesNs.length == 0) {
        throw new IllegalArgumentException("a trace needs as many times as values, at least one");
      }
      timesNs = timesNs.clone();
      values = values.clone();
      for (int i = 0; i < timesNs.length; i++) {
        if (timesNs[i] < 0 || (i > 0 && timesNs[i] <= timesNs[i - 1])) {
          throw new IllegalArgumentException("trace times must be >= 0 and strictly increasing");
        }
        requireFactor("value", values[i]);
      }
    }

    @Override
    public double factor(long tNs) {
      int i = indexAtOrBefore(tNs);
      if (i < 0) return values[0];
      if (i == timesNs.length - 1) return values[i];
      double w = (double) (tNs - timesNs[i]) / (timesNs[i + 1] - timesNs[i]);
      return values[i] + (values[i + 1] - values[i]) * w;
    }

    /** The last point at or before {@code tNs}, or -1. */
    private int indexAtOrBefore(long tNs) {
      int i = java.util.Arrays.binarySearch(timesNs, tNs);
      return i >= 0 ? i : -i - 2;
    }

    @Override
    public double upperBound(long fromNs, long toNs) {
      double b = Math.max(factor(fromNs), factor(toNs)); // lines: the max is at an end or a point inside
      for (int i = Math.max(0, indexAtOrBefore(fromNs) + 1); i < timesNs.length && timesNs[i] <= toNs; i++) {
        b = Math.max(b, values[i]);
      }
      return b;
    }
  }

  private static double localHours(long tNs, double utcOffsetHours) {
    return tNs / (double) HOUR_NS + utcOffsetHours;
  }

  private static void requireFactor(String name, double value) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
    }
  }
}
