package geosim.store.storage;

/**
 * Totals of the work a {@link StorageEngine} has issued since it was created. Flush and compaction
 * bytes count when the task is issued, not when it completes.
 *
 * @param writes writes applied
 * @param commitLogBytes bytes appended to the commit log: the user bytes written
 * @param flushes flushes issued
 * @param flushBytes bytes written by flushes
 * @param compactions compactions issued
 * @param compactionReadBytes bytes read by compactions
 * @param compactionWriteBytes bytes written by compactions
 * @param reads reads served
 * @param dataReads random reads of SSTables that held the key
 * @param falsePositiveReads random reads wasted on bloom-filter false positives
 * @param filterRejections lookups of an absent key that the bloom filter answered without a read
 */
public record StorageStats(long writes, long commitLogBytes, long flushes, long flushBytes,
    long compactions, long compactionReadBytes, long compactionWriteBytes, long reads,
    long dataReads, long falsePositiveReads, long filterRejections) {
  /** No work: the totals of no engine. */
  public static final StorageStats NONE = new StorageStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** These totals and {@code other}'s added up. */
  public StorageStats plus(StorageStats other) {
    return new StorageStats(writes + other.writes, commitLogBytes + other.commitLogBytes, flushes + other.flushes,
        flushBytes + other.flushBytes, compactions + other.compactions, compactionReadBytes + other.compactionReadBytes,
        compactionWriteBytes + other.compactionWriteBytes, reads + other.reads, dataReads + other.dataReads,
        falsePositiveReads + other.falsePositiveReads, filterRejections + other.filterRejections);
  }

  /**
   * Bytes written to disk per user byte: (commit log + flush + compaction writes) / commit log; 0
   * before the first write. With unique keys and size-tiered compaction this is about 2 + log_T(W
   * / F) (T = min_threshold, W bytes written, F flush size; see docs/store/storage.md).
   */
  public double writeAmplification() {
    if (commitLogBytes == 0) return 0;
    return (double) (commitLogBytes + flushBytes + compactionWriteBytes) / commitLogBytes;
  }

  /** Random SSTable reads per read, (data + false-positive reads) / reads; 0 before the first read. */
  public double readAmplification() {
    return reads == 0 ? 0 : (double) (dataReads + falsePositiveReads) / reads;
  }

  /**
   * Measured bloom-filter false-positive rate: false positives over lookups of absent keys; 0 before
   * the first such lookup.
   */
  public double falsePositiveRate() {
    long absentLookups = falsePositiveReads + filterRejections;
    return absentLookups == 0 ? 0 : (double) falsePositiveReads / absentLookups;
  }
}
