package geosim.topology;

import java.util.Objects;

/**
 * A server with the rack, data center and region it sits in: everything needed to name it and
 * to find its switches.
 */
public record Placement(Region region, DataCenter dataCenter, Rack rack, Server server) {
  public Placement {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(dataCenter, "dataCenter");
    Objects.requireNonNull(rack, "rack");
    Objects.requireNonNull(server, "server");
  }

  /** The server's actor path: {@code us-east/use1-a/rack-3/srv-12}. */
  public String path() {
    return ActorPaths.server(region.name(), dataCenter.name(), rack.name(), server.name());
  }

  /** The path of its rack's top-of-rack switch: {@code us-east/use1-a/rack-3/tor}. */
  public String torSwitchPath() {
    return ActorPaths.torSwitch(region.name(), dataCenter.name(), rack.name());
  }
}
