package geosim.store.node;

import geosim.faults.FaultSpec;
import geosim.faults.ServerOutage;
import geosim.store.gossip.GossipRoster;
import java.util.List;

/**
 * What a store server needs to know before the run about gossip and scheduled faults: the
 * cluster's roster and every server outage (shared, read-only), its own down windows, and its own
 * slow disks, clock jumps and gray failures.
 *
 * @param roster every server's path and the seeds
 * @param outages every server taken down by a scheduled fault in the run
 * @param downWindowsNs this server's down times as {start, end} pairs, ns, by start, not overlapping
 * @param stateFaults this server's slow disks, clock jumps and gray failures
 * @param diskLossesNs when this server loses its disk's contents (a terminated instance, a failed
 *     disk), ns, ascending; empty for never
 */
record ServerFaults(GossipRoster roster, List<ServerOutage> outages, long[] downWindowsNs, List<FaultSpec> stateFaults,
    long[] diskLossesNs) {}
