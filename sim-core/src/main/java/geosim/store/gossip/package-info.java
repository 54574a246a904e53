/**
 * Model layer, part of the replicated store ({@code geosim.store}): cluster membership by gossip
 * and the phi-accrual failure detector, after Cassandra. {@link geosim.store.gossip.Gossiper} is
 * one node's gossip as a pure state machine that the store's server actor embeds: the actor
 * calls it every gossip interval and for each gossip message, and sends the {@link
 * geosim.store.gossip.Envelope}s it returns with network delay. {@link
 * geosim.store.gossip.PhiAccrualDetector} is the detector for one monitored peer. Pure classes
 * on virtual time (long ns): no actor, no clock; randomness only from a {@link
 * geosim.kernel.StreamRandom} passed in; nothing iterates a hash map. Depends on the kernel, and on
 * the topology only for {@link geosim.store.gossip.GossipRoster#of}.
 * See docs/store/gossip.md.
 */
package geosim.store.gossip;
