package geosim.topology;

/**
 * Latency and bandwidth of a link, per direction.
 *
 * @param latencyNs one-way propagation latency in nanoseconds, >= 0
 * @param bandwidthGbps capacity in Gbit/s, > 0 and finite
 */
public record LinkSpec(long latencyNs, double bandwidthGbps) {
  public LinkSpec {
    if (latencyNs < 0) throw new IllegalArgumentException("latencyNs must be >= 0, got " + latencyNs);
    if (!(bandwidthGbps > 0 && Double.isFinite(bandwidthGbps))) {
      throw new IllegalArgumentException("bandwidthGbps must be > 0 and finite, got " + bandwidthGbps);
    }
  }
}
