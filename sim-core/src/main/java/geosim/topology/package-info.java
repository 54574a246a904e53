/**
 * Model layer 1, directly above the kernel: the physical topology of a geo-distributed system.
 * Regions (map coordinates, a WAN router) hold data centers or availability zones (PUE, core
 * and aggregation switches), which hold racks (a power domain with a top-of-rack switch), which
 * hold servers (role, cores, memory, disk kind, NIC). {@link geosim.topology.Topology} adds the
 * inter-region round-trip times and lookups by actor path ({@code us-east/use1-a/rack-3/srv-12},
 * the segments {@link geosim.kernel.PartitionBy} cuts). Everything here is immutable and in
 * config order; nothing iterates a hash map.
 */
package geosim.topology;
