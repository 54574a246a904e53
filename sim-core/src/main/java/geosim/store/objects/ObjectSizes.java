package geosim.store.objects;

import geosim.kernel.Seeds;

/**
 * Object sizes: lognormal of mean {@code meanBytes} and coefficient of variation {@code cv}
 * (sigma^2 = ln(1 + cv^2), mu = ln(mean) - sigma^2 / 2), or always the mean with cv 0. The size of
 * version v of key k is a pure function of (salt, k, v), so a get finds the size its key's last
 * put gave it, and keys never put have a size from the start, without a table of every key.
 *
 * @param meanBytes mean object size, bytes, >= 1
 * @param cv coefficient of variation, 0 to 100
 */
public record ObjectSizes(long meanBytes, double cv) {
  /** Largest object. Source: S3's 5 GB limit on one PUT (Amazon S3 documentation, "Uploading objects"). */
  public static final long SIZE_BYTES_MAX = 5_000_000_000L;

  public ObjectSizes {
    if (meanBytes < 1 || meanBytes > SIZE_BYTES_MAX) {
      throw new IllegalArgumentException("meanBytes must be in [1, " + SIZE_BYTES_MAX + "], got " + meanBytes);
    }
    if (!(cv >= 0 && cv <= 100)) throw new IllegalArgumentException("cv must be in [0, 100], got " + cv);
  }

  /** The size of version {@code version} of {@code key} in a bucket whose sizes {@code salt} picks, bytes, 1 to the maximum. */
  public long sizeBytes(long salt, long key, long version) {
    if (cv == 0) return meanBytes;
    long bits = Seeds.mix64(Seeds.streamSeed(salt, key) ^ Seeds.mix64(version + 0x6f626a656374L));
    double u = ((bits >>> 11) + 0.5) * 0x1.0p-53;
    double sigma2 = Math.log1p(cv * cv);
    double mu = Math.log(meanBytes) - sigma2 / 2;
    double size = Math.exp(mu + Math.sqrt(sigma2) * standardNormalQuantile(u));
    return Math.max(1, Math.min(SIZE_BYTES_MAX, Math.round(size)));
  }

  /**
   * The standard normal quantile, by Acklam's rational approximation (relative error below 1.15e-9;
   * P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function", 2003).
   */
  static double standardNormalQuantile(double p) {
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double low = 0.02425;
    if (p < low || p > 1 - low) {
      double q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
      double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
      return p < low ? x : -x;
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
