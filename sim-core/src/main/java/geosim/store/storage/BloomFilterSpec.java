package geosim.store.storage;

/**
 * The shape of an SSTable's bloom filter [1]: {@code bitsPerKey} bits of filter per key and {@code
 * hashCount} hash functions. With m = bitsPerKey · n bits for n keys, a key that is not in the table
 * passes the filter with probability
 *
 * <pre>p = (1 − e^(−k·n/m))^k = (1 − e^(−hashCount / bitsPerKey))^hashCount</pre>
 *
 * <p>the standard approximation [2], independent of n. The model never builds the bit array: a
 * lookup of an absent key is a false positive with probability p (see {@link StorageEngine#read}).
 *
 * <p>{@link #forFalsePositiveChance} chooses the shape as Cassandra does from a table's {@code
 * bloom_filter_fp_chance} [3]: the fewest bits per key (at least 2) whose best hash count reaches
 * the target, then the fewest hashes that still reach it. Cassandra reads p from a precomputed table
 * of this same formula; here it is computed. Example: the size-tiered default 0.01 gives 10 bits
 * per key and 5 hashes, p = (1 − e^(−0.5))^5 = 0.00943; LCS's 0.1 gives 5 bits and 3 hashes, p =
 * 0.0919. A chance of 1 means no filter (Cassandra's AlwaysPresentFilter): 0 bits, 0 hashes, p = 1.
 *
 * <p>[1] B. H. Bloom, "Space/time trade-offs in hash coding with allowable errors", CACM 13(7),
 * 1970.
 * <br>[2] L. Fan, P. Cao, J. Almeida, A. Broder, "Summary cache: a scalable wide-area web cache
 * sharing protocol", IEEE/ACM ToN 8(3), 2000, section V.C ("Bloom filters: the math").
 * <br>[3] Apache Cassandra source, {@code org.apache.cassandra.utils.BloomCalculations
 * #computeBloomSpec(int, double)}, which cites [2].
 *
 * @param bitsPerKey filter bits per key, 0 (no filter) or 1 to {@value #BITS_PER_KEY_MAX}
 * @param hashCount hash functions, 0 (no filter) or 1 to {@value #BITS_PER_KEY_MAX}
 */
public record BloomFilterSpec(int bitsPerKey, int hashCount) {
  /** Most bits per key. Assumption: far above Cassandra's table (20 bits, p ≈ 6.7e-5). */
  public static final int BITS_PER_KEY_MAX = 64;
  /** Smallest false-positive chance {@link #forFalsePositiveChance} accepts (needs ~43 bits). */
  public static final double FP_CHANCE_MIN = 1e-9;
  /** Cassandra's smallest filter: 2 bits per key ({@code BloomCalculations.minBuckets}). */
  private static final int BITS_PER_KEY_MIN = 2;

  public BloomFilterSpec {
    if (bitsPerKey < 0 || bitsPerKey > BITS_PER_KEY_MAX) {
      throw new IllegalArgumentException("bitsPerKey must be between 0 and " + BITS_PER_KEY_MAX
          + ", got " + bitsPerKey);
    }
    if (hashCount < 0 || hashCount > BITS_PER_KEY_MAX) {
      throw new IllegalArgumentException("hashCount must be between 0 and " + BITS_PER_KEY_MAX
          + ", got " + hashCount);
    }
    if ((bitsPerKey == 0) != (hashCount == 0)) {
      throw new IllegalArgumentException("bitsPerKey and hashCount must both be 0 (no filter) or"
          + " both >= 1, got bitsPerKey " + bitsPerKey + ", hashCount " + hashCount);
    }
  }

  /** No filter: every lookup goes to the disk. */
  public static BloomFilterSpec none() {
    return new BloomFilterSpec(0, 0);
  }

  /**
   * The smallest filter whose false-positive probability is at most {@code fpChance}.
   *
   * @param fpChance target false-positive probability, {@value #FP_CHANCE_MIN} to 1 (1: no filter)
   */
  public static BloomFilterSpec forFalsePositiveChance(double fpChance) {
    if (!(fpChance >= FP_CHANCE_MIN && fpChance <= 1)) {
      throw new IllegalArgumentException("fpChance must be between " + FP_CHANCE_MIN + " and 1, got "
          + fpChance);
    }
    if (fpChance == 1) return none();
    for (int bits = BITS_PER_KEY_MIN; bits <= BITS_PER_KEY_MAX; bits++) {
      int hashes = bestHashCount(bits);
      if (probability(bits, hashes) <= fpChance) {
        while (hashes > 1 && probability(bits, hashes - 1) <= fpChance) hashes--;
        return new BloomFilterSpec(bits, hashes);
      }
    }
    throw new IllegalStateException("no filter up to " + BITS_PER_KEY_MAX + " bits per key reaches "
        + fpChance); // unreachable: FP_CHANCE_MIN is reachable with 43 bits
  }

  /** The probability p in [0, 1] that an absent key passes the filter; 1 without a filter. */
  public double falsePositiveProbability() {
    return bitsPerKey == 0 ? 1 : probability(bitsPerKey, hashCount);
  }

  private static double probability(int bits, int hashes) {
    return Math.pow(-Math.expm1(-(double) hashes / bits), hashes);
  }

  /** The hash count that minimises p for {@code bits} bits per key (about bits · ln 2). */
  private static int bestHashCount(int bits) {
    int best = 1;
    for (int hashes = 2; hashes <= bits; hashes++) {
      if (probability(bits, hashes) < probability(bits, best)) best = hashes;
    }
    return best;
  }
}
