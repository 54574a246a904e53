package geosim.network;

/**
 * Cumulative traffic of an {@link EgressPort} up to a virtual time; two samples give the
 * utilization of the interval between them.
 *
 * @param atNs virtual time of the sample, ns, >= 0
 * @param foregroundBits bits of accepted messages that had left the port by {@code atNs}, >= 0
 * @param backgroundBits integral of the background flows' rate up to {@code atNs}, bits, >= 0
 * @param bandwidthBps the port's capacity, bit/s, > 0
 */
public record PortUsage(long atNs, double foregroundBits, double backgroundBits, double bandwidthBps) {
  public PortUsage {
    if (atNs < 0) throw new IllegalArgumentException("atNs must be >= 0, got " + atNs);
    if (!(foregroundBits >= 0)) throw new IllegalArgumentException("foregroundBits must be >= 0, got " + foregroundBits);
    if (!(backgroundBits >= 0)) throw new IllegalArgumentException("backgroundBits must be >= 0, got " + backgroundBits);
    if (!(bandwidthBps > 0)) throw new IllegalArgumentException("bandwidthBps must be > 0, got " + bandwidthBps);
  }

  /**
   * Share of capacity foreground messages used since {@code earlier}, 0 to 1: their busy time
   * (bits / bandwidth) over the interval. 0 for an empty interval.
   */
  public double foregroundUtilizationSince(PortUsage earlier) {
    return share(foregroundBits - earlier.foregroundBits, earlier);
  }

  /** Share of capacity background flows used since {@code earlier}, 0 to 1 (time-weighted). */
  public double backgroundUtilizationSince(PortUsage earlier) {
    return share(backgroundBits - earlier.backgroundBits, earlier);
  }

  /** Foreground plus background utilization since {@code earlier}, 0 to 1. */
  public double utilizationSince(PortUsage earlier) {
    return foregroundUtilizationSince(earlier) + backgroundUtilizationSince(earlier);
  }

  private double share(double bits, PortUsage earlier) {
    if (earlier.atNs > atNs) {
      throw new IllegalArgumentException("earlier sample at " + earlier.atNs + " ns is after this one at " + atNs);
    }
    long intervalNs = atNs - earlier.atNs;
    return intervalNs == 0 ? 0 : bits / (bandwidthBps * intervalNs / 1e9);
  }
}
