/**
 * Scheduled faults of a scenario (its {@code faults} block), as data known before the run: a
 * {@link geosim.faults.FaultPlan} of {@link geosim.faults.FaultSpec}s. Model-independent: a region
 * partition becomes network cuts ({@link geosim.network.CutSpec}, applied by the port owners on
 * their own timers), and a model that crashes servers reads each server's crash windows and sets
 * its own timers, so no control message crosses partitions. Depends on the network's cut
 * specification and nothing above it; see docs/faults.md.
 */
package geosim.faults;
