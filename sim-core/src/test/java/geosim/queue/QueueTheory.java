package geosim.queue;

import geosim.fleet.MmcQueue;

/**
 * Closed-form mean response times (waiting + service) of the queues the model must reproduce.
 *
 * <p>[1] L. Kleinrock, Queueing Systems, Volume 1: Theory, Wiley, 1975: chapter 3 (M/M/m, the
 * Erlang C formula) and chapter 5 (M/G/1, the Pollaczek-Khinchine mean value formula).
 * [2] M. Harchol-Balter, Performance Modeling and Design of Computer Systems, Cambridge
 * University Press, 2013: chapter 14 (M/M/k, Erlang C) and chapter 23 (M/G/1).
 */
final class QueueTheory {
  private QueueTheory() {}

  /**
   * Erlang C: the probability that an arrival to M/M/c has to wait, with offered load a = lambda /
   * mu < c: {@code (a^c / c!) (c / (c - a)) / (sum_{k<c} a^k / k! + (a^c / c!) (c / (c - a)))}.
   */
  static double erlangC(int c, double a) {
    if (!(a > 0 && a < c)) throw new IllegalArgumentException("need 0 < a < c, got a = " + a + ", c = " + c);
    return new MmcQueue(c, a, 1).waitProbability(); // the fleet model's Erlang C, with mu = 1
  }

  /** Mean response time of M/M/c in seconds: {@code C(c, a) / (c mu - lambda) + 1 / mu}. */
  static double mmcResponseS(int c, double lambdaPerS, double meanServiceS) {
    double mu = 1 / meanServiceS;
    return erlangC(c, lambdaPerS * meanServiceS) / (c * mu - lambdaPerS) + meanServiceS;
  }

  /**
   * Mean response time of M/D/1 in seconds, Pollaczek-Khinchine with E[S^2] = S^2: {@code S + rho
   * S / (2 (1 - rho))}.
   */
  static double md1ResponseS(double lambdaPerS, double serviceS) {
    double rho = lambdaPerS * serviceS;
    if (!(rho > 0 && rho < 1)) throw new IllegalArgumentException("need 0 < rho < 1, got " + rho);
    return serviceS + rho * serviceS / (2 * (1 - rho));
  }
}
