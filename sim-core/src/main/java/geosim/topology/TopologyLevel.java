package geosim.topology;

/**
 * How much two servers share: the lowest level of the tree that holds both. The network issue
 * routes a message up to this level's switch and down again.
 */
public enum TopologyLevel {
  /** Different regions: the message crosses the WAN. */
  WORLD,
  /** Same region, different data centers: through the region's WAN router. */
  REGION,
  /** Same data center, different racks: through aggregation (or core) switches. */
  DATACENTER,
  /** Same rack, different servers: through the ToR switch. */
  RACK,
  /** The same server. */
  SERVER;

  /**
   * The lowest common level of two server paths {@code region/datacenter/rack/server}.
   * {@code common("us-east/a/rack-1/srv-1", "us-east/a/rack-2/srv-1") = DATACENTER}.
   *
   * @throws IllegalArgumentException when a path does not have exactly four segments
   */
  public static TopologyLevel common(String serverPathA, String serverPathB) {
    String[] a = segments(serverPathA);
    String[] b = segments(serverPathB);
    int shared = 0;
    while (shared < 4 && a[shared].equals(b[shared])) shared++;
    return values()[shared];
  }

  private static String[] segments(String serverPath) {
    String[] parts = serverPath.split("/", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          "serverPath must be region/datacenter/rack/server, got '" + serverPath + "'");
    }
    return parts;
  }
}
