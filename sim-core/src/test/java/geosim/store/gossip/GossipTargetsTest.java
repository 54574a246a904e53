package geosim.store.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.StreamRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class GossipTargetsTest {
  private final StreamRandom random = new StreamRandom(17);

  @Test
  void aNodeThatKnowsNobodySendsNothing() {
    assertEquals(List.of(), GossipTargets.choose(List.of(), List.of(), List.of(), random));
  }

  @Test
  void withNoLivePeerTheOnlyUnreachableOneIsAlwaysTriedAndASeedAlwaysContacted() {
    for (int i = 0; i < 100; i++) {
      // u / (l + 1) = 1 / 1; no live peer: the seed for sure.
      assertEquals(List.of("x", "s"), GossipTargets.choose(List.of(), List.of("x"), List.of("s"), random));
    }
  }

  @Test
  void fewerLivePeersThanSeedsAlwaysAddsASeedEvenAfterGossipingToOne() {
    for (int i = 0; i < 100; i++) {
      // The live peer is a seed, but 1 live < 3 seeds; then s / (l + u) = 3 >= 1.
      List<String> targets = GossipTargets.choose(List.of("s1"), List.of(), List.of("s1", "s2", "s3"), random);
      assertEquals(2, targets.size(), targets.toString());
      assertEquals("s1", targets.get(0));
      assertTrue(List.of("s1", "s2", "s3").contains(targets.get(1)));
    }
  }

  @Test
  void aLiveSeedTargetInALargeClusterUsuallyNeedsNoOtherSeed() {
    // Only live peer is the one seed: gossiped to a seed and 1 live >= 1 seed, so no second SYN.
    for (int i = 0; i < 100; i++) {
      assertEquals(List.of("s"), GossipTargets.choose(List.of("s"), List.of(), List.of("s"), random));
    }
  }
}
