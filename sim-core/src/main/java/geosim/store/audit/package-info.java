/**
 * Model layer, part of the replicated store ({@code geosim.store}): the consistency audit. Every
 * coordinator keeps a {@link geosim.store.audit.ConsistencyRecorder}: a compact log of the writes
 * it started and the reads it answered (rows of primitive columns, no object per operation), and
 * the time each acknowledged write took to reach every replica. After the run {@link
 * geosim.store.audit.ConsistencyAudit} merges the logs, sorted by (key, time, kind, server, row)
 * so the result never depends on partitioning, and counts stale reads and lost acknowledged
 * writes against the state a full repair converges to. Depends on the storage engine's {@link
 * geosim.store.storage.Cell} (last-write-wins order) and HdrHistogram only; see
 * docs/store/consistency.md.
 */
package geosim.store.audit;
