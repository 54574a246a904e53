package geosim.store.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import geosim.kernel.StreamRandom;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random tokens against theory: with N nodes of V uniform tokens, a node's share is Beta(V, NV - V)
 * (docs/store/ring.md), so the coefficient of variation of ownership is sqrt((N - 1) / (NV + 1)).
 * Measured over fixed seeds: CV = N x sqrt(mean over seeds and nodes of (share - 1/N)^2); the mean
 * of the shares is exactly 1/N, so the mean square is an unbiased variance.
 */
class OwnershipTheoryTest {
  @ParameterizedTest(name = "{0} nodes x {1} vnodes, {2} seeds")
  @CsvSource({"10, 1, 400", "10, 16, 400", "100, 16, 100", "30, 256, 40"})
  void ownershipVariesAsTheBetaDistributionPredicts(int nodes, int vnodes, int seeds) {
    List<RingNode> ringNodes = RingFixtures.nodes(nodes);
    double squares = 0;
    BetaDistribution beta = new BetaDistribution(new StreamRandom(0), vnodes, (double) nodes * vnodes - vnodes);
    double[] quantiles = {0.1, 0.5, 0.9};
    double[] cutoffs = new double[quantiles.length];
    for (int q = 0; q < quantiles.length; q++) cutoffs[q] = beta.inverseCumulativeProbability(quantiles[q]);
    int[] below = new int[quantiles.length];
    for (int seed = 0; seed < seeds; seed++) {
      for (double share : TokenRing.random(ringNodes, vnodes, RingFixtures.stream(seed)).ownership()) {
        squares += (share - 1.0 / nodes) * (share - 1.0 / nodes);
        for (int q = 0; q < quantiles.length; q++) below[q] += share < cutoffs[q] ? 1 : 0;
      }
    }
    double samples = (double) seeds * nodes;
    double measured = nodes * Math.sqrt(squares / samples);
    double theory = TokenRing.expectedOwnershipCv(nodes, vnodes);
    String table = String.format("N=%d V=%d: CV measured %.4f, theory %.4f, ratio %.3f", nodes, vnodes, measured,
        theory, measured / theory);
    assertEquals(1.0, measured / theory, 0.15, table);
    // The whole distribution, not just its spread: shares fall below Beta's deciles as often as they should.
    for (int q = 0; q < quantiles.length; q++) {
      assertEquals(quantiles[q], below[q] / samples, 0.03, table + "; below the " + quantiles[q] + " quantile");
    }
  }
}
