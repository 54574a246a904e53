package geosim.store.gossip;

import java.util.Objects;

/**
 * What gossip spreads about one node: the node's generation (Cassandra: the time it started, so a
 * restart is a newer generation), its version and its status.
 *
 * <p>Simplification of Cassandra's HeartBeatState plus application states: one version per node,
 * bumped by the node itself every gossip round (the heartbeat) and when it changes its status.
 * Cassandra also draws heartbeat and application-state versions from one counter per node, so
 * the largest of them (the digest's max version) orders states the same way. Only the owner
 * writes its state, so a newer (generation, version) replaces an older one whole.
 *
 * @param generation incarnation of the node, >= 0; larger after a restart
 * @param version heartbeat version within the generation, >= 1 (0 in a digest means "nothing")
 * @param status the node's announced status
 */
public record EndpointState(long generation, long version, GossipStatus status) {
  public EndpointState {
    Objects.requireNonNull(status, "status");
    if (generation < 0) throw new IllegalArgumentException("generation must be >= 0, got " + generation);
    if (version < 1) throw new IllegalArgumentException("version must be >= 1, got " + version);
  }

  /** Whether this state supersedes {@code other}: a later generation, or the same and a higher version. */
  public boolean isNewerThan(EndpointState other) {
    return generation != other.generation ? generation > other.generation : version > other.version;
  }

  /** The next heartbeat: same generation and status, version + 1. */
  EndpointState beat() {
    return new EndpointState(generation, Math.addExact(version, 1), status);
  }

  /** The same generation with a new status, version + 1. */
  EndpointState withStatus(GossipStatus newStatus) {
    return new EndpointState(generation, Math.addExact(version, 1), newStatus);
  }

  GossipDigest digest(String endpoint) {
    return new GossipDigest(endpoint, generation, version);
  }
}
