package geosim.store.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Size-tiered compaction's choice of tables to merge [1], [2].
 *
 * <p>Buckets: the tables, smallest first (ties by generation), each join the first existing bucket
 * (in creation order) whose average size {@code avg} satisfies {@code bucketLow · avg < size <
 * bucketHigh · avg}, or where the table and {@code avg} are both below {@code minSstableBytes};
 * otherwise a table starts a new bucket. A bucket's average is its total size over its table
 * count (integer division).
 *
 * <p>Choice: of the buckets holding at least {@code minThreshold} tables, the one with the smallest
 * average size (Cassandra 1.x; later versions prefer the bucket most read per key, which needs read
 * statistics this model does not keep, and agree when reads are spread evenly), ties to the bucket
 * created first; of its tables, the oldest {@code maxThreshold} by generation.
 *
 * <p>Cassandra iterates its buckets in a hash map's order; here the order is creation order, so the
 * choice is deterministic.
 *
 * <p>[1] Apache Cassandra documentation, "Size Tiered Compaction Strategy".
 * <br>[2] Apache Cassandra source, {@code SizeTieredCompactionStrategy#getBuckets} and
 * {@code #getNextBackgroundTask} (1.x).
 */
final class SizeTieredCompaction {
  private final CompactionSettings settings;

  SizeTieredCompaction(CompactionSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The tables to compact next among {@code candidates}, oldest first; empty if none qualifies. */
  List<SSTable> select(List<SSTable> candidates) {
    Bucket best = null;
    for (Bucket bucket : buckets(candidates)) {
      if (bucket.tables.size() < settings.minThreshold()) continue;
      if (best == null || bucket.averageBytes() < best.averageBytes()) best = bucket;
    }
    if (best == null) return List.of();
    List<SSTable> oldestFirst = new ArrayList<>(best.tables);
    oldestFirst.sort(Comparator.comparingLong(SSTable::generation));
    return List.copyOf(oldestFirst.subList(0, Math.min(oldestFirst.size(), settings.maxThreshold())));
  }

  /**
   * Compactions the candidates call for, as Cassandra estimates pending tasks: for each bucket of at
   * least {@code minThreshold} tables, ceil(tables / maxThreshold).
   */
  int estimatedTasks(List<SSTable> candidates) {
    int tasks = 0;
    for (Bucket bucket : buckets(candidates)) {
      int n = bucket.tables.size();
      if (n >= settings.minThreshold()) tasks += (n + settings.maxThreshold() - 1) / settings.maxThreshold();
    }
    return tasks;
  }

  private List<Bucket> buckets(List<SSTable> candidates) {
    List<SSTable> bySize = new ArrayList<>(candidates);
    bySize.sort(Comparator.comparingLong(SSTable::sizeBytes).thenComparingLong(SSTable::generation));
    List<Bucket> buckets = new ArrayList<>();
    for (SSTable table : bySize) {
      Bucket home = null;
      for (Bucket bucket : buckets) {
        if (bucket.accepts(table.sizeBytes())) {
          home = bucket;
          break;
        }
      }
      if (home == null) {
        home = new Bucket();
        buckets.add(home);
      }
      home.add(table);
    }
    return buckets;
  }

  /** Tables of similar size. */
  private final class Bucket {
    private final List<SSTable> tables = new ArrayList<>();
    private long totalBytes;

    long averageBytes() {
      return totalBytes / tables.size();
    }

    boolean accepts(long sizeBytes) {
      long average = averageBytes();
      boolean similar = sizeBytes > settings.bucketLow() * average
          && sizeBytes < settings.bucketHigh() * average;
      long small = settings.minSstableBytes();
      return similar || (sizeBytes < small && average < small);
    }

    void add(SSTable table) {
      tables.add(table);
      totalBytes += table.sizeBytes();
    }
  }
}
