package geosim.store.node;

/**
 * The temporary workload of {@code model = store}: every server coordinates the requests of
 * clients beside it (the client-to-coordinator hop is not modelled), arriving as a Poisson stream.
 *
 * @param ratePerServerPerSecond mean requests per second each server coordinates, >= 0 and at most
 *     {@value #RATE_MAX}; 0 when client actors ({@code geosim.store.client}) send the requests instead
 * @param readFraction probability that a request is a read (else a write), 0 to 1
 * @param keys keys are drawn uniformly from 0 to keys - 1; 1 to {@value #KEYS_MAX}
 * @param valueBytes size of a written value, bytes, 1 to {@value #VALUE_BYTES_MAX}
 * @param preloadedKeys keys 0 to preloadedKeys - 1 are on every one of their replicas' disks when
 *     the run starts, as one SSTable of cells written before the run (as if bulk-loaded with
 *     Cassandra's sstableloader), so reads find data and pay disk reads from the start; 0 to
 *     min(keys, {@value #PRELOADED_KEYS_MAX})
 */
public record StoreWorkload(double ratePerServerPerSecond, double readFraction, long keys, int valueBytes,
    long preloadedKeys) {
  /** Highest rate per server: 1e6 per second. Assumption: far above what one Cassandra node serves. */
  public static final double RATE_MAX = 1e6;
  /** Most keys: 2^62. */
  public static final long KEYS_MAX = 1L << 62;
  /** Largest value: 1 MiB. Assumption: values beyond it belong in a blob store, not a row. */
  public static final int VALUE_BYTES_MAX = 1 << 20;
  /**
   * Most preloaded keys: a million, 28 bytes per key and replica in memory (84 MB at three copies).
   * Assumption: enough for a working set that no memory holds, in a model without a page cache.
   */
  public static final long PRELOADED_KEYS_MAX = 1_000_000;

  public StoreWorkload {
    if (!(ratePerServerPerSecond >= 0 && ratePerServerPerSecond <= RATE_MAX)) {
      throw new IllegalArgumentException("ratePerServerPerSecond must be >= 0 and <= " + RATE_MAX + ", got "
          + ratePerServerPerSecond);
    }
    if (!(readFraction >= 0 && readFraction <= 1)) {
      throw new IllegalArgumentException("readFraction must be between 0 and 1, got " + readFraction);
    }
    if (keys < 1 || keys > KEYS_MAX) throw new IllegalArgumentException("keys must be between 1 and " + KEYS_MAX + ", got " + keys);
    if (valueBytes < 1 || valueBytes > VALUE_BYTES_MAX) {
      throw new IllegalArgumentException("valueBytes must be between 1 and " + VALUE_BYTES_MAX + ", got " + valueBytes);
    }
    if (preloadedKeys < 0 || preloadedKeys > Math.min(keys, PRELOADED_KEYS_MAX)) {
      throw new IllegalArgumentException("preloadedKeys must be between 0 and min(keys, " + PRELOADED_KEYS_MAX
          + "), got " + preloadedKeys);
    }
  }

  /** A workload whose store starts empty. */
  public StoreWorkload(double ratePerServerPerSecond, double readFraction, long keys, int valueBytes) {
    this(ratePerServerPerSecond, readFraction, keys, valueBytes, 0);
  }

  /** The same workload with no per-server stream: client actors send the requests. */
  public StoreWorkload withoutServerStream() {
    return new StoreWorkload(0, readFraction, keys, valueBytes, preloadedKeys);
  }

  /** Mean time between two arrivals at one server, ns. */
  public double intervalMeanNs() {
    return 1e9 / ratePerServerPerSecond;
  }
}
