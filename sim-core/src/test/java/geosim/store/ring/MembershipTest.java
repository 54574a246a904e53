package geosim.store.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.store.ring.Membership.Change;
import geosim.store.ring.Membership.Kind;
import geosim.store.ring.Membership.Transfer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MembershipTest {
  /** us-east: 4 racks of 3 (12 nodes, 0–11); eu-west: 3 racks of 2 (6 nodes, 12–17). */
  private static final List<RingNode> TWO_REGIONS = RingFixtures.layout()
      .region("us-east", 4, 3).region("eu-west", 3, 2).nodes();
  private static final NetworkTopologyStrategy NTS = new NetworkTopologyStrategy(
      new TreeMap<>(Map.of("us-east", 3, "eu-west", 2)));

  @Test
  void aNodeThatHasNotJoinedIsPassedOverAsIfItsTokensWereNotThere() {
    // Node 0 at 0 and 10, nodes 1, 2, 3 at 20, 30, 40; node 1 not a member.
    TokenRing ring = TokenRing.of(RingFixtures.nodes(4), new long[][] {{0, 10}, {20}, {30}, {40}});
    ReplicaPlacement placement = new ReplicaPlacement(ring, new SimpleStrategy(2), new boolean[] {true, false, true, true});
    assertArrayEquals(new int[] {2, 3}, placement.replicasOfToken(15)); // node 1's arc falls to node 2
    assertArrayEquals(new int[] {3, 0}, placement.replicasOfToken(35));
    assertFalse(placement.isMember(1));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void aBootstrapMovesToTheNewNodeExactlyTheArcsItGainsFromTheNodesThatLoseThem(int seed) {
    TokenRing ring = TokenRing.random(TWO_REGIONS, 16, RingFixtures.stream(seed));
    int joining = 4;
    Membership m = Membership.of(ring, NTS, List.of(new Change(60, Kind.BOOTSTRAP, joining)));
    ReplicaPlacement before = m.placement(0);
    ReplicaPlacement after = m.placement(1);
    assertFalse(before.isMember(joining));
    assertTrue(after.isMember(joining));
    int moved = 0;
    for (Transfer t : m.transfers(0)) {
      assertEquals(joining, t.target(), "only the joining node gains arcs: " + t);
      assertTrue(contains(before.replicasAt(t.position()), t.source()), "the source held the arc: " + t);
      assertFalse(contains(after.replicasAt(t.position()), t.source()), "the source gave the arc up: " + t);
      moved++;
    }
    int held = 0;
    for (int p = 0; p < ring.size(); p++) {
      if (contains(after.replicasAt(p), joining)) held++;
      // Every arc keeps rf replicas per region, and differs from before only by the joining node.
      assertEquals(5, after.replicasAt(p).length);
      assertEquals(contains(after.replicasAt(p), joining) ? 1 : 0, m.pendingReplicas(0, keyIn(ring, p)).length,
          "position " + p);
    }
    assertEquals(held, moved, "one transfer per arc the node now replicates");
    assertTrue(moved > 0);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void aDecommissionHandsEveryArcOfTheLeavingNodeToTheNodeThatGainsIt(int seed) {
    TokenRing ring = TokenRing.random(TWO_REGIONS, 16, RingFixtures.stream(seed));
    int leaving = 13;
    Membership m = Membership.of(ring, NTS, List.of(new Change(60, Kind.DECOMMISSION, leaving)));
    int held = 0;
    for (int p = 0; p < ring.size(); p++) {
      if (contains(m.placement(0).replicasAt(p), leaving)) held++;
      assertFalse(contains(m.placement(1).replicasAt(p), leaving));
    }
    List<Transfer> transfers = m.transfers(0);
    assertEquals(held, transfers.size());
    for (Transfer t : transfers) {
      assertEquals(leaving, t.source(), t.toString());
      assertTrue(contains(m.placement(1).replicasAt(t.position()), t.target()));
      assertFalse(contains(m.placement(0).replicasAt(t.position()), t.target()));
    }
  }

  @Test
  void versionsFollowTheChangesInOrder() {
    TokenRing ring = TokenRing.random(TWO_REGIONS, 8, RingFixtures.stream(9));
    List<Change> changes = List.of(new Change(10, Kind.BOOTSTRAP, 2), new Change(20, Kind.DECOMMISSION, 12));
    Membership m = Membership.of(ring, NTS, changes);
    assertEquals(2, m.changeCount());
    assertFalse(m.placement(0).isMember(2));
    assertTrue(m.placement(1).isMember(2) && m.placement(1).isMember(12));
    assertFalse(m.finalPlacement().isMember(12));
    assertArrayEquals(new boolean[] {true, true, false, true}, Arrays.copyOf(Membership.initialMembers(18, changes), 4));
  }

  @Test
  void changesThatLeaveARegionShortOfReplicasOrRepeatANodeAreRefused() {
    TokenRing ring = TokenRing.random(TWO_REGIONS, 8, RingFixtures.stream(9));
    // eu-west has 6 nodes, rf 2: leaving 5 of them leaves one.
    List<Change> tooMany = List.of(new Change(1, Kind.DECOMMISSION, 12), new Change(2, Kind.DECOMMISSION, 13),
        new Change(3, Kind.DECOMMISSION, 14), new Change(4, Kind.DECOMMISSION, 15),
        new Change(5, Kind.DECOMMISSION, 16));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Membership.of(ring, NTS, tooMany));
    assertTrue(e.getMessage().startsWith("the ring after change 4 (decommission of node 16)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Membership.of(ring, NTS,
        List.of(new Change(1, Kind.BOOTSTRAP, 3), new Change(2, Kind.DECOMMISSION, 3))));
    assertThrows(IllegalArgumentException.class, () -> Membership.of(ring, NTS,
        List.of(new Change(5, Kind.BOOTSTRAP, 3), new Change(2, Kind.DECOMMISSION, 4))));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void anElasticRingHasAPlacementForEverySetOfSparesAndAChangeInOneRegionMovesArcsOnlyThere(int seed) {
    TokenRing ring = TokenRing.random(TWO_REGIONS, 16, RingFixtures.stream(seed));
    // us-east spares 9, 10, 11 (join in that order); eu-west spare 17.
    Membership m = Membership.elastic(ring, NTS, NTS, new int[][] {{9, 10, 11}, {17}});
    assertTrue(m.isElastic());
    assertEquals(4 * 2, m.versionCount());
    assertEquals(0, m.elasticIndex(new int[] {0, 0}));
    ReplicaPlacement start = m.placement(0);
    for (int spare : new int[] {9, 10, 11, 17}) assertFalse(start.isMember(spare), "spare " + spare);
    ReplicaPlacement two = m.placement(m.elasticIndex(new int[] {2, 1}));
    assertTrue(two.isMember(9) && two.isMember(10) && !two.isMember(11) && two.isMember(17));
    // The second us-east spare joins while eu-west's is in: only us-east arcs move, all to node 10.
    List<Transfer> moves = Membership.transfers(m.placement(m.elasticIndex(new int[] {1, 1})), two);
    assertFalse(moves.isEmpty());
    for (Transfer t : moves) {
      assertEquals(10, t.target(), "only the joining spare gains arcs: " + t);
      assertTrue(t.source() < 12, "from a us-east node: " + t);
    }
    // Leaving is the reverse: the same arcs go back to the nodes they came from.
    List<Transfer> back = Membership.transfers(two, m.placement(m.elasticIndex(new int[] {1, 1})));
    assertEquals(moves.size(), back.size());
    for (Transfer t : back) assertEquals(10, t.source(), "only the leaving spare gives arcs up: " + t);
  }

  @Test
  void anElasticRingRefusesTooManySetsOfSparesAndASpareInTwoLadders() {
    TokenRing ring = TokenRing.random(TWO_REGIONS, 4, RingFixtures.stream(1));
    assertThrows(IllegalArgumentException.class, () -> Membership.elastic(ring, NTS, NTS, new int[][] {{9}, {9}}));
    TokenRing big = TokenRing.random(RingFixtures.nodes(30), 1, RingFixtures.stream(1));
    SimpleStrategy one = new SimpleStrategy(1);
    int[][] ladders = {range(1, 10), range(10, 20), range(20, 30)}; // 10 x 11 x 11 sets of spares
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Membership.elastic(big, one, one, ladders));
    assertTrue(e.getMessage().contains("1210 sets of members"), e.getMessage());
  }

  private static int[] range(int from, int to) {
    int[] out = new int[to - from];
    for (int i = 0; i < out.length; i++) out[i] = from + i;
    return out;
  }


  private static boolean contains(int[] nodes, int node) {
    for (int n : nodes) {
      if (n == node) return true;
    }
    return false;
  }

  /** A key whose token falls in the arc at {@code position}. */
  private static long keyIn(TokenRing ring, int position) {
    for (long key = 0; ; key++) {
      if (ring.positionOf(TokenRing.tokenOf(key)) == position) return key;
    }
  }
}
