package geosim.store.objects;

/** Names of the object store's counters and histograms. */
public final class ObjectStoreMetrics {
  /** Counter: GET requests. */
  public static final String GETS = "objectstore.gets";
  /** Counter: PUT requests. */
  public static final String PUTS = "objectstore.puts";
  /** Counter: bytes sent by gets. */
  public static final String BYTES_READ = "objectstore.bytes-read";
  /** Counter: bytes received by puts. */
  public static final String BYTES_WRITTEN = "objectstore.bytes-written";
  /** Counter: bytes held x seconds, integrated over the run (added at every change and snapshot). */
  public static final String BYTE_SECONDS = "objectstore.byte-seconds";
  /** Histogram: a get's time at the store, first byte and transfer, us. */
  public static final String GET_LATENCY_US = "objectstore.get.latency-us";
  /** Histogram: a put's time at the store, us. */
  public static final String PUT_LATENCY_US = "objectstore.put.latency-us";

  private ObjectStoreMetrics() {}
}
