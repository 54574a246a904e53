/**
 * Model layer, above the kernel: the resources of one server node. A resource (such as {@link
 * geosim.node.Cpu}) is not an actor; it belongs to the actor of its server, which passes in the
 * virtual time and turns the resource's completion times into its own timers. Depends only on
 * {@code geosim.kernel}.
 */
package geosim.node;
