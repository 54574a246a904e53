package geosim.store.ring;

import static geosim.store.ring.TokenRingTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.topology.Placement;
import geosim.topology.Topology;
import geosim.topology.TopologyFixtures;
import geosim.topology.TopologyLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReplicaPlacementTest {
  /** us-east: 4 racks of 3; eu-west: 3 racks of 2; ap-south: 1 rack of 3; sa-east (no replicas): 2 of 2. */
  private static final List<RingNode> FOUR_REGIONS = RingFixtures.layout()
      .region("us-east", 4, 3).region("eu-west", 3, 2).region("ap-south", 1, 3).region("sa-east", 2, 2).nodes();
  private static final NetworkTopologyStrategy NTS = new NetworkTopologyStrategy(
      new TreeMap<>(Map.of("us-east", 3, "eu-west", 3, "ap-south", 2)));

  static IntStream seeds() {
    return IntStream.range(0, 20);
  }

  @Test
  void simpleStrategyTakesTheNextDistinctNodesClockwise() {
    // Node 0 at 0 and 10, nodes 1, 2, 3 at 20, 30, 40.
    TokenRing ring = TokenRing.of(RingFixtures.nodes(4), new long[][] {{0, 10}, {20}, {30}, {40}});
    ReplicaPlacement placement = new ReplicaPlacement(ring, new SimpleStrategy(3));
    assertArrayEquals(new int[] {0, 1, 2}, placement.replicasOfToken(5));
    assertArrayEquals(new int[] {1, 2, 3}, placement.replicasOfToken(15));
    assertArrayEquals(new int[] {3, 0, 1}, placement.replicasOfToken(35)); // wraps; node 0's token 10 is passed over
    assertArrayEquals(new int[] {0, 1, 2}, placement.replicasOfToken(41));
    assertEquals(3, placement.replicaCount());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void simpleStrategyGivesDistinctNodesStartingWithThePrimary(int seed) {
    TokenRing ring = TokenRing.random(FOUR_REGIONS, 16, RingFixtures.stream(seed));
    ReplicaPlacement placement = new ReplicaPlacement(ring, new SimpleStrategy(5));
    for (int p = 0; p < ring.size(); p++) {
      int[] replicas = placement.replicasAt(p);
      assertEquals(5, distinct(replicas), "seed " + seed + " position " + p);
      assertEquals(ring.ownerAt(p), replicas[0], "seed " + seed + " position " + p);
    }
    assertEquals(ring.primaryOf(77), placement.replicas(77)[0]);
  }

  @Test
  void networkTopologyFillsWithSkippedNodesInRingOrderWhenRacksRunOut() {
    // One region, racks a and b; ring order a1 (10), a2 (20), a3 (30), b1 (40), b2 (50); rf 3.
    List<RingNode> nodes = RingFixtures.layout().node("r", "a", "a1").node("r", "a", "a2").node("r", "a", "a3")
        .node("r", "b", "b1").node("r", "b", "b2").nodes();
    TokenRing ring = TokenRing.of(nodes, new long[][] {{10}, {20}, {30}, {40}, {50}});
    ReplicaPlacement placement = new ReplicaPlacement(ring, NetworkTopologyStrategy.of("r", 3));
    // From 5: a1 (rack a), skip a2 and a3, b1 (rack b: every rack used), then the first skipped, a2.
    assertArrayEquals(new int[] {0, 3, 1}, placement.replicasOfToken(5));
    // From 35: b1, skip b2, a1, then b2.
    assertArrayEquals(new int[] {3, 0, 4}, placement.replicasOfToken(35));
    // rf 2 with two racks: distinct racks, nothing from the skipped list.
    assertArrayEquals(new int[] {0, 3}, new ReplicaPlacement(ring, NetworkTopologyStrategy.of("r", 2)).replicasOfToken(5));
  }

  @Test
  void networkTopologyWalksRegionsTogetherAndSkipsRegionsWithoutReplicas() {
    // Ring order: x1 (us, rack a), y1 (eu), x2 (us, rack a), z1 (ap: no replicas), x3 (us, rack b), y2 (eu).
    List<RingNode> nodes = RingFixtures.layout().node("us", "a", "x1").node("eu", "c", "y1").node("us", "a", "x2")
        .node("ap", "d", "z1").node("us", "b", "x3").node("eu", "c", "y2").nodes();
    TokenRing ring = TokenRing.of(nodes, new long[][] {{1}, {2}, {3}, {4}, {5}, {6}});
    ReplicaPlacement placement = new ReplicaPlacement(ring, NetworkTopologyStrategy.of("us", 2, "eu", 2));
    // x1 (rack a); y1 (eu's only rack); x2 skipped (rack a is taken); z1 ignored; x3 (rack b) fills
    // us; y2 (eu has used all its racks, so any node will do).
    assertArrayEquals(new int[] {0, 1, 4, 5}, placement.replicasOfToken(0));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void networkTopologyKeepsExactCountsPerRegionOnDistinctRacksWhenItCan(int seed) {
    TokenRing ring = TokenRing.random(FOUR_REGIONS, 8, RingFixtures.stream(seed));
    ReplicaPlacement placement = new ReplicaPlacement(ring, NTS);
    for (int p = 0; p < ring.size(); p++) {
      int[] replicas = placement.replicasAt(p);
      String where = "seed " + seed + " position " + p + ": " + Arrays.toString(replicas);
      assertEquals(8, distinct(replicas), where);
      Map<String, List<String>> racks = racksByRegion(ring, replicas);
      assertEquals(Set.of("us-east", "eu-west", "ap-south"), racks.keySet(), where); // none in sa-east
      assertEquals(3, new TreeSet<>(racks.get("us-east")).size(), where); // 3 of its 4 racks
      assertEquals(3, new TreeSet<>(racks.get("eu-west")).size(), where); // all 3 racks
      assertEquals(2, racks.get("ap-south").size(), where); // one rack: both on it
      assertEquals(firstReplicatedOwner(ring, p), replicas[0], where);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void networkTopologyChoosesTheSameNodesAsCassandrasTwoPassForm(int seed) {
    // Fewer racks than rf in us-east (2 racks, rf 3) and eu-west (1 rack, rf 2): repeats needed.
    List<RingNode> nodes = RingFixtures.layout().region("us-east", 2, 3).region("eu-west", 1, 4)
        .region("ap-south", 3, 1).nodes();
    NetworkTopologyStrategy strategy = new NetworkTopologyStrategy(
        new TreeMap<>(Map.of("us-east", 3, "eu-west", 2, "ap-south", 3)));
    TokenRing ring = TokenRing.random(nodes, 4, RingFixtures.stream(seed));
    ReplicaPlacement placement = new ReplicaPlacement(ring, strategy);
    for (int p = 0; p < ring.size(); p++) {
      Set<Integer> expected = new TreeSet<>();
      for (Map.Entry<String, Integer> e : strategy.rfByRegion().entrySet()) {
        expected.addAll(twoPass(ring, p, e.getKey(), e.getValue()));
      }
      Set<Integer> actual = new TreeSet<>();
      for (int node : placement.replicasAt(p)) actual.add(node);
      assertEquals(expected, actual, "seed " + seed + " position " + p);
    }
  }

  /**
   * Cassandra 1.x's form, an independent oracle: over the region's tokens from {@code position},
   * a first pass takes nodes on racks not yet used, a second pass any node not yet taken.
   */
  private static List<Integer> twoPass(TokenRing ring, int position, String region, int rf) {
    List<Integer> taken = new ArrayList<>();
    Set<String> racks = new TreeSet<>();
    for (int pass = 0; pass < 2; pass++) {
      for (int step = 0; step < ring.size() && taken.size() < rf; step++) {
        RingNode node = ring.node(ring.ownerAt((position + step) % ring.size()));
        if (!node.region().equals(region) || taken.contains(node.index())) continue;
        if (pass == 1 || racks.add(node.rack())) taken.add(node.index());
      }
    }
    return taken;
  }

  private static int distinct(int[] nodes) {
    int distinct = 0;
    for (int i = 0; i < nodes.length; i++) {
      boolean repeat = false;
      for (int j = 0; j < i; j++) repeat |= nodes[j] == nodes[i];
      distinct += repeat ? 0 : 1;
    }
    return distinct;
  }

  private static Map<String, List<String>> racksByRegion(TokenRing ring, int[] replicas) {
    Map<String, List<String>> racks = new TreeMap<>();
    for (int node : replicas) {
      racks.computeIfAbsent(ring.node(node).region(), r -> new ArrayList<>()).add(ring.node(node).rack());
    }
    return racks;
  }

  private static int firstReplicatedOwner(TokenRing ring, int position) {
    for (int step = 0; ; step++) {
      int node = ring.ownerAt((position + step) % ring.size());
      if (NTS.rf(ring.node(node).region()) > 0) return node;
    }
  }

  @Test
  void placementIsDeterministicForASeed() {
    ReplicaPlacement a = new ReplicaPlacement(TokenRing.random(FOUR_REGIONS, 16, RingFixtures.stream(3)), NTS);
    ReplicaPlacement b = new ReplicaPlacement(TokenRing.random(FOUR_REGIONS, 16, RingFixtures.stream(3)), NTS);
    ReplicaPlacement c = new ReplicaPlacement(TokenRing.random(FOUR_REGIONS, 16, RingFixtures.stream(4)), NTS);
    boolean differs = false;
    for (long key = 0; key < 1000; key++) {
      assertArrayEquals(a.replicas(key), b.replicas(key), "key " + key);
      differs |= !Arrays.equals(a.replicas(key), c.replicas(key));
    }
    assertTrue(differs, "another seed gives another placement");
  }

  @Test
  void topologyRacksAndZonesAsFailureDomains() {
    // us-east: use1-a (rack-1: 2 servers, rack-2: 2), use1-b (rack-1: 1); eu-west: euw1-a (rack-1: 3).
    Topology topology = TopologyFixtures.twoRegions();
    NetworkTopologyStrategy strategy = NetworkTopologyStrategy.of("us-east", 3, "eu-west", 2);
    for (TopologyLevel domain : List.of(TopologyLevel.RACK, TopologyLevel.DATACENTER)) {
      List<RingNode> nodes = new ArrayList<>();
      for (Placement server : topology.servers()) nodes.add(RingNode.of(nodes.size(), server, domain));
      TokenRing ring = TokenRing.random(nodes, 16, RingFixtures.stream(9));
      ReplicaPlacement placement = new ReplicaPlacement(ring, strategy);
      for (long key = 0; key < 200; key++) {
        Map<String, List<String>> racks = racksByRegion(ring, placement.replicas(key));
        // Three racks in us-east hold one replica each; its two zones hold 3 replicas: both used.
        assertEquals(domain == TopologyLevel.RACK ? 3 : 2, new TreeSet<>(racks.get("us-east")).size(), domain + " key " + key);
        assertEquals(1, new TreeSet<>(racks.get("eu-west")).size());
        assertEquals(2, racks.get("eu-west").size());
      }
      assertEquals(5, placement.replicaNodes(1).size());
      assertEquals(nodes.get(placement.replicas(1)[0]), placement.replicaNodes(1).get(0));
    }
  }

  @Test
  void badStrategiesAreRejectedByName() {
    TokenRing ring = TokenRing.random(FOUR_REGIONS, 4, RingFixtures.stream(0));
    assertMessage("rf must be >= 1, got 0", () -> new SimpleStrategy(0));
    assertMessage("rf = 26 exceeds the 25 nodes of the ring", () -> new ReplicaPlacement(ring, new SimpleStrategy(26)));
    assertMessage("rfByRegion must name at least one region", () -> new NetworkTopologyStrategy(new TreeMap<>()));
    assertMessage("rfByRegion[eu-west] must be >= 1, got 0 (leave the region out to keep no replica there)",
        () -> NetworkTopologyStrategy.of("eu-west", 0));
    assertMessage("rfByRegion names region 'mars', which has no node in the ring; its regions are "
        + "[ap-south, eu-west, sa-east, us-east]", () -> new ReplicaPlacement(ring, NetworkTopologyStrategy.of("mars", 1)));
    assertMessage("rfByRegion[eu-west] = 7 exceeds the 6 nodes of region eu-west in the ring",
        () -> new ReplicaPlacement(ring, NetworkTopologyStrategy.of("us-east", 3, "eu-west", 7)));
    assertThrows(NullPointerException.class, () -> new ReplicaPlacement(ring, null));
    // rf equal to a region's nodes is fine: every node of it, whatever the racks.
    ReplicaPlacement all = new ReplicaPlacement(ring, NetworkTopologyStrategy.of("eu-west", 6));
    assertEquals(6, distinct(all.replicas(5)));
    assertFalse(all.ring().nodes().isEmpty());
  }
}
