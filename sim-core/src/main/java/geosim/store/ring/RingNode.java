package geosim.store.ring;

import geosim.topology.ActorPaths;
import geosim.topology.Placement;
import geosim.topology.TopologyLevel;
import java.util.Objects;

/**
 * A store server as the ring sees it: its index in the ring's node list, its actor path, and the
 * region and rack that replica placement spreads copies over.
 *
 * <p>{@code rack} is the failure domain {@link NetworkTopologyStrategy} keeps replicas apart on.
 * Racks are told apart within a region only, as Cassandra compares (data center, rack) pairs: two
 * regions may both have a rack {@code rack-1}. {@link #of(int, Placement)} takes the server's
 * rack; {@link #of(int, Placement, TopologyLevel)} with {@code DATACENTER} takes its data center
 * (availability zone) instead, as Cassandra's EC2 snitch maps a zone to a rack.
 *
 * @param index position in the ring's node list, 0 to nodes - 1
 * @param path the server's actor path, {@code us-east/use1-a/rack-3/srv-12}; not blank
 * @param region the region (Cassandra's data center) the replication factors refer to; not blank
 * @param rack the failure domain within the region; not blank
 */
public record RingNode(int index, String path, String region, String rack) {
  public RingNode {
    if (index < 0) throw new IllegalArgumentException("index must be >= 0, got " + index);
    checkNotBlank("path", path);
    checkNotBlank("region", region);
    checkNotBlank("rack", rack);
  }

  /** The node for a placed server, with its rack's path ({@code us-east/use1-a/rack-3}) as its rack. */
  public static RingNode of(int index, Placement placement) {
    return of(index, placement, TopologyLevel.RACK);
  }

  /**
   * The node for a placed server, with the failure domain at {@code failureDomain}.
   *
   * @param failureDomain {@code RACK} (the rack's path) or {@code DATACENTER} (the data center's
   *     path, {@code us-east/use1-a}, so replicas spread over availability zones)
   * @throws IllegalArgumentException for any other level
   */
  public static RingNode of(int index, Placement placement, TopologyLevel failureDomain) {
    Objects.requireNonNull(placement, "placement");
    String region = placement.region().name();
    String dataCenter = placement.dataCenter().name();
    String rack = switch (Objects.requireNonNull(failureDomain, "failureDomain")) {
      case RACK -> ActorPaths.rack(region, dataCenter, placement.rack().name());
      case DATACENTER -> ActorPaths.dataCenter(region, dataCenter);
      default -> throw new IllegalArgumentException(
          "failureDomain must be RACK or DATACENTER, got " + failureDomain);
    };
    return new RingNode(index, placement.path(), region, rack);
  }

  private static void checkNotBlank(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) throw new IllegalArgumentException(what + " must not be blank");
  }
}
