/**
 * Distributed sweeps on a Pekko Cluster: seed and worker members, and the driver that hands a
 * sweep's (point, replication) units to workers by work pulling. Membership, failure detection,
 * downing (split-brain resolver, keep-majority), the receptionist, death watch and
 * serialization (Jackson CBOR) are Pekko's; this package adds only the sweep protocol. Sits
 * beside {@code geosim.sweep} (whose runner it reuses for one unit) and below the CLI.
 */
package geosim.cluster;
