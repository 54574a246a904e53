package geosim.store.ring;

import static geosim.store.ring.TokenRingTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResponseTrackerTest {
  /** Nodes 0-2 in us-east, 3-5 in eu-west, one rack each; 3 replicas per region: every node. */
  private static final TokenRing TWO_REGIONS = TokenRing.random(
      RingFixtures.layout().region("us-east", 3, 1).region("eu-west", 3, 1).nodes(), 4, RingFixtures.stream(1));
  private static final ReplicaPlacement THREE_AND_THREE =
      new ReplicaPlacement(TWO_REGIONS, NetworkTopologyStrategy.of("us-east", 3, "eu-west", 3));
  private static final ReplicaPlacement SIMPLE_THREE = new ReplicaPlacement(
      TokenRing.random(RingFixtures.nodes(5), 4, RingFixtures.stream(2)), new SimpleStrategy(3));
  private static final int[] ALL_SIX = {0, 1, 2, 3, 4, 5};

  private static ResponseTracker write(ConsistencyLevel level, ReplicaPlacement placement, String region, int[] replicas) {
    return ResponseTracker.forWrite(level, placement, region, replicas);
  }

  @Test
  void quorumOfThreeIsSatisfiedAfterTwoAcks() {
    int[] replicas = SIMPLE_THREE.replicas(42);
    ResponseTracker t = write(ConsistencyLevel.QUORUM, SIMPLE_THREE, "us-east", replicas);
    assertEquals(2, t.blockFor());
    assertTrue(t.ack(replicas[0]));
    assertFalse(t.satisfied());
    assertTrue(t.fail(replicas[1]));
    assertFalse(t.satisfied());
    assertTrue(t.stillPossible());
    assertTrue(t.ack(replicas[2]));
    assertTrue(t.satisfied());
    assertEquals(2, t.acks());
    assertEquals(1, t.failures());
    assertEquals(0, t.pending());
  }

  @Test
  void needsTellsWhichAnswersStillCountTowardsTheLevel() {
    // EACH_QUORUM over 3 + 3: two from each region; once us-east has two, its third is not needed.
    ResponseTracker t = ResponseTracker.forRead(ConsistencyLevel.EACH_QUORUM, THREE_AND_THREE, "us-east", ALL_SIX);
    assertTrue(t.needs(0));
    t.ack(0);
    t.ack(1);
    assertFalse(t.needs(0), "already answered");
    assertFalse(t.needs(2), "us-east has its quorum");
    assertTrue(t.needs(3));
    // LOCAL_ONE from eu-west: us-east's answers never count.
    ResponseTracker local = ResponseTracker.forRead(ConsistencyLevel.LOCAL_ONE, THREE_AND_THREE, "eu-west", ALL_SIX);
    assertFalse(local.needs(0));
    assertTrue(local.needs(4));
    assertThrows(IllegalArgumentException.class, () -> local.needs(9));
  }

  @Test
  void aCopyStartsInTheSameStateAndGoesItsOwnWay() {
    int[] replicas = SIMPLE_THREE.replicas(42);
    ResponseTracker t = write(ConsistencyLevel.QUORUM, SIMPLE_THREE, "us-east", replicas);
    t.fail(replicas[0]);
    ResponseTracker copy = t.copy();
    assertTrue(copy.answered(replicas[0]), "the failure is copied");
    assertFalse(copy.needs(replicas[0]));
    copy.ack(replicas[1]);
    copy.ack(replicas[2]);
    assertTrue(copy.satisfied());
    assertFalse(t.satisfied(), "the original has heard nothing of the copy's answers");
    assertEquals(2, t.pending());
    assertEquals(0, copy.pending());
  }

  @Test
  void quorumWriteFailsWhenTwoOfThreeReplicasDown() {
    int[] replicas = SIMPLE_THREE.replicas(7);
    ResponseTracker t = write(ConsistencyLevel.QUORUM, SIMPLE_THREE, "us-east", replicas);
    t.fail(replicas[2]);
    assertTrue(t.stillPossible());
    t.fail(replicas[0]);
    assertFalse(t.stillPossible());
    t.ack(replicas[1]);
    assertFalse(t.satisfied());
  }

  @Test
  void oneTwoThreeAndAllCountAcksAnywhere() {
    int[] replicas = SIMPLE_THREE.replicas(1);
    ResponseTracker one = write(ConsistencyLevel.ONE, SIMPLE_THREE, "us-east", replicas);
    one.fail(replicas[0]);
    one.fail(replicas[1]);
    assertTrue(one.stillPossible());
    one.ack(replicas[2]);
    assertTrue(one.satisfied());
    ResponseTracker all = write(ConsistencyLevel.ALL, SIMPLE_THREE, "us-east", replicas);
    all.ack(replicas[0]);
    all.ack(replicas[1]);
    assertFalse(all.satisfied());
    all.fail(replicas[2]);
    assertFalse(all.stillPossible());
    ResponseTracker three = write(ConsistencyLevel.THREE, THREE_AND_THREE, "us-east", ALL_SIX);
    for (int node : new int[] {3, 4}) three.ack(node); // remote acks count for THREE
    assertFalse(three.satisfied());
    three.ack(0);
    assertTrue(three.satisfied());
  }

  @Test
  void localQuorumCountsOnlyTheCoordinatorsRegion() {
    ResponseTracker t = write(ConsistencyLevel.LOCAL_QUORUM, THREE_AND_THREE, "eu-west", ALL_SIX);
    assertEquals(2, t.blockFor());
    for (int us = 0; us < 3; us++) t.ack(us);
    assertFalse(t.satisfied(), "three us-east acks do not make an eu-west quorum");
    t.ack(3);
    t.ack(5);
    assertTrue(t.satisfied());
    ResponseTracker lost = write(ConsistencyLevel.LOCAL_QUORUM, THREE_AND_THREE, "eu-west", ALL_SIX);
    for (int us = 0; us < 3; us++) lost.ack(us);
    lost.fail(4);
    lost.fail(5);
    assertFalse(lost.stillPossible(), "two eu-west replicas down: no eu-west quorum, whatever us-east says");
  }

  @Test
  void eachQuorumNeedsAQuorumInEveryRegion() {
    ResponseTracker t = write(ConsistencyLevel.EACH_QUORUM, THREE_AND_THREE, "us-east", ALL_SIX);
    assertEquals(4, t.blockFor());
    for (int node : new int[] {0, 1, 2, 3}) t.ack(node);
    assertFalse(t.satisfied(), "four acks, but only one in eu-west");
    t.ack(4);
    assertTrue(t.satisfied());
    ResponseTracker down = write(ConsistencyLevel.EACH_QUORUM, THREE_AND_THREE, "us-east", ALL_SIX);
    down.fail(3);
    assertTrue(down.stillPossible());
    down.fail(5);
    assertFalse(down.stillPossible(), "eu-west has one replica left of the two it needs");
  }

  @Test
  void anyIsMetByAHintEvenWithEveryReplicaDown() {
    int[] replicas = SIMPLE_THREE.replicas(3);
    ResponseTracker t = write(ConsistencyLevel.ANY, SIMPLE_THREE, "us-east", replicas);
    for (int node : replicas) t.fail(node);
    assertTrue(t.stillPossible());
    assertFalse(t.satisfied());
    t.hintStored();
    assertTrue(t.satisfied());
    ResponseTracker acked = write(ConsistencyLevel.ANY, SIMPLE_THREE, "us-east", replicas);
    acked.ack(replicas[1]);
    assertTrue(acked.satisfied());
    ResponseTracker quorum = write(ConsistencyLevel.QUORUM, SIMPLE_THREE, "us-east", replicas);
    assertEquals("a hint counts only towards level ANY, this request is QUORUM",
        assertThrows(IllegalStateException.class, quorum::hintStored).getMessage());
    assertMessage("level ANY is for writes only: a hint holds nothing to read",
        () -> ResponseTracker.forRead(ConsistencyLevel.ANY, SIMPLE_THREE, "us-east", replicas));
  }

  @Test
  void aReplicasFirstAnswerCountsAndLaterOnesAreIgnored() {
    int[] replicas = SIMPLE_THREE.replicas(9);
    ResponseTracker t = ResponseTracker.forRead(ConsistencyLevel.QUORUM, SIMPLE_THREE, "us-east", replicas);
    assertTrue(t.ack(replicas[0]));
    assertFalse(t.ack(replicas[0]));
    assertFalse(t.satisfied(), "one replica acknowledging twice is still one");
    assertTrue(t.fail(replicas[1]));
    assertFalse(t.ack(replicas[1]), "a late answer after a timeout does not count");
    assertEquals(1, t.acks());
    assertEquals(ConsistencyLevel.QUORUM, t.level());
  }

  @Test
  void badArgumentsAreRejectedByName() {
    int[] replicas = SIMPLE_THREE.replicas(9);
    ResponseTracker t = write(ConsistencyLevel.ONE, SIMPLE_THREE, "us-east", replicas);
    int stranger = IntStream.range(0, 5).filter(n -> Arrays.stream(replicas).noneMatch(r -> r == n)).findFirst()
        .orElseThrow();
    assertMessage("node " + stranger + " is not a replica of this request: " + Arrays.toString(replicas),
        () -> t.ack(stranger));
    assertMessage("replicas holds node 1 twice", () -> write(ConsistencyLevel.ONE, SIMPLE_THREE, "us-east",
        new int[] {1, 2, 1}));
    assertMessage("replicas holds node 5, not a node of the ring (0 to 4)",
        () -> write(ConsistencyLevel.ONE, SIMPLE_THREE, "us-east", new int[] {0, 5}));
    assertThrows(NullPointerException.class, () -> write(null, SIMPLE_THREE, "us-east", replicas));
  }

  static IntStream seeds() {
    return IntStream.range(0, 100);
  }

  /**
   * Random answers against a direct count: satisfied means every group has its acks; still
   * possible means answering every pending replica with an ack would satisfy the level.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void trackerAgreesWithADirectCountOnRandomAnswers(int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ConsistencyLevel[] levels = {ConsistencyLevel.ONE, ConsistencyLevel.TWO, ConsistencyLevel.THREE,
        ConsistencyLevel.QUORUM, ConsistencyLevel.LOCAL_ONE, ConsistencyLevel.LOCAL_QUORUM,
        ConsistencyLevel.EACH_QUORUM, ConsistencyLevel.ALL};
    ConsistencyLevel level = levels[random.nextInt(levels.length)];
    String region = random.nextBoolean() ? "us-east" : "eu-west";
    ResponseTracker t = write(level, THREE_AND_THREE, region, ALL_SIX);
    int[] state = new int[6]; // 0 pending, 1 acked, 2 failed
    for (int step = 0; step < 6; step++) {
      int node = random.nextInt(6);
      boolean ack = random.nextBoolean();
      boolean first = state[node] == 0;
      assertEquals(first, ack ? t.ack(node) : t.fail(node));
      if (first) state[node] = ack ? 1 : 2;
      String where = "seed " + seed + " " + level + " from " + region + ", states " + Arrays.toString(state);
      assertEquals(directlySatisfied(level, region, state, false), t.satisfied(), where);
      assertEquals(directlySatisfied(level, region, state, true), t.stillPossible(), where);
    }
  }

  /** Nodes 0-2 us-east, 3-5 eu-west, rf 3 each; {@code pendingAck} answers pending replicas with acks. */
  private static boolean directlySatisfied(ConsistencyLevel level, String region, int[] state, boolean pendingAck) {
    Map<String, Integer> acks = new TreeMap<>(Map.of("us-east", 0, "eu-west", 0));
    for (int node = 0; node < 6; node++) {
      if (state[node] == 1 || (pendingAck && state[node] == 0)) acks.merge(node < 3 ? "us-east" : "eu-west", 1, Integer::sum);
    }
    int total = acks.get("us-east") + acks.get("eu-west");
    switch (level) {
      case ONE: return total >= 1;
      case TWO: return total >= 2;
      case THREE: return total >= 3;
      case QUORUM: return total >= 4;
      case ALL: return total == 6;
      case LOCAL_ONE: return acks.get(region) >= 1;
      case LOCAL_QUORUM: return acks.get(region) >= 2;
      case EACH_QUORUM: return acks.get("us-east") >= 2 && acks.get("eu-west") >= 2;
      default: throw new AssertionError(level);
    }
  }
}
