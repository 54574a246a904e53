/**
 * Model layer, above the kernel and the topology: the resources and lifecycle of one server node.
 * A resource ({@link geosim.node.Cpu}, {@link geosim.node.SharedCpu}, {@link geosim.node.Disk},
 * {@link geosim.node.Nic}) is not an actor; it belongs to the actor of its server, which passes in
 * the virtual time and turns the resource's completion times into its own timers. {@link
 * geosim.node.PowerModel} turns CPU busy time into watts and kWh, and {@link
 * geosim.node.ServerLifecycle} tracks crashes, restarts and termination. Depends only on {@code
 * geosim.kernel} and {@code geosim.topology} (disk kinds, a data center's PUE, NIC limits).
 */
package geosim.node;
