/**
 * Model layer: the data-center network as actors, for any application to send messages over.
 * Every server of a {@link geosim.topology.Topology} is an endpoint actor the application
 * supplies, owning its NIC's egress port ({@link Ports}); every ToR, aggregation and core
 * switch and WAN router is a {@link FabricSwitch} owning an egress port per outgoing link. A
 * {@link Frame} carries an application payload hop by hop, each hop costing queueing,
 * serialization at the residual rate and propagation; a full buffer drops it, a cut link loses
 * it. Background flows and cuts follow the scenario's {@link geosim.network.LinkSchedule}. In
 * paths mode ({@link geosim.network.NetworkMode#PATHS}) there are no switch actors: the NIC sends
 * each frame straight to its destination.
 * Depends on the kernel, the topology and the network; see docs/model.md, section Network.
 */
package geosim.fabric;
