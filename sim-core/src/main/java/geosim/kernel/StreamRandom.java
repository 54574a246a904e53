package geosim.kernel;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * One actor's random stream: xoroshiro128++ [1] (from Commons RNG) seeded from (run seed, actor
 * id), usable directly or by Commons Math distributions, which take a {@link RandomGenerator}.
 *
 * <p>Example: {@code new ExponentialDistribution(ctx.random(), meanMs)} draws from the actor's
 * own stream. Streams cannot be reseeded: the kernel owns seeding, so results depend only on the
 * scenario and its root seed.
 *
 * <p>[1] Blackman, Vigna: Scrambled linear pseudorandom number generators, ACM TOMS 47(4), 2021.
 */
public final class StreamRandom extends XoRoShiRo128PlusPlus implements RandomGenerator {
  private double spareGaussian;
  private boolean hasSpareGaussian;

  /** A stream for {@code seed}; use {@link Seeds#streamSeed} to derive the seed. */
  public StreamRandom(long seed) {
    super(expand(seed));
  }

  private static long[] expand(long seed) {
    // SplitMix64 expansion of one long into the 128-bit state, as recommended by the authors.
    long s0 = Seeds.mix64(seed + 0x9e3779b97f4a7c15L);
    long s1 = Seeds.mix64(seed + 2 * 0x9e3779b97f4a7c15L);
    if ((s0 | s1) == 0) s1 = 1; // the all-zero state is the generator's one fixed point
    return new long[] {s0, s1};
  }

  /**
   * An exponentially distributed value with the given mean (inverse transform). Allocation-free,
   * for hot paths; equal in distribution to Commons Math's ExponentialDistribution.
   *
   * @param mean the mean, >= 0
   */
  public double exponential(double mean) {
    return -mean * Math.log1p(-nextDouble());
  }

  /** Uniform in [0, 1) with 53 random bits. */
  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, 1) with 24 random bits. */
  @Override
  public float nextFloat() {
    return (nextInt() >>> 8) * 0x1.0p-24f;
  }

  /**
   * Uniform in [0, n) without modulo bias (Lemire's multiply-and-reject [2]).
   *
   * <p>[2] Lemire: Fast random integer generation in an interval, ACM TOMACS 29(1), 2019.
   */
  @Override
  public int nextInt(int n) {
    if (n <= 0) throw new IllegalArgumentException("n must be > 0, got " + n);
    long m = (nextInt() & 0xffffffffL) * n;
    long low = m & 0xffffffffL;
    if (low < n) {
      long threshold = (0x100000000L - n) % n;
      while (low < threshold) {
        m = (nextInt() & 0xffffffffL) * n;
        low = m & 0xffffffffL;
      }
    }
    return (int) (m >>> 32);
  }

  @Override
  public void nextBytes(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      long bits = nextLong();
      for (int k = 0; k < 8 && i < bytes.length; k++, bits >>>= 8) bytes[i++] = (byte) bits;
    }
  }

  @Override
  public boolean nextBoolean() {
    return nextLong() < 0;
  }

  /** A standard normal value (Marsaglia's polar method, caching the second value). */
  @Override
  public double nextGaussian() {
    if (hasSpareGaussian) {
      hasSpareGaussian = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double scale = Math.sqrt(-2 * Math.log(s) / s);
    spareGaussian = v * scale;
    hasSpareGaussian = true;
    return u * scale;
  }

  @Override
  public void setSeed(int seed) {
    throw reseedRefused();
  }

  @Override
  public void setSeed(int[] seed) {
    throw reseedRefused();
  }

  @Override
  public void setSeed(long seed) {
    throw reseedRefused();
  }

  private static UnsupportedOperationException reseedRefused() {
    return new UnsupportedOperationException(
        "an actor's random stream is seeded by the kernel from (run seed, actor path) and cannot be reseeded");
  }
}
