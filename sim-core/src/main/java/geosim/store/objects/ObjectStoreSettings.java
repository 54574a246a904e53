package geosim.store.objects;

import geosim.kernel.StreamRandom;

/**
 * An S3-like object store ({@code store.object-store}; docs/store/object-store.md). Each app
 * request makes {@code callsPerRequest} object calls on its key, gets for a read and puts for a
 * write. A call takes a lognormal first-byte latency of median {@code firstByteLatencyMedianNs}
 * and shape {@code firstByteLatencySigma}, then the object's size over one stream's bandwidth.
 * Object sizes are lognormal of mean {@code sizes.meanBytes()} and coefficient of variation {@code
 * sizes.cv()}.
 *
 * @param callsPerRequest object calls per app request, 1 to {@value #CALLS_MAX}
 * @param firstByteLatencyMedianNs median time to the first byte, ns, > 0
 * @param firstByteLatencySigma sigma of the latency's logarithm, 0 (constant) to 10
 * @param streamBandwidthBytesPerSecond one stream's throughput, bytes per second, > 0
 * @param sizes the objects' sizes
 * @param prices what requests and storage cost
 */
public record ObjectStoreSettings(int callsPerRequest, long firstByteLatencyMedianNs, double firstByteLatencySigma,
    double streamBandwidthBytesPerSecond, ObjectSizes sizes, ObjectStorePrices prices) {
  /** Most object calls per app request. Assumption: beyond any page's images. */
  public static final int CALLS_MAX = 100;

  public ObjectStoreSettings {
    if (callsPerRequest < 1 || callsPerRequest > CALLS_MAX) {
      throw new IllegalArgumentException("callsPerRequest must be in [1, " + CALLS_MAX + "], got " + callsPerRequest);
    }
    if (firstByteLatencyMedianNs <= 0) {
      throw new IllegalArgumentException("firstByteLatencyMedianNs must be > 0, got " + firstByteLatencyMedianNs);
    }
    if (!(firstByteLatencySigma >= 0 && firstByteLatencySigma <= 10)) {
      throw new IllegalArgumentException("firstByteLatencySigma must be in [0, 10], got " + firstByteLatencySigma);
    }
    if (!(streamBandwidthBytesPerSecond > 0)) {
      throw new IllegalArgumentException("streamBandwidthBytesPerSecond must be > 0, got " + streamBandwidthBytesPerSecond);
    }
    java.util.Objects.requireNonNull(sizes, "sizes");
    java.util.Objects.requireNonNull(prices, "prices");
  }

  /** One call's time to the first byte, ns, >= 1: median x exp(sigma x a standard normal draw). */
  public long firstByteNs(StreamRandom random) {
    if (firstByteLatencySigma == 0) return firstByteLatencyMedianNs;
    return Math.max(1, Math.round(firstByteLatencyMedianNs * Math.exp(firstByteLatencySigma * random.nextGaussian())));
  }

  /** Time to move {@code bytes} over one stream, ns. */
  public long transferNs(long bytes) {
    return Math.round(bytes / streamBandwidthBytesPerSecond * 1e9);
  }
}
