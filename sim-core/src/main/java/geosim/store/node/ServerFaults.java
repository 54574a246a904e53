package geosim.store.node;

import geosim.faults.FaultSpec;
import geosim.store.gossip.GossipRoster;
import java.util.List;

/**
 * What a store server needs to know before the run about gossip and scheduled faults: the
 * cluster's roster and every crash (shared, read-only), and its own crash windows.
 *
 * @param roster every server's path and the seeds
 * @param crashes every scheduled server crash of the run
 * @param crashWindowsNs this server's crashes as {start, end} pairs, ns, by start, not overlapping
 */
record ServerFaults(GossipRoster roster, List<FaultSpec> crashes, long[] crashWindowsNs) {}
