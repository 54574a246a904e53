package geosim.store.ring;

import static geosim.store.ring.ConsistencyLevel.ALL;
import static geosim.store.ring.ConsistencyLevel.ANY;
import static geosim.store.ring.ConsistencyLevel.EACH_QUORUM;
import static geosim.store.ring.ConsistencyLevel.LOCAL_ONE;
import static geosim.store.ring.ConsistencyLevel.LOCAL_QUORUM;
import static geosim.store.ring.ConsistencyLevel.ONE;
import static geosim.store.ring.ConsistencyLevel.QUORUM;
import static geosim.store.ring.ConsistencyLevel.THREE;
import static geosim.store.ring.ConsistencyLevel.TWO;
import static geosim.store.ring.TokenRingTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsistencyLevelTest {
  private static final ConsistencyLevel[] ORDER = {ONE, TWO, THREE, QUORUM, LOCAL_ONE, LOCAL_QUORUM, EACH_QUORUM,
      ALL, ANY};

  private static NetworkTopologyStrategy nts(Map<String, Integer> rfByRegion) {
    return new NetworkTopologyStrategy(new TreeMap<>(rfByRegion));
  }

  private static void assertBlockFor(ReplicationStrategy strategy, String local, String expected) {
    StringBuilder actual = new StringBuilder();
    for (ConsistencyLevel level : ORDER) actual.append(actual.length() == 0 ? "" : " ").append(level.blockFor(strategy, local));
    assertEquals(expected, actual.toString(), strategy + " from " + local + ", levels " + java.util.Arrays.toString(ORDER));
  }

  @ParameterizedTest(name = "SimpleStrategy rf {0}")
  @CsvSource({
      // rf, ONE TWO THREE QUORUM LOCAL_ONE LOCAL_QUORUM EACH_QUORUM ALL ANY
      "1, 1 2 3 1 1 1 1 1 1",
      "2, 1 2 3 2 1 2 2 2 1",
      "3, 1 2 3 2 1 2 2 3 1",
      "5, 1 2 3 3 1 3 3 5 1"})
  void blockForOneRegion(int rf, String expected) {
    assertBlockFor(new SimpleStrategy(rf), "us-east", expected);
    assertBlockFor(NetworkTopologyStrategy.of("us-east", rf), "us-east", expected);
  }

  @Test
  void blockForSeveralRegions() {
    // 3 + 3: QUORUM 4 of 6 anywhere; LOCAL_QUORUM 2; EACH_QUORUM 2 + 2.
    assertBlockFor(nts(Map.of("us-east", 3, "eu-west", 3)), "us-east", "1 2 3 4 1 2 4 6 1");
    // 3 + 2, coordinator in eu-west: QUORUM 3 of 5; LOCAL_QUORUM quorum(2) = 2; EACH 2 + 2.
    assertBlockFor(nts(Map.of("us-east", 3, "eu-west", 2)), "eu-west", "1 2 3 3 1 2 4 5 1");
    // 5 + 3 + 1 = 9: QUORUM 5; LOCAL_QUORUM in ap-south quorum(1) = 1; EACH 3 + 2 + 1 = 6.
    Map<String, Integer> three = Map.of("us-east", 5, "eu-west", 3, "ap-south", 1);
    assertBlockFor(nts(three), "ap-south", "1 2 3 5 1 1 6 9 1");
    // A coordinator in a region without replicas: rf 0 there, LOCAL_QUORUM asks quorum(0) = 1.
    assertBlockFor(nts(three), "sa-east", "1 2 3 5 1 1 6 9 1");
    assertBlockFor(nts(three), "us-east", "1 2 3 5 1 3 6 9 1");
  }

  @Test
  void quorumIsAMajority() {
    assertEquals(1, ConsistencyLevel.quorum(0));
    assertEquals(1, ConsistencyLevel.quorum(1));
    assertEquals(2, ConsistencyLevel.quorum(2));
    assertEquals(3, ConsistencyLevel.quorum(4));
    assertEquals(1 << 30, ConsistencyLevel.quorum(Integer.MAX_VALUE));
    assertMessage("rf must be >= 0, got -1", () -> ConsistencyLevel.quorum(-1));
    // Read and write quorums overlap: R + W > N for every rf.
    for (int rf = 1; rf < 100; rf++) assertTrue(2 * ConsistencyLevel.quorum(rf) > rf, "rf " + rf);
  }

  @Test
  void levelsThatCanNeverBeMetAreNamedForConfigValidation() {
    SimpleStrategy rf2 = new SimpleStrategy(2);
    assertEquals(Optional.of("THREE needs 3 replicas, but SimpleStrategy[rf=2] keeps 2"),
        THREE.whyUnsatisfiable(rf2, "us-east"));
    assertTrue(TWO.canBeSatisfied(rf2, "us-east"));
    assertFalse(TWO.canBeSatisfied(new SimpleStrategy(1), "us-east"));
    NetworkTopologyStrategy usOnly = NetworkTopologyStrategy.of("us-east", 3);
    assertEquals(Optional.of("LOCAL_QUORUM needs 1 replica(s) in region eu-west, but "
        + "NetworkTopologyStrategy[rfByRegion={us-east=3}] keeps 0 there"), LOCAL_QUORUM.whyUnsatisfiable(usOnly, "eu-west"));
    assertFalse(LOCAL_ONE.canBeSatisfied(usOnly, "eu-west"));
    assertTrue(LOCAL_QUORUM.canBeSatisfied(usOnly, "us-east"));
    for (ConsistencyLevel always : new ConsistencyLevel[] {ONE, QUORUM, EACH_QUORUM, ALL, ANY}) {
      assertTrue(always.canBeSatisfied(usOnly, "eu-west"), always.toString());
      assertTrue(always.canBeSatisfied(new SimpleStrategy(1), "eu-west"), always.toString());
    }
    assertFalse(THREE.canBeSatisfied(NetworkTopologyStrategy.of("us-east", 1, "eu-west", 1), "us-east"));
    assertTrue(THREE.canBeSatisfied(NetworkTopologyStrategy.of("us-east", 2, "eu-west", 1), "us-east"));
  }

  @Test
  void anyIsForWritesOnlyAndOnlyLocalLevelsAreRegionLocal() {
    for (ConsistencyLevel level : ConsistencyLevel.values()) {
      assertEquals(level != ANY, level.allowsReads(), level.toString());
      assertEquals(level == LOCAL_ONE || level == LOCAL_QUORUM, level.isRegionLocal(), level.toString());
    }
    assertEquals(9, ConsistencyLevel.values().length);
  }
}
