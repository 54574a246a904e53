package geosim.store.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The placement extension point: a strategy of one's own is called once per arc and its answers
 * are the placement's; answers that are not rf distinct members are refused, naming the class and
 * the position; the layout wraps positions and reports the replication setting.
 */
class PlacementStrategyTest {
  private static final List<RingNode> TWO_REGIONS = RingFixtures.layout().region("us-east", 3, 2)
      .region("eu-west", 3, 2).nodes();
  private static final NetworkTopologyStrategy NTS = new NetworkTopologyStrategy(
      new TreeMap<>(Map.of("us-east", 3, "eu-west", 2)));

  /** SimpleStrategy's walk written against the interface only, as a student would; counts its calls. */
  static final class NextMembers implements PlacementStrategy {
    int calls;

    @Override
    public int[] replicas(RingLayout ring, int position) {
      calls++;
      int[] out = new int[ring.replicationFactor()];
      int n = 0;
      for (int step = 0; n < out.length; step++) {
        int node = ring.ownerAt(position + step);
        boolean seen = false;
        for (int i = 0; i < n; i++) seen |= out[i] == node;
        if (ring.isMember(node) && !seen) out[n++] = node;
      }
      return out;
    }
  }

  @Test
  void anOwnClassIsAskedOncePerArcAndItsAnswersAreThePlacement() {
    TokenRing ring = TokenRing.random(TWO_REGIONS, 8, RingFixtures.stream(3));
    boolean[] member = Membership.initialMembers(ring.nodeCount(), List.of());
    member[4] = false; // a node not yet joined: its tokens are passed over by both walks
    NextMembers own = new NextMembers();
    ReplicaPlacement mine = new ReplicaPlacement(ring, new SimpleStrategy(4), own, member);
    ReplicaPlacement builtIn = new ReplicaPlacement(ring, new SimpleStrategy(4), member);
    assertEquals(ring.size(), own.calls);
    for (int p = 0; p < ring.size(); p++) assertArrayEquals(builtIn.replicasAt(p), mine.replicasAt(p), "position " + p);
  }

  @Test
  void aRegionBlindPlacementUnderNetworkTopologyKeepsTheSettingsFactors() {
    TokenRing ring = TokenRing.random(TWO_REGIONS, 8, RingFixtures.stream(5));
    ReplicaPlacement blind = new ReplicaPlacement(ring, NTS, new NextMembers(),
        Membership.initialMembers(ring.nodeCount(), List.of()));
    assertEquals(5, blind.replicaCount());
    assertEquals(NTS, blind.strategy()); // the quorums still count 3 in us-east and 2 in eu-west
    int offFactor = 0;
    for (int p = 0; p < ring.size(); p++) {
      int east = 0;
      for (int node : blind.replicasAt(p)) if (ring.node(node).region().equals("us-east")) east++;
      if (east != 3) offFactor++;
    }
    assertTrue(offFactor > 0, "a region-blind walk should miss us-east's factor on some arcs");
  }

  @Test
  void badAnswersAreRefusedNamingTheClassPositionAndFault() {
    TokenRing ring = TokenRing.random(TWO_REGIONS, 4, RingFixtures.stream(7));
    boolean[] all = Membership.initialMembers(ring.nodeCount(), List.of());
    String name = PlacementStrategyTest.class.getName();
    assertRefused(ring, all, (r, p) -> new int[] {0, 1}, name, "returned 2 nodes, expected the 3 of the replication factor");
    assertRefused(ring, all, (r, p) -> null, name, "returned null");
    assertRefused(ring, all, (r, p) -> new int[] {0, 1, 1}, name, "returned node 1 (" + ring.node(1).path() + ") twice");
    assertRefused(ring, all, (r, p) -> new int[] {0, 1, 12}, name, "returned node 12, not a node of the ring (0 to 11)");
    boolean[] without2 = all.clone();
    without2[2] = false;
    assertRefused(ring, without2, (r, p) -> new int[] {0, 1, 2}, name, "which is not a member of the ring");
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new ReplicaPlacement(ring,
        new SimpleStrategy(3), (r, p) -> { throw new ArithmeticException("oops"); }, all));
    assertTrue(thrown.getMessage().contains(".replicas(ring, 0) failed: java.lang.ArithmeticException: oops"),
        thrown.getMessage());
  }

  private static void assertRefused(TokenRing ring, boolean[] member, PlacementStrategy bad, String className,
      String fault) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ReplicaPlacement(ring, new SimpleStrategy(3), bad, member));
    assertTrue(e.getMessage().startsWith(className) && e.getMessage().contains(".replicas(ring, 0) "),
        e.getMessage());
    assertTrue(e.getMessage().contains(fault), e.getMessage());
  }

  @Test
  void theLayoutWrapsPositionsAndReportsTheSetting() {
    TokenRing ring = TokenRing.random(TWO_REGIONS, 4, RingFixtures.stream(9));
    RingLayout layout = new RingLayout(ring, NTS, Membership.initialMembers(ring.nodeCount(), List.of()));
    assertEquals(ring.size(), layout.size());
    assertEquals(ring.ownerAt(0), layout.ownerAt(ring.size()));
    assertEquals(ring.tokenAt(ring.size() - 1), layout.tokenAt(-1));
    assertEquals(5, layout.replicationFactor());
    assertEquals(3, layout.replicationFactor("us-east"));
    assertEquals(0, layout.replicationFactor("ap-south"));
    assertEquals(3, new RingLayout(ring, new SimpleStrategy(3), new boolean[ring.nodeCount()]).replicationFactor("any"));
  }
}
