package geosim.cluster;

/**
 * What a store's distributed-run driver asks each host once the hosts' end states are merged:
 * the cells its partitions' replicas hold of {@code keys} (ascending; {@code
 * Simulation.auditedKeys}), the final ring being placement {@code atEndIndex}. Travels as CBOR in
 * {@link RunProtocol.Chunk}s ({@link Chunks}), answered the same way with a {@code
 * geosim.store.audit.KeyCells}.
 */
record CellsQuery(long[] keys, int atEndIndex) {}
