package geosim.phold;

import geosim.kernel.VirtualTime;

/**
 * A PHOLD configuration. Every event makes its entity send one event to an entity chosen
 * uniformly at random, with delay = lookahead + Exp(mean); each entity starts with {@code
 * population} such events sent to itself.
 *
 * <p>Defaults ({@link #defaults()}): 1000 entities, population 10, lookahead 0.1 s, mean 1 s, end
 * 2200 s — about 20 million events, the setting used in the project's benchmarks.
 *
 * @param entities number of entities, 1 to 100,000,000
 * @param population events each entity starts with, >= 0
 * @param lookaheadNs fixed part of every delay, >= 1 ns; also the kernel's lookahead
 * @param meanDelayNs mean of the exponential part of every delay, >= 0
 * @param endNs virtual time to stop at, > 0
 * @param seed root seed
 */
public record PholdSettings(
    int entities, int population, long lookaheadNs, long meanDelayNs, long endNs, long seed) {

  public PholdSettings {
    check(entities >= 1 && entities <= 100_000_000, "entities must be between 1 and 100000000, got " + entities);
    check(population >= 0, "population must be >= 0, got " + population);
    check(lookaheadNs >= 1, "lookahead must be >= 1 ns, got " + lookaheadNs + " ns");
    check(meanDelayNs >= 0, "mean delay must be >= 0, got " + meanDelayNs + " ns");
    check(endNs > 0, "end must be > 0, got " + endNs + " ns");
  }

  public static PholdSettings defaults() {
    return new PholdSettings(1000, 10, VirtualTime.millis(100), VirtualTime.seconds(1),
        VirtualTime.seconds(2200), 1);
  }

  /** The path of entity {@code i}; each entity is its own partition unit. */
  static String path(int i) {
    return "e-" + i;
  }

  private static void check(boolean ok, String message) {
    if (!ok) throw new IllegalArgumentException(message);
  }
}
