/**
 * Anti-entropy repair, after Cassandra's {@code nodetool repair}: Merkle trees of each replica's
 * data per token range, compared leaf by leaf, and the differing leaves streamed between
 * replicas. Sits on the ring, the storage engine, the node resources and the fabric; the store
 * node ({@code geosim.store.node}) hosts it. See docs/store/repair.md.
 */
package geosim.store.repair;
