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
