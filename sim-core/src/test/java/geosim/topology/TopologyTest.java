package geosim.topology;

import static geosim.topology.TopologyFixtures.FABRIC;
import static geosim.topology.TopologyFixtures.STORE;
import static geosim.topology.TopologyFixtures.rack;
import static geosim.topology.TopologyFixtures.twoRegions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.PartitionBy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The model records: validation messages, actor paths, lookups and links. */
class TopologyTest {



  @Test
  void serversComeInTreeOrderWithPathsThePartitionerCuts() {
    Topology t = twoRegions();
    assertEquals(8, t.serverCount());
    List<String> paths = t.servers().stream().map(Placement::path).toList();
    assertEquals(List.of("us-east/use1-a/rack-1/srv-1", "us-east/use1-a/rack-1/srv-2",
        "us-east/use1-a/rack-2/srv-1", "us-east/use1-a/rack-2/srv-2", "us-east/use1-b/rack-1/srv-1",
        "eu-west/euw1-a/rack-1/srv-1", "eu-west/euw1-a/rack-1/srv-2", "eu-west/euw1-a/rack-1/srv-3"), paths);
    assertEquals("us-east/use1-a", PartitionBy.DATACENTER.unitOf(paths.get(2)));
    assertEquals("us-east/use1-a/rack-2", PartitionBy.RACK.unitOf(t.servers().get(2).torSwitchPath()));
    assertEquals("us-east", PartitionBy.REGION.unitOf(ActorPaths.wanRouter("us-east")));
    assertEquals("us-east/use1-a/agg-3", ActorPaths.aggregationSwitch("us-east", "use1-a", 3));
    assertEquals("us-east/use1-a/core-1", ActorPaths.coreSwitch("us-east", "use1-a", 1));
  }

  @Test
  void findsServersByPathAndRttInEitherOrder() {
    Topology t = twoRegions();
    assertEquals("srv-2", t.server("us-east/use1-a/rack-2/srv-2").orElseThrow().server().name());
    assertTrue(t.server("us-east/use1-a/rack-9/srv-1").isEmpty());
    assertEquals(80_550_000, t.rttNs("us-east", "eu-west"));
    assertEquals(80_550_000, t.rttNs("eu-west", "us-east"));
    assertEquals(0, t.rttNs("eu-west", "eu-west"));
    assertThrows(IllegalArgumentException.class, () -> t.rttNs("us-east", "mars"));
  }

  @Test
  void lowestCommonLevelOfTwoServers() {
    assertEquals(TopologyLevel.SERVER, TopologyLevel.common("a/b/c/d", "a/b/c/d"));
    assertEquals(TopologyLevel.RACK, TopologyLevel.common("a/b/c/d", "a/b/c/e"));
    assertEquals(TopologyLevel.DATACENTER, TopologyLevel.common("a/b/c/d", "a/b/x/d"));
    assertEquals(TopologyLevel.REGION, TopologyLevel.common("a/b/c/d", "a/x/c/d"));
    assertEquals(TopologyLevel.WORLD, TopologyLevel.common("a/b/c/d", "x/b/c/d"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TopologyLevel.common("a/b/c", "a/b/c/d"));
    assertEquals("serverPath must be region/datacenter/rack/server, got 'a/b/c'", e.getMessage());
  }

  @Test
  void linksCoverEveryCableBothWaysWithOversubscribedUplinks() {
    Topology t = twoRegions();
    List<Link> links = t.links();
    // Per data center: cores x WAN + aggs x cores + racks x aggs + servers; then one WAN pair. Two directions each.
    int cables = (2 + 8 + 2 * 4 + 4) + (2 + 8 + 4 + 1) + (2 + 8 + 4 + 3) + 1;
    assertEquals(2 * cables, links.size());
    Map<String, Link> byEnds = new TreeMap<>();
    for (Link link : links) assertEquals(null, byEnds.put(link.from() + ">" + link.to(), link), link.toString());
    // A rack of 2 x 10 Gbit/s NICs at 4:1 has 5 Gbit/s of uplinks, over 4 aggregation switches.
    assertEquals(1.25, byEnds.get("us-east/use1-a/rack-2/tor>us-east/use1-a/agg-4").spec().bandwidthGbps(), 1e-12);
    assertEquals(40_275_000, byEnds.get("eu-west/wan>us-east/wan").spec().latencyNs());
    assertEquals(10, byEnds.get("us-east/use1-b/rack-1/srv-1>us-east/use1-b/rack-1/tor").spec().bandwidthGbps());
  }

  @Test
  void recordsRejectBadArgumentsNamingParameterAndRange() {
    assertMessage("bandwidthGbps must be > 0 and finite, got 0.0", () -> new LinkSpec(1, 0));
    assertMessage("latencyNs must be >= 0, got -1", () -> new LinkSpec(-1, 1));
    assertMessage("cores must be between 1 and 1024, got 0", () -> new ServerSpec(ServerRole.APP, 0, 1, DiskKind.HDD, 1));
    assertMessage("name must match [a-z][a-z0-9-]*, got 'Rack'", () -> rack("Rack", 1));
    assertMessage("name 'agg-2' is a switch of the data center, choose another", () -> rack("agg-2", 1));
    assertMessage("servers must not be empty", () -> rack("r", 0));
    assertMessage("duplicate rack 'r'", () -> new DataCenter("d", 1.5, FABRIC, List.of(rack("r", 1), rack("r", 1))));
    assertMessage("pue must be between 1 and 5, got 0.9", () -> new DataCenter("d", 0.9, FABRIC, List.of(rack("r", 1))));
    assertMessage("latitude must be between -90 and 90, got 90.5", () -> new Region("r", 90.5, 0, List.of()));
    Region a = new Region("a", 0, 0, List.of(new DataCenter("d", 1.5, FABRIC, List.of(rack("r", 1)))));
    Region b = new Region("b", 0, 0, a.dataCenters());
    assertMessage("rtt has no round-trip time between a and b",
        () -> new Topology(List.of(a, b), RttTable.of(List.of()), 100));
    assertMessage("duplicate region 'a'",
        () -> new Topology(List.of(a, a), RttTable.of(List.of()), 100));
  }

  @Test
  void recordsCopyTheirLists() {
    List<Server> servers = new java.util.ArrayList<>(List.of(new Server("s", STORE)));
    Rack rack = new Rack("r", 1, servers);
    servers.add(new Server("t", STORE));
    assertEquals(1, rack.servers().size());
    assertThrows(UnsupportedOperationException.class, () -> rack.servers().add(new Server("u", STORE)));
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable code) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, code).getMessage());
  }
}
