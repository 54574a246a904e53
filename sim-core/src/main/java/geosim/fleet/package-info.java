/**
 * Model layer: the aggregated (fluid) fleet model, {@code model = fleet}. One actor per region
 * and role ticks through virtual time; each tick it takes the arrival rate from the region's
 * load shape, serves it with the servers in service (M/M/c per server while the fleet keeps up,
 * a fluid backlog when it does not), lets its {@link geosim.elastic.Autoscaler} resize the fleet,
 * and counts instance time, busy core time and latencies. Days of a 5,000-server fleet cost a few
 * seconds of wall time. Depends on {@code geosim.kernel}, {@code geosim.workload}, {@code
 * geosim.node}, {@code geosim.elastic} and {@code geosim.cost}.
 */
package geosim.fleet;
