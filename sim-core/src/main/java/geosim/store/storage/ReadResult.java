package geosim.store.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * What one read found and the random disk reads it cost.
 *
 * <p>Each SSTable that holds the key costs one random read ({@code dataReads}); each SSTable whose
 * bloom filter lets an absent key through costs one wasted random read ({@code
 * falsePositiveReads}). The memtable and memtables being flushed cost none. The actor submits
 * {@link #randomReads()} random reads totalling {@code bytesRead} bytes.
 *
 * <p>Example: a key written before two flushes that a compaction has not yet merged, with a false
 * positive in a third table: {@code dataReads = 2, falsePositiveReads = 1}, read amplification 3.
 *
 * @param cell the newest cell of the key on this replica, if any
 * @param dataReads SSTables read that hold the key, >= 0
 * @param falsePositiveReads SSTables read in vain after a bloom-filter false positive, >= 0
 * @param bytesRead bytes moved by those reads, >= 0
 */
public record ReadResult(Optional<Cell> cell, int dataReads, int falsePositiveReads, long bytesRead) {
  public ReadResult {
    Objects.requireNonNull(cell, "cell");
    if (dataReads < 0) throw new IllegalArgumentException("dataReads must be >= 0, got " + dataReads);
    if (falsePositiveReads < 0) {
      throw new IllegalArgumentException("falsePositiveReads must be >= 0, got " + falsePositiveReads);
    }
    if (bytesRead < 0) throw new IllegalArgumentException("bytesRead must be >= 0, got " + bytesRead);
  }

  /** Random disk reads this read costs: {@code dataReads + falsePositiveReads}. */
  public int randomReads() {
    return dataReads + falsePositiveReads;
  }
}
