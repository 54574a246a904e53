/**
 * Model layer: the first model on the data-center topology ({@code model = netping}). Servers
 * of a {@link geosim.topology.Topology} ping random peers, and every message crosses the network
 * hop by hop through the {@link geosim.network.EgressPort}s of the servers' NICs and the
 * switches, so a round trip is propagation + serialization + queueing per hop, and a full buffer
 * drops. Depends on the kernel, the topology and the network; see docs/model.md, section Netping.
 */
package geosim.netping;
