/**
 * Model layer 2, above {@link geosim.topology}: how messages and background flows use the links
 * of the topology. {@link geosim.network.Routes} finds the path of a flow (up the tree to the
 * lowest common switch and down, ECMP by flow hash); {@link geosim.network.EgressPort} times a
 * message through one direction of a link (serialization, queueing in a finite buffer,
 * propagation); {@link geosim.network.MaxMinFairShare} shares link capacity among fluid
 * background flows; {@link geosim.network.LinkCuts} are network partitions. Pure classes on
 * virtual time (long ns): no actor, no clock, no randomness; nothing iterates a hash map. Depends
 * on the kernel and the topology only.
 */
package geosim.network;
