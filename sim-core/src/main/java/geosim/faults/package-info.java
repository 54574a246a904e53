/**
 * Faults of a scenario (its {@code faults} block), as data known before the run: a {@link
 * geosim.faults.FaultPlan} of {@link geosim.faults.FaultSpec}s, scheduled or drawn at random
 * before the run ({@link geosim.faults.RandomFaults}). Model-independent: partitions, link cuts,
 * failed switches and region outages become network cuts ({@link geosim.network.CutSpec}), storms
 * become background flows ({@link geosim.network.BackgroundFlowSpec}), both applied by the port
 * owners on their own timers; a model whose servers can crash or change reads each server's down
 * windows and its own slow disks, clock jumps and gray failures and sets its own timers, so no
 * control message crosses partitions. Depends on the network's cut and flow specifications, the
 * topology and the kernel's seeded streams, nothing above them; see docs/faults.md.
 */
package geosim.faults;
