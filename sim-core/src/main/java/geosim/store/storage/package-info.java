/**
 * Model layer, part of the replicated store ({@code geosim.store}): one replica's storage engine,
 * after Cassandra's log-structured write path [1]. A write is appended to the commit log and
 * applied to the memtable; a full memtable is flushed to an immutable SSTable; SSTables of similar
 * size are merged by size-tiered compaction. A read merges the memtable and every SSTable whose
 * bloom filter may hold the key, newest cell winning, so read and write amplification emerge.
 *
 * <p>Pure, deterministic classes, no actors: {@link geosim.store.storage.StorageEngine} returns
 * the disk and CPU work each call causes ({@link geosim.store.storage.WriteWork}, {@link
 * geosim.store.storage.FlushTask}, {@link geosim.store.storage.CompactionTask}, {@link
 * geosim.store.storage.ReadResult}) and never executes it; the replica's actor submits that work
 * to its {@code geosim.node.Disk} and {@code geosim.node.Cpu} and reports completions back.
 * Randomness (bloom-filter false positives) comes only from the caller's {@code StreamRandom};
 * nothing iterates a hash map. Depends on {@code geosim.kernel} only.
 *
 * <p>[1] A. Lakshman, P. Malik, "Cassandra: a decentralized structured storage system", ACM SIGOPS
 * Operating Systems Review 44(2), 2010; J. Hamilton's notes on the Cassandra talk (seed 001,
 * 2009): commit log, memtables, data file + index + bloom filter, merging data files.
 */
package geosim.store.storage;
