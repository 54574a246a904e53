package geosim.topology;

/**
 * The actor path of every element and switch. Paths have the topology's levels as segments
 * ({@code region/datacenter/rack/server}), so {@link geosim.kernel.PartitionBy#unitOf} groups
 * them; a switch sits at the level it serves:
 *
 * <pre>
 * us-east/wan                    the region's WAN router      (unit of REGION)
 * us-east/use1-a/core-1          core switch 1 of use1-a      (unit of DATACENTER)
 * us-east/use1-a/agg-2           aggregation switch 2
 * us-east/use1-a/rack-3/tor      rack-3's top-of-rack switch  (unit of RACK)
 * us-east/use1-a/rack-3/srv-12   a server                     (unit of SERVER)
 * </pre>
 *
 * Switch numbers start at 1. Element names never collide with switch segments (see {@link
 * ElementName}).
 */
public final class ActorPaths {
  private ActorPaths() {}

  public static String wanRouter(String region) {
    return region + "/" + ElementName.WAN_ROUTER;
  }

  public static String dataCenter(String region, String dataCenter) {
    return region + "/" + dataCenter;
  }

  /** Core switch {@code number}, 1-based. */
  public static String coreSwitch(String region, String dataCenter, int number) {
    return dataCenter(region, dataCenter) + "/core-" + number;
  }

  /** Aggregation switch {@code number}, 1-based. */
  public static String aggregationSwitch(String region, String dataCenter, int number) {
    return dataCenter(region, dataCenter) + "/agg-" + number;
  }

  public static String rack(String region, String dataCenter, String rack) {
    return dataCenter(region, dataCenter) + "/" + rack;
  }

  public static String torSwitch(String region, String dataCenter, String rack) {
    return rack(region, dataCenter, rack) + "/" + ElementName.TOR_SWITCH;
  }

  public static String server(String region, String dataCenter, String rack, String server) {
    return rack(region, dataCenter, rack) + "/" + server;
  }
}
