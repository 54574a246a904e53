/**
 * Distributed sweeps and runs on a Pekko Cluster: seed and worker members; the driver that hands
 * a sweep's (point, replication) units to workers by work pulling; and the driver that places one
 * run's partitions on workers' {@link geosim.cluster.PartitionHost}s and runs the kernel's
 * coordinator against them. Membership, failure detection, downing (split-brain resolver,
 * keep-majority), the receptionist, death watch and serialization (Jackson CBOR) are Pekko's; this
 * package adds only the sweep and placement protocols. Sits beside {@code geosim.sweep} (whose
 * runner it reuses for one unit) and below the CLI.
 */
package geosim.cluster;
