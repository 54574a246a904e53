/**
 * Model layer 3, the bottom of {@code geosim.store}: where the replicated store keeps each key and
 * how many answers a request waits for. {@link geosim.store.ring.TokenRing} places every store
 * node on a 64-bit token ring with virtual nodes; {@link geosim.store.ring.ReplicaPlacement}
 * applies a {@link geosim.store.ring.ReplicationStrategy} ({@code SimpleStrategy} or the
 * rack-aware {@code NetworkTopologyStrategy}) to find a key's replicas in preference order;
 * {@link geosim.store.ring.ConsistencyLevel} says how many replicas must answer, and a
 * {@link geosim.store.ring.ResponseTracker} counts one request's answers. Pure, deterministic
 * classes, no actors: randomness comes in as a {@link geosim.kernel.StreamRandom}, nothing reads a
 * clock or iterates a hash map. Depends on the kernel and the topology only.
 */
package geosim.store.ring;
