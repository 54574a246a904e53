package geosim.kernel;

/**
 * Marker for messages exchanged between partition actors and the run coordinator. Each is a
 * record that Jackson can serialise, bound to Pekko's Jackson CBOR serializer in
 * {@code geosim-kernel.conf}, so partitions can later live in several JVMs of a Pekko Cluster.
 */
public interface CrossPartitionMessage {}
