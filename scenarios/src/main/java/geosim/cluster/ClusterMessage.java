package geosim.cluster;

/**
 * Marker of every message that crosses JVMs in a geosim cluster. {@code geosim-cluster.conf}
 * binds it to Pekko's Jackson CBOR serializer; Java serialization is off, so a message without
 * this marker fails on its first remote send (and {@code SweepProtocolTest} catches it first).
 */
public interface ClusterMessage {}
