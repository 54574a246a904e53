package geosim.store.storage;

import java.util.Objects;

/**
 * The settings of one replica's {@link StorageEngine}.
 *
 * <p>Defaults ({@link #cassandraDefaults()}), for one table per node:
 *
 * <ul>
 *   <li>Flush at {@value #MEMTABLE_FLUSH_BYTES_DEFAULT} bytes (682.7 MiB): memtable_heap_space
 *       defaults to a quarter of the heap [1], and cassandra-env.sh gives a machine with 32 GB of
 *       RAM or more an 8 GiB heap ("max(min(1/2 ram, 1024MB), min(1/4 ram, 8GB))" [2]), so 2 GiB;
 *       the largest memtable is flushed when memtables fill memtable_cleanup_threshold of that,
 *       1 / (memtable_flush_writers + 1) = 1/3 with the default two flush writers [1].
 *   <li>bloom_filter_fp_chance 0.01, the default for size-tiered compaction [3].
 *   <li>Random reads of 16 KiB: the default compression chunk_length since Cassandra 4.0 (64 KiB
 *       before) [4]; a read decompresses one whole chunk.
 * </ul>
 *
 * <p>[1] conf/cassandra.yaml (apache/cassandra trunk), comments on memtable_heap_space (unset,
 * it is a quarter of the heap), memtable_cleanup_threshold (1 / (memtable_flush_writers + 1)) and
 * memtable_flush_writers (2 with one data directory).
 * <br>[2] conf/cassandra-env.sh, calculate_heap_sizes.
 * <br>[3] Apache Cassandra documentation, "Bloom Filters": bloom_filter_fp_chance defaults to 0.1
 * under LeveledCompactionStrategy and to 0.01 otherwise;
 * cassandra.apache.org/doc/latest/operating/bloom_filters.html.
 * <br>[4] Apache Cassandra source, {@code org.apache.cassandra.schema.CompressionParams}: default
 * chunk length 16 KiB (CASSANDRA-13241, 4.0).
 *
 * @param memtableFlushBytes memtable size that triggers a flush, bytes, 1 to {@value
 *     #MEMTABLE_FLUSH_BYTES_MAX}
 * @param bloomFilterFpChance target false-positive chance of each SSTable's bloom filter, {@value
 *     BloomFilterSpec#FP_CHANCE_MIN} to 1 (1: no filter)
 * @param readChunkBytes bytes moved by one random read of an SSTable, 1 to {@value
 *     #READ_CHUNK_BYTES_MAX}
 * @param compaction size-tiered compaction parameters
 */
public record StorageSettings(long memtableFlushBytes, double bloomFilterFpChance,
    int readChunkBytes, CompactionSettings compaction) {
  /** Largest flush threshold, bytes: 1 TiB, the largest {@code geosim.node.Disk} request. */
  public static final long MEMTABLE_FLUSH_BYTES_MAX = 1L << 40;
  /** Largest read, bytes: 64 MiB. */
  public static final int READ_CHUNK_BYTES_MAX = 64 << 20;
  /** Default flush threshold, bytes: 2 GiB / 3 (see the class comment). */
  public static final long MEMTABLE_FLUSH_BYTES_DEFAULT = (2048L << 20) / 3;
  /** Default bloom_filter_fp_chance for size-tiered compaction. */
  public static final double BLOOM_FILTER_FP_CHANCE_DEFAULT = 0.01;
  /** Default read size, bytes: one 16 KiB compression chunk. */
  public static final int READ_CHUNK_BYTES_DEFAULT = 16 << 10;

  public StorageSettings {
    if (memtableFlushBytes < 1 || memtableFlushBytes > MEMTABLE_FLUSH_BYTES_MAX) {
      throw new IllegalArgumentException("memtableFlushBytes must be between 1 and "
          + MEMTABLE_FLUSH_BYTES_MAX + ", got " + memtableFlushBytes);
    }
    if (!(bloomFilterFpChance >= BloomFilterSpec.FP_CHANCE_MIN && bloomFilterFpChance <= 1)) {
      throw new IllegalArgumentException("bloomFilterFpChance must be between "
          + BloomFilterSpec.FP_CHANCE_MIN + " and 1, got " + bloomFilterFpChance);
    }
    if (readChunkBytes < 1 || readChunkBytes > READ_CHUNK_BYTES_MAX) {
      throw new IllegalArgumentException("readChunkBytes must be between 1 and "
          + READ_CHUNK_BYTES_MAX + ", got " + readChunkBytes);
    }
    Objects.requireNonNull(compaction, "compaction");
  }

  /** The cited defaults above, with {@link CompactionSettings#sizeTieredDefaults()}. */
  public static StorageSettings cassandraDefaults() {
    return new StorageSettings(MEMTABLE_FLUSH_BYTES_DEFAULT, BLOOM_FILTER_FP_CHANCE_DEFAULT,
        READ_CHUNK_BYTES_DEFAULT, CompactionSettings.sizeTieredDefaults());
  }

  /** A copy with another flush threshold. */
  public StorageSettings withMemtableFlushBytes(long bytes) {
    return new StorageSettings(bytes, bloomFilterFpChance, readChunkBytes, compaction);
  }

  /** A copy with other compaction settings. */
  public StorageSettings withCompaction(CompactionSettings settings) {
    return new StorageSettings(memtableFlushBytes, bloomFilterFpChance, readChunkBytes, settings);
  }

  /** The bloom filter every SSTable gets. */
  public BloomFilterSpec bloomFilter() {
    return BloomFilterSpec.forFalsePositiveChance(bloomFilterFpChance);
  }
}
