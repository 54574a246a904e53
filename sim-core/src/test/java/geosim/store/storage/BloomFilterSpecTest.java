package geosim.store.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BloomFilterSpecTest {

  @Test
  void sizeTieredDefaultGetsTenBitsAndFiveHashesAsInCassandra() {
    BloomFilterSpec spec = BloomFilterSpec.forFalsePositiveChance(0.01);
    assertEquals(new BloomFilterSpec(10, 5), spec);
    // Cassandra's BloomCalculations table lists 0.00943 for 10 buckets per element, K = 5.
    assertEquals(0.00943, spec.falsePositiveProbability(), 5e-6);
  }

  @Test
  void leveledDefaultGetsFiveBitsAndThreeHashes() {
    BloomFilterSpec spec = BloomFilterSpec.forFalsePositiveChance(0.1);
    assertEquals(new BloomFilterSpec(5, 3), spec);
    assertEquals(0.092, spec.falsePositiveProbability(), 5e-4); // the table's 0.092
  }

  @Test
  void chanceOfOneMeansNoFilter() {
    BloomFilterSpec spec = BloomFilterSpec.forFalsePositiveChance(1);
    assertEquals(BloomFilterSpec.none(), spec);
    assertEquals(1, spec.falsePositiveProbability());
  }

  @Test
  void chosenFilterIsTheSmallestThatReachesTheTarget() {
    for (double target = 1e-6; target < 0.5; target *= 1.37) {
      BloomFilterSpec spec = BloomFilterSpec.forFalsePositiveChance(target);
      assertTrue(spec.falsePositiveProbability() <= target, "target " + target + ": " + spec);
      if (spec.hashCount() > 1) {
        double fewerHashes =
            new BloomFilterSpec(spec.bitsPerKey(), spec.hashCount() - 1).falsePositiveProbability();
        assertTrue(fewerHashes > target, "target " + target + ": fewer hashes would do, " + spec);
      }
      if (spec.bitsPerKey() > 2) {
        for (int hashes = 1; hashes < spec.bitsPerKey(); hashes++) {
          double fewerBits = new BloomFilterSpec(spec.bitsPerKey() - 1, hashes).falsePositiveProbability();
          assertTrue(fewerBits > target, "target " + target + ": fewer bits would do, " + spec);
        }
      }
    }
  }

  @Test
  void smallestChanceIsReachable() {
    BloomFilterSpec spec = BloomFilterSpec.forFalsePositiveChance(BloomFilterSpec.FP_CHANCE_MIN);
    assertTrue(spec.falsePositiveProbability() <= BloomFilterSpec.FP_CHANCE_MIN, spec.toString());
  }

  @Test
  void badArgumentsAreRejectedNamingTheParameter() {
    assertMessage("fpChance", () -> BloomFilterSpec.forFalsePositiveChance(0));
    assertMessage("fpChance", () -> BloomFilterSpec.forFalsePositiveChance(Double.NaN));
    assertMessage("fpChance", () -> BloomFilterSpec.forFalsePositiveChance(1.01));
    assertMessage("bitsPerKey", () -> new BloomFilterSpec(-1, 1));
    assertMessage("bitsPerKey", () -> new BloomFilterSpec(BloomFilterSpec.BITS_PER_KEY_MAX + 1, 1));
    assertMessage("hashCount", () -> new BloomFilterSpec(10, 65));
    assertMessage("both", () -> new BloomFilterSpec(10, 0));
  }

  static void assertMessage(String parameter, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(parameter), e.getMessage());
  }
}
