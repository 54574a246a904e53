package geosim.store.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.Seeds;
import geosim.topology.Placement;
import geosim.topology.TopologyFixtures;
import geosim.topology.TopologyLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenRingTest {
  private static final long QUARTER = 1L << 62;

  /** Node 0 at -100 and 200, node 1 at 0, node 2 at 50. */
  private static TokenRing threeNodes() {
    return TokenRing.of(RingFixtures.nodes(3), new long[][] {{200, -100}, {0}, {50}});
  }

  @Test
  void aTokenBelongsToTheFirstTokenAtOrAfterItWrappingPastTheLargest() {
    TokenRing ring = threeNodes();
    assertEquals(4, ring.size());
    assertArrayEquals(new long[] {-100, 0, 50, 200}, new long[] {ring.tokenAt(0), ring.tokenAt(1), ring.tokenAt(2),
        ring.tokenAt(3)});
    assertArrayEquals(new int[] {0, 1, 2, 0}, new int[] {ring.ownerAt(0), ring.ownerAt(1), ring.ownerAt(2),
        ring.ownerAt(3)});
    assertEquals(0, ring.positionOf(-100)); // a token equal to a node's belongs to it: arcs are (pred, token]
    assertEquals(1, ring.positionOf(-99));
    assertEquals(1, ring.positionOf(0));
    assertEquals(2, ring.positionOf(1));
    assertEquals(3, ring.positionOf(51));
    assertEquals(3, ring.positionOf(200));
    assertEquals(0, ring.positionOf(201)); // past the largest token: wraps to the smallest
    assertEquals(0, ring.positionOf(Long.MAX_VALUE));
    assertEquals(0, ring.positionOf(Long.MIN_VALUE));
  }

  @Test
  void ownershipIsTheArcsEndingAtEachNodesTokens() {
    // Node 0 at MIN and -2^62 owns (2^62, MIN] and (MIN, -2^62]: a quarter each; nodes 1 and 2
    // at 0 and 2^62 own a quarter each.
    TokenRing ring = TokenRing.of(RingFixtures.nodes(3), new long[][] {{Long.MIN_VALUE, -QUARTER}, {0}, {QUARTER}});
    assertArrayEquals(new double[] {0.5, 0.25, 0.25}, ring.ownership());
    // Uneven: node 1 at 0 owns (-100, 0], node 2 at 50 owns (0, 50]; node 0 the rest.
    double[] uneven = threeNodes().ownership();
    assertEquals(100 / 0x1p64, uneven[1], 1e-30);
    assertEquals(50 / 0x1p64, uneven[2], 1e-30);
    assertEquals(1.0, uneven[0] + uneven[1] + uneven[2], 1e-15);
  }

  @Test
  void oneTokenOwnsTheWholeRing() {
    assertArrayEquals(new double[] {1.0}, TokenRing.of(RingFixtures.nodes(1), new long[][] {{42}}).ownership());
    TokenRing many = TokenRing.random(RingFixtures.nodes(1), 256, RingFixtures.stream(1));
    assertEquals(1.0, many.ownership()[0], 1e-12);
    assertEquals(0, many.primaryOf(123));
  }

  @Test
  void randomOwnershipSumsToOneAndEveryNodeOwnsSomething() {
    for (int seed = 0; seed < 20; seed++) {
      double[] share = TokenRing.random(RingFixtures.nodes(50), 16, RingFixtures.stream(seed)).ownership();
      assertEquals(1.0, Arrays.stream(share).sum(), 1e-12, "seed " + seed);
      for (double s : share) assertTrue(s > 0 && s < 1, "seed " + seed + ": share " + s);
    }
  }

  @Test
  void theSameStreamGivesTheSameRingAndNodesDrawInOrder() {
    TokenRing a = TokenRing.random(RingFixtures.nodes(5), 16, RingFixtures.stream(7));
    TokenRing b = TokenRing.random(RingFixtures.nodes(5), 16, RingFixtures.stream(7));
    TokenRing other = TokenRing.random(RingFixtures.nodes(5), 16, RingFixtures.stream(8));
    assertArrayEquals(tokensOf(a, 3), tokensOf(b, 3));
    assertFalse(Arrays.equals(tokensOf(a, 3), tokensOf(other, 3)));
    // Node i's tokens are the stream's draws i*V .. i*V+V-1: a sixth node leaves the first five alone.
    TokenRing six = TokenRing.random(RingFixtures.nodes(6), 16, RingFixtures.stream(7));
    for (int n = 0; n < 5; n++) assertArrayEquals(tokensOf(a, n), tokensOf(six, n));
  }

  @Test
  void aRepeatedDrawIsReplacedByTheStreamsNextDraws() {
    java.util.PrimitiveIterator.OfLong draws = java.util.stream.LongStream.of(5, 5, 7, 5, 9, 11, 13).iterator();
    // Draws 5 5 | 7 5 repeat 5 twice: in node order, the second 5 becomes 9 and the third 11.
    long[][] tokens = TokenRing.drawTokens(2, 2, draws::nextLong);
    assertArrayEquals(new long[][] {{5, 9}, {7, 11}}, tokens);
    java.util.PrimitiveIterator.OfLong distinct = java.util.stream.LongStream.of(3, 1, 2, 4).iterator();
    assertArrayEquals(new long[][] {{3, 1}, {2, 4}}, TokenRing.drawTokens(2, 2, distinct::nextLong));
  }

  private static long[] tokensOf(TokenRing ring, int node) {
    List<Long> tokens = new ArrayList<>();
    for (int p = 0; p < ring.size(); p++) {
      if (ring.ownerAt(p) == node) tokens.add(ring.tokenAt(p));
    }
    return tokens.stream().mapToLong(Long::longValue).toArray();
  }

  @Test
  void keyTokensAreMurmurMixedAndSpreadEvenly() {
    assertEquals(Seeds.mix64(12345), TokenRing.tokenOf(12345));
    // 100,000 consecutive keys over 8 equal arcs: each within 3 % of 12,500 (sd ~ 0.8 %).
    long eighth = QUARTER / 2;
    TokenRing ring = TokenRing.of(RingFixtures.nodes(8), new long[][] {{Long.MIN_VALUE}, {-3 * eighth},
        {-2 * eighth}, {-eighth}, {0}, {eighth}, {2 * eighth}, {3 * eighth}});
    int[] keys = new int[8];
    for (long key = 0; key < 100_000; key++) keys[ring.primaryOf(key)]++;
    for (int count : keys) assertEquals(12_500, count, 375, Arrays.toString(keys));
  }

  @Test
  void nodesFromTopologyPlacementsNameTheirRackOrZone() {
    Placement srv = TopologyFixtures.twoRegions().servers().get(2); // us-east/use1-a/rack-2/srv-1
    RingNode byRack = RingNode.of(2, srv);
    assertEquals("us-east/use1-a/rack-2/srv-1", byRack.path());
    assertEquals("us-east", byRack.region());
    assertEquals("us-east/use1-a/rack-2", byRack.rack());
    assertEquals("us-east/use1-a", RingNode.of(2, srv, TopologyLevel.DATACENTER).rack());
    assertThrows(IllegalArgumentException.class, () -> RingNode.of(2, srv, TopologyLevel.REGION));
  }

  @Test
  void badArgumentsAreRejectedByName() {
    List<RingNode> three = RingFixtures.nodes(3);
    assertMessage("nodes must not be empty", () -> TokenRing.random(List.of(), 16, RingFixtures.stream(0)));
    assertMessage("nodes[0] must have index 0, got 1 (p)",
        () -> TokenRing.random(List.of(new RingNode(1, "p", "r", "k")), 16, RingFixtures.stream(0)));
    assertMessage("vnodes must be between 1 and 4096, got 0", () -> TokenRing.random(three, 0, RingFixtures.stream(0)));
    assertMessage("vnodes must be between 1 and 4096, got 4097",
        () -> TokenRing.random(three, 4097, RingFixtures.stream(0)));
    assertMessage("a ring holds at most 16777216 tokens, got 16781312",
        () -> TokenRing.random(RingFixtures.nodes(4097), 4096, RingFixtures.stream(0)));
    assertMessage("tokensByNode holds token 5 twice", () -> TokenRing.of(three, new long[][] {{5}, {6}, {5}}));
    assertMessage("tokensByNode[1] must hold at least one token", () -> TokenRing.of(three, new long[][] {{5}, {}, {7}}));
    assertMessage("tokensByNode must have one row per node (3), got 2", () -> TokenRing.of(three, new long[][] {{5}, {6}}));
    assertMessage("index must be >= 0, got -1", () -> new RingNode(-1, "p", "r", "k"));
    assertMessage("rack must not be blank", () -> new RingNode(0, "p", "r", " "));
    assertMessage("nodes must be >= 1, got 0", () -> TokenRing.expectedOwnershipCv(0, 1));
  }

  static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }
}
