package geosim.topology;

import java.util.ArrayList;
import java.util.List;

/** A small two-region topology that tests of the topology and of the layers above it share. */
public final class TopologyFixtures {
  public static final ServerSpec STORE = new ServerSpec(ServerRole.STORE, 16, 64, DiskKind.SSD, 10);
  /** 2 cores, 4 aggregation switches, 40 us per fabric link, 250 us to the WAN router. */
  public static final Fabric FABRIC = new Fabric(2, 4, 40_000, 40, new LinkSpec(250_000, 100));
  public static final long RTT_NS = 80_550_000;

  private TopologyFixtures() {}

  /** A rack of {@code servers} store servers named srv-1.. with 4:1 oversubscription. */
  public static Rack rack(String name, int servers) {
    List<Server> list = new ArrayList<>();
    for (int i = 1; i <= servers; i++) list.add(new Server("srv-" + i, STORE));
    return new Rack(name, 4, list);
  }

  /** us-east (use1-a: 2 racks of 2, use1-b: 1 rack of 1) and eu-west (euw1-a: 1 rack of 3). */
  public static Topology twoRegions() {
    Region east = new Region("us-east", 39.04, -77.49, List.of(
        new DataCenter("use1-a", 1.58, FABRIC, List.of(rack("rack-1", 2), rack("rack-2", 2))),
        new DataCenter("use1-b", 1.58, FABRIC, List.of(rack("rack-1", 1)))));
    Region west = new Region("eu-west", 53.35, -6.26, List.of(
        new DataCenter("euw1-a", 1.2, FABRIC, List.of(rack("rack-1", 3)))));
    return new Topology(List.of(east, west),
        RttTable.of(List.of(new RttTable.Entry("eu-west", "us-east", RTT_NS))), 100);
  }
}
