/**
 * The relational tier ({@code model = relational}): MySQL 5.x-style primaries with asynchronous
 * replicas whose single SQL thread applies the binlog (so replication lag builds under write
 * load), hash sharding over primaries by a shard map, reads from replicas audited for stale reads
 * and read-your-writes violations, and failover of a crashed primary to its most up-to-date
 * replica after a detection delay, with the acknowledged writes lost in the lag window counted.
 * Sits on the kernel and the node's CPU model; its messages are fabric messages
 * ({@link geosim.relational.DatabaseTier}) so that the store's app tier can call its servers.
 */
package geosim.relational;
