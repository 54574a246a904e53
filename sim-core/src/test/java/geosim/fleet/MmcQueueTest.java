package geosim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MmcQueueTest {
  @Test
  void mm1IsExponentialWithRateMuMinusLambda() {
    MmcQueue q = new MmcQueue(1, 80, 100);
    assertEquals(0.8, q.waitProbability(), 1e-12);
    assertEquals(1 / 20.0, q.meanResponseS(), 1e-12);
    assertEquals(Math.log(100) / 20, q.responseQuantileS(0.99), 1e-12);
  }

  /** The quantiles invert the tail, and integrating the tail gives the mean (E[T] = integral of P(T > t)). */
  @ParameterizedTest(name = "c={0}, rho={1}")
  @CsvSource({"2, 0.5", "4, 0.8", "16, 0.95", "64, 0.7"})
  void quantilesInvertTheTailWhoseIntegralIsTheMean(int c, double rho) {
    MmcQueue q = new MmcQueue(c, rho * c * 10, 10);
    for (double p : new double[] {0.5, 0.9, 0.99, 0.999}) {
      assertEquals(1 - p, q.responseTail(q.responseQuantileS(p)), 1e-6 * (1 - p) + 1e-9, "p = " + p);
    }
    double dt = q.responseQuantileS(0.999999) / 200_000;
    double integral = 0;
    for (int i = 0; i < 200_000; i++) integral += q.responseTail((i + 0.5) * dt) * dt;
    assertEquals(q.meanResponseS(), integral, 1e-3 * q.meanResponseS());
  }

  /** Erlang C of a pool of thousands of servers is finite, and for c = 2 it is the closed form 2 rho^2 / (1 + rho). */
  @Test
  void erlangCStaysFiniteForThousandsOfServersAndMatchesTheClosedFormForTwo() {
    double rho = 0.6;
    assertEquals(2 * rho * rho / (1 + rho), new MmcQueue(2, 2 * rho * 10, 10).waitProbability(), 1e-12);
    double big = new MmcQueue(5000, 0.99 * 5000 / 300.0, 1 / 300.0).waitProbability();
    assertTrue(big > 0 && big < 1, "C(5000, 4950) = " + big);
  }

  /** The wait is 0 with probability 1 - C, else exponential at c mu - lambda: its quantiles invert C e^(-theta t). */
  @Test
  void waitQuantilesAreZeroBelowOneMinusCAndExponentialAbove() {
    MmcQueue q = new MmcQueue(4, 32, 10);
    double waitP = q.waitProbability();
    double theta = 4 * 10 - 32;
    double[] w = q.waitQuantilesS(new double[] {0.5 * (1 - waitP), 0.99, 0.999});
    assertEquals(0, w[0]);
    assertEquals(0.01, waitP * Math.exp(-theta * w[1]), 1e-12);
    assertEquals(0.001, waitP * Math.exp(-theta * w[2]), 1e-12);
  }

  @Test
  void anUnstableQueueIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new MmcQueue(2, 20, 10));
  }
}
