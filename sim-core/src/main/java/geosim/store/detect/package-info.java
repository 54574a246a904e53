/**
 * Model layer: the failure-detector validation model ({@code model = failure-detector}). Every
 * server of the topology runs Cassandra-style gossip ({@link geosim.store.gossip.Gossiper})
 * over the {@link geosim.fabric.Fabric}; one node crashes at a known time, and each observer
 * records how long its phi-accrual detector took to convict it. Depends on the fabric, the
 * gossip state machine, the topology and the kernel; see docs/model.md, section Gossip.
 */
package geosim.store.detect;
