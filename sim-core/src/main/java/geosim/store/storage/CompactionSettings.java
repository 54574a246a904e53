package geosim.store.storage;

/**
 * Size-tiered compaction strategy (STCS) parameters [1] and the resources a compaction uses.
 *
 * <p>SSTables are grouped into buckets of similar size: taken smallest first, a table joins the
 * first bucket whose average size {@code avg} satisfies {@code bucketLow · avg < size < bucketHigh
 * · avg}, or where both the table and {@code avg} are below {@code minSstableBytes}; otherwise it
 * starts a bucket. A bucket of at least {@code minThreshold} tables is compacted, at most {@code
 * maxThreshold} of them at once (see {@link SizeTieredCompaction}).
 *
 * <p>[1] Apache Cassandra documentation, "Size Tiered Compaction Strategy" (STCS options:
 * min_threshold 4, max_threshold 32, bucket_low 0.5, bucket_high 1.5, min_sstable_size 50 MB);
 * cassandra.apache.org/doc/latest/operating/compaction/stcs.html.
 * <br>[2] conf/cassandra.yaml (apache/cassandra trunk), concurrent_compactors: by default the
 * number of disks or of cores, whichever is smaller, clamped to 2..8; so 2 with one data disk.
 *
 * @param minThreshold fewest similar-sized tables that trigger a compaction, 2 to {@code
 *     maxThreshold}
 * @param maxThreshold most tables merged by one compaction, {@code minThreshold} to {@value
 *     #THRESHOLD_MAX}
 * @param bucketLow lower bound of a bucket, as a fraction of its average size, > 0 and < 1
 * @param bucketHigh upper bound of a bucket, as a multiple of its average size, > 1 and at most
 *     {@value #BUCKET_HIGH_MAX}
 * @param minSstableBytes tables smaller than this share one bucket, bytes, 0 to {@value
 *     #MIN_SSTABLE_BYTES_MAX}
 * @param concurrentCompactors compactions that may run at once, 1 to {@value
 *     #CONCURRENT_COMPACTORS_MAX}
 * @param cpuNsPerByte CPU work per byte a compaction reads (deserialise, merge, serialise,
 *     checksum), core-ns, 0 to {@value #CPU_NS_PER_BYTE_MAX}
 */
public record CompactionSettings(int minThreshold, int maxThreshold, double bucketLow,
    double bucketHigh, long minSstableBytes, int concurrentCompactors, double cpuNsPerByte) {
  /** Most tables per compaction. Assumption: far above Cassandra's default of 32. */
  public static final int THRESHOLD_MAX = 1024;
  /** Largest bucket_high. Assumption: a bucket 100 times its average is no bucket at all. */
  public static final double BUCKET_HIGH_MAX = 100;
  /** Largest min_sstable_size: 1 TiB. */
  public static final long MIN_SSTABLE_BYTES_MAX = 1L << 40;
  /** Most concurrent compactions. Assumption: above Cassandra's automatic maximum of 8. */
  public static final int CONCURRENT_COMPACTORS_MAX = 64;
  /** Most CPU per byte: 1 ms per byte would be a stalled compactor. */
  public static final double CPU_NS_PER_BYTE_MAX = 1e6;

  /**
   * CPU cost of compaction, core-ns per byte read. Assumption: 20 ns/byte, i.e. one core merges
   * 50 MB/s. Compaction of compressed tables is usually CPU-bound in one thread per compaction, at
   * tens of MB/s; no data sheet gives the figure, so it is a knob.
   */
  public static final double CPU_NS_PER_BYTE_DEFAULT = 20;

  public CompactionSettings {
    if (minThreshold < 2 || minThreshold > THRESHOLD_MAX) {
      throw new IllegalArgumentException("minThreshold must be between 2 and " + THRESHOLD_MAX
          + ", got " + minThreshold);
    }
    if (maxThreshold < minThreshold || maxThreshold > THRESHOLD_MAX) {
      throw new IllegalArgumentException("maxThreshold must be between minThreshold ("
          + minThreshold + ") and " + THRESHOLD_MAX + ", got " + maxThreshold);
    }
    if (!(bucketLow > 0 && bucketLow < 1)) {
      throw new IllegalArgumentException("bucketLow must be > 0 and < 1, got " + bucketLow);
    }
    if (!(bucketHigh > 1 && bucketHigh <= BUCKET_HIGH_MAX)) {
      throw new IllegalArgumentException("bucketHigh must be > 1 and <= " + BUCKET_HIGH_MAX
          + ", got " + bucketHigh);
    }
    if (minSstableBytes < 0 || minSstableBytes > MIN_SSTABLE_BYTES_MAX) {
      throw new IllegalArgumentException("minSstableBytes must be between 0 and "
          + MIN_SSTABLE_BYTES_MAX + ", got " + minSstableBytes);
    }
    if (concurrentCompactors < 1 || concurrentCompactors > CONCURRENT_COMPACTORS_MAX) {
      throw new IllegalArgumentException("concurrentCompactors must be between 1 and "
          + CONCURRENT_COMPACTORS_MAX + ", got " + concurrentCompactors);
    }
    if (!(cpuNsPerByte >= 0 && cpuNsPerByte <= CPU_NS_PER_BYTE_MAX)) {
      throw new IllegalArgumentException("cpuNsPerByte must be between 0 and "
          + CPU_NS_PER_BYTE_MAX + ", got " + cpuNsPerByte);
    }
  }

  /**
   * Cassandra's STCS defaults [1]: 4, 32, 0.5, 1.5, 50 MiB; 2 concurrent compactors (one data
   * disk [2]); {@link #CPU_NS_PER_BYTE_DEFAULT}.
   */
  public static CompactionSettings sizeTieredDefaults() {
    return new CompactionSettings(4, 32, 0.5, 1.5, 50L << 20, 2, CPU_NS_PER_BYTE_DEFAULT);
  }
}
