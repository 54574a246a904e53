/**
 * Model layer: the replicated store on the data-center network ({@code model = store}). Every
 * server of the topology is a {@link geosim.store.node.StoreServer}: a replica with its own CPU,
 * disk and {@link geosim.store.storage.StorageEngine}, and a coordinator for the requests of its
 * co-located clients, which it sends to the key's replicas ({@link geosim.store.ring.ReplicaPlacement})
 * over the {@link geosim.fabric.Fabric} and completes at the request's consistency level
 * ({@link geosim.store.ring.ResponseTracker}) or its timeout. Every server gossips and keeps a
 * phi-accrual failure detector per peer ({@code FailureView}), hints writes for replicas that are
 * down ({@code Hints}), and crashes and restarts when the run's {@link geosim.faults.FaultPlan}
 * says so. Depends on the fabric, the ring, gossip, the storage engine, the fault plan, the node's
 * CPU and disk, the topology and the kernel; see docs/model.md, sections "Store servers (model =
 * store)" and "Failure detection and hinted handoff in the store".
 */
package geosim.store.node;
