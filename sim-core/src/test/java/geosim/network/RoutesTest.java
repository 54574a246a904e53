package geosim.network;

import static geosim.topology.TopologyFixtures.RTT_NS;
import static geosim.topology.TopologyFixtures.twoRegions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.topology.Placement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes up the tree and down, their propagation, and ECMP spreading. */
class RoutesTest {



  private static final Routes ROUTES = new Routes(twoRegions());

  private static List<String> nodes(Route route) {
    List<String> nodes = new ArrayList<>();
    nodes.add(route.from());
    route.hops().forEach(h -> nodes.add(h.link().to()));
    return nodes;
  }

  /** Node names without the shared prefix and with ECMP choices blanked: {@code agg-?}. */
  private static List<String> shape(Route route) {
    return nodes(route).stream().map(n -> n.replaceAll("(agg|core)-[0-9]+", "$1-?")).toList();
  }

  @Test
  void aServerToItselfHasNoHops() {
    Route r = ROUTES.route("us-east/use1-a/rack-1/srv-1", "us-east/use1-a/rack-1/srv-1", 7);
    assertEquals(List.of(), r.hops());
    assertEquals(0, r.propagationNs());
  }

  @Test
  void aFlowBetweenTwoTorSwitchesCrossesOnlyTheSwitchLinksBetweenThem() {
    Route r = ROUTES.flowRoute("us-east/use1-a/rack-1/tor", "us-east/use1-a/rack-2/tor", 7);
    assertEquals(List.of("us-east/use1-a/rack-1/tor", "us-east/use1-a/agg-?", "us-east/use1-a/rack-2/tor"), shape(r));
    Route toServer = ROUTES.flowRoute("us-east/use1-a/rack-1/tor", "us-east/use1-a/rack-1/srv-1", 7);
    assertEquals(List.of("us-east/use1-a/rack-1/tor", "us-east/use1-a/rack-1/srv-1"), nodes(toServer));
    Route servers = ROUTES.flowRoute("us-east/use1-a/rack-1/srv-1", "us-east/use1-a/rack-1/srv-2", 7);
    assertEquals(ROUTES.route("us-east/use1-a/rack-1/srv-1", "us-east/use1-a/rack-1/srv-2", 7), servers);
    assertThrows(IllegalArgumentException.class, () -> ROUTES.flowRoute("us-east/use1-a/agg-1", "us-east/wan", 7));
  }

  @Test
  void sameRackGoesThroughTheTorOnly() {
    Route r = ROUTES.route("us-east/use1-a/rack-1/srv-1", "us-east/use1-a/rack-1/srv-2", 7);
    assertEquals(List.of("us-east/use1-a/rack-1/srv-1", "us-east/use1-a/rack-1/tor", "us-east/use1-a/rack-1/srv-2"),
        nodes(r));
    assertEquals(2 * 40_000, r.propagationNs());
    assertEquals(10, r.bottleneckGbps());
  }

  @Test
  void sameDataCenterTurnsAtAnAggregationSwitch() {
    Route r = ROUTES.route("us-east/use1-a/rack-1/srv-1", "us-east/use1-a/rack-2/srv-2", 7);
    assertEquals(List.of("us-east/use1-a/rack-1/srv-1", "us-east/use1-a/rack-1/tor", "us-east/use1-a/agg-?",
        "us-east/use1-a/rack-2/tor", "us-east/use1-a/rack-2/srv-2"), shape(r));
    assertEquals(4 * 40_000, r.propagationNs());
    // ToR uplinks: 2 servers x 10 Gbit/s / oversubscription 4 / 4 aggregation switches.
    assertEquals(1.25, r.bottleneckGbps());
  }

  @Test
  void otherDataCenterOfTheRegionTurnsAtTheWanRouter() {
    Route r = ROUTES.route("us-east/use1-a/rack-1/srv-1", "us-east/use1-b/rack-1/srv-1", 7);
    assertEquals(List.of("us-east/use1-a/rack-1/srv-1", "us-east/use1-a/rack-1/tor", "us-east/use1-a/agg-?",
        "us-east/use1-a/core-?", "us-east/wan", "us-east/use1-b/core-?", "us-east/use1-b/agg-?",
        "us-east/use1-b/rack-1/tor", "us-east/use1-b/rack-1/srv-1"), shape(r));
    assertEquals(6 * 40_000 + 2 * 250_000, r.propagationNs());
  }

  @Test
  void otherRegionCrossesOneWanLinkOfHalfTheRtt() {
    Route r = ROUTES.route("us-east/use1-a/rack-2/srv-1", "eu-west/euw1-a/rack-1/srv-3", 7);
    assertEquals(List.of("us-east/use1-a/rack-2/srv-1", "us-east/use1-a/rack-2/tor", "us-east/use1-a/agg-?",
        "us-east/use1-a/core-?", "us-east/wan", "eu-west/wan", "eu-west/euw1-a/core-?", "eu-west/euw1-a/agg-?",
        "eu-west/euw1-a/rack-1/tor", "eu-west/euw1-a/rack-1/srv-3"), shape(r));
    assertEquals(6 * 40_000 + 2 * 250_000 + RTT_NS / 2, r.propagationNs());
  }

  @Test
  void everyPairHasAContiguousRouteWhoseIdsNameItsLinks() {
    List<String> servers = twoRegions().servers().stream().map(Placement::path).toList();
    for (String a : servers) {
      for (String b : servers) {
        Route r = ROUTES.route(a, b, a.hashCode() * 31L + b.hashCode());
        for (Hop hop : r.hops()) assertEquals(ROUTES.link(hop.linkId()), hop.link());
        assertEquals(r.hops().size(), r.linkIds().length);
      }
    }
  }

  @Test
  void ecmpSpreadsTenThousandFlowsEvenlyOverTheAggregationSwitches() {
    int[] perAggregation = new int[4];
    for (long flow = 0; flow < 10_000; flow++) {
      Route r = ROUTES.route("us-east/use1-a/rack-1/srv-1", "us-east/use1-a/rack-2/srv-1", flow);
      String agg = r.hops().get(1).link().to();
      perAggregation[Integer.parseInt(agg.substring(agg.lastIndexOf('-') + 1)) - 1]++;
    }
    for (int count : perAggregation) {
      assertTrue(Math.abs(count - 2_500) <= 125, "within 5% of uniform: " + java.util.Arrays.toString(perAggregation));
    }
  }

  @Test
  void ecmpSpreadsEvenlyAtEveryTierAndTiersAreNotCorrelated() {
    int[][] aggByCore = new int[4][2];
    for (long flow = 0; flow < 10_000; flow++) {
      List<String> n = nodes(ROUTES.route("us-east/use1-a/rack-1/srv-1", "us-east/use1-b/rack-1/srv-1", flow));
      aggByCore[last(n.get(2)) - 1][last(n.get(3)) - 1]++;
    }
    for (int[] row : aggByCore) {
      for (int count : row) assertTrue(Math.abs(count - 1_250) <= 125, java.util.Arrays.deepToString(aggByCore));
    }
  }

  private static int last(String switchPath) {
    return Integer.parseInt(switchPath.substring(switchPath.lastIndexOf('-') + 1));
  }

  @Test
  void aFlowAlwaysTakesTheSamePathAndFlowsDiffer() {
    String a = "us-east/use1-a/rack-1/srv-1";
    String b = "eu-west/euw1-a/rack-1/srv-2";
    assertArrayEquals(ROUTES.route(a, b, 42).linkIds(), new Routes(twoRegions()).route(a, b, 42).linkIds());
    long distinct = java.util.stream.LongStream.range(0, 64)
        .mapToObj(f -> java.util.Arrays.toString(ROUTES.route(a, b, f).linkIds())).distinct().count();
    assertTrue(distinct > 1, "flows should spread over paths");
    for (long edge : new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
      int choice = Routes.ecmp(edge, "us-east/wan", 3);
      assertTrue(choice >= 1 && choice <= 3, "choice " + choice + " for flow " + edge);
    }
  }

  @Test
  void unknownServersAndLinksAreRejectedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ROUTES.route("us-east/use1-a/rack-9/srv-1", "us-east/use1-a/rack-1/srv-1", 0));
    assertEquals("fromServer 'us-east/use1-a/rack-9/srv-1' is not a server of the topology", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ROUTES.linkId("us-east/wan", "us-east/use1-a/rack-1/tor"));
  }

  /** Routes by server index are exactly the routes by path, for random pairs and flows, on two topologies. */
  @Test
  void routesByIndexEqualRoutesByPath() throws Exception {
    for (geosim.topology.Topology topology : List.of(twoRegions(),
        geosim.scenario.TopologyReader.load(java.nio.file.Path.of("../configs/topologies/three-regions.conf")))) {
      Routes routes = new Routes(topology);
      List<geosim.topology.Placement> servers = topology.servers();
      geosim.kernel.StreamRandom random = new geosim.kernel.StreamRandom(17);
      for (int i = 0; i < 20_000; i++) {
        int a = random.nextInt(servers.size());
        int b = i % 50 == 0 ? a : random.nextInt(servers.size());
        long flow = random.nextLong();
        assertEquals(routes.route(servers.get(a).path(), servers.get(b).path(), flow), routes.route(a, b, flow),
            "servers " + a + " and " + b + ", flow " + flow);
      }
    }
  }
}
