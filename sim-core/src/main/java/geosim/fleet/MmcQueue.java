package geosim.fleet;

/**
 * The M/M/c queue in steady state: Poisson arrivals at rate {@code lambda}, c servers (cores) with
 * exponential service at rate {@code mu} each, first come first served, {@code rho = lambda / (c
 * mu) < 1}. With offered load {@code a = lambda / mu} the probability of waiting is Erlang C [1, 2]
 *
 * <pre>
 *   C(c, a) = (a^c / c!) (c / (c - a)) / (sum_{k<c} a^k / k! + (a^c / c!) (c / (c - a)))
 * </pre>
 *
 * <p>and the waiting time W is 0 with probability {@code 1 - C} and exponential with rate {@code
 * theta = c mu - lambda} otherwise [1, section 3.5], [2, chapter 14]. The response time T = W + S
 * with S ~ Exp(mu) independent has the tail (hypoexponential sum for the waiting part)
 *
 * <pre>
 *   P(T > t) = (1 - C) e^(-mu t) + C (theta e^(-mu t) - mu e^(-theta t)) / (theta - mu)   theta != mu
 *   P(T > t) = (1 - C) e^(-mu t) + C (1 + mu t) e^(-mu t)                                theta == mu
 * </pre>
 *
 * <p>and mean {@code C / theta + 1 / mu}. Quantiles invert the tail by bisection (it is
 * decreasing). Example: M/M/1 at rho 0.8 with a 10 ms service has mean 50 ms and p99 = 50 ms x
 * ln 100 = 230 ms.
 *
 * <p>[1] L. Kleinrock, Queueing Systems, Volume 1: Theory, Wiley, 1975, chapter 3.
 * <br>[2] M. Harchol-Balter, Performance Modeling and Design of Computer Systems, Cambridge
 * University Press, 2013, chapter 14.
 *
 * @param c cores, >= 1
 * @param lambdaPerS arrival rate, >= 0 and below {@code c mu}
 * @param muPerS service rate of one core, > 0
 */
public record MmcQueue(int c, double lambdaPerS, double muPerS) {
  /** Halvings of the bracket: 2^-32 of it, far finer than a histogram's 3 significant digits. */
  private static final int BISECTIONS = 32;

  public MmcQueue {
    if (c < 1) throw new IllegalArgumentException("c must be >= 1, got " + c);
    if (!(muPerS > 0 && Double.isFinite(muPerS))) throw new IllegalArgumentException("mu must be > 0, got " + muPerS);
    if (!(lambdaPerS >= 0 && lambdaPerS < c * muPerS)) {
      throw new IllegalArgumentException("need 0 <= lambda < c mu = " + c * muPerS + ", got " + lambdaPerS);
    }
  }

  /**
   * Erlang C: the probability that an arrival waits, 0 to 1. Computed through the Erlang B
   * recursion {@code B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1))} and {@code C = c B / (c - a (1 -
   * B))} [2, chapter 14], which never forms {@code a^c} or {@code c!}: a pool of thousands of
   * servers (a render farm as one queue) stays finite.
   */
  public double waitProbability() {
    double a = lambdaPerS / muPerS;
    if (a == 0) return 0;
    double b = 1;
    for (int k = 1; k <= c && b > 0; k++) b = a * b / (k + a * b); // once B underflows to 0 it stays 0
    return c * b / (c - a * (1 - b));
  }

  /**
   * The wait (time in the queue, before service) not exceeded with probability {@code p} in (0,
   * 1), for each of {@code ps}, seconds: 0 when {@code 1 - p >= C}, else {@code ln(C / (1 - p)) /
   * (c mu - lambda)}, since the wait is 0 with probability 1 - C and exponential otherwise.
   */
  public double[] waitQuantilesS(double[] ps) {
    return waitQuantilesS(waitProbability(), ps);
  }

  /**
   * The wait and the response time quantiles at {@code ps}, {@code {wait, response}}, seconds:
   * {@link #waitQuantilesS} and {@link #responseQuantilesS} with Erlang C computed once (it takes
   * c steps: thousands for a render farm as one queue).
   */
  public double[][] waitAndResponseQuantilesS(double[] ps) {
    double waitP = waitProbability();
    return new double[][] {waitQuantilesS(waitP, ps), responseQuantilesS(waitP, ps)};
  }

  private double[] waitQuantilesS(double waitP, double[] ps) {
    double theta = c * muPerS - lambdaPerS;
    double[] out = new double[ps.length];
    for (int i = 0; i < ps.length; i++) {
      double q = 1 - check(ps[i]);
      out[i] = q >= waitP ? 0 : Math.log(waitP / q) / theta;
    }
    return out;
  }

  private static double check(double p) {
    if (!(p > 0 && p < 1)) throw new IllegalArgumentException("p must be in (0, 1), got " + p);
    return p;
  }

  /** Mean response time (wait + service), seconds. */
  public double meanResponseS() {
    return waitProbability() / (c * muPerS - lambdaPerS) + 1 / muPerS;
  }

  /** P(T > t) for a response time T, t in seconds. */
  public double responseTail(double tS) {
    return tail(waitProbability(), tS);
  }

  private double tail(double waitP, double tS) {
    double theta = c * muPerS - lambdaPerS;
    double service = Math.exp(-muPerS * tS);
    double queued = Math.abs(theta - muPerS) < 1e-12 * muPerS
        ? (1 + muPerS * tS) * service
        : (theta * service - muPerS * Math.exp(-theta * tS)) / (theta - muPerS);
    return (1 - waitP) * service + waitP * queued;
  }

  /** The response time not exceeded with probability {@code p} in (0, 1), seconds. */
  public double responseQuantileS(double p) {
    return responseQuantilesS(new double[] {p})[0];
  }

  /** {@link #responseQuantileS} for several probabilities at once (Erlang C is computed once). */
  public double[] responseQuantilesS(double[] ps) {
    return responseQuantilesS(waitProbability(), ps);
  }

  private double[] responseQuantilesS(double waitP, double[] ps) {
    double[] out = new double[ps.length];
    for (int i = 0; i < ps.length; i++) {
      double p = check(ps[i]);
      if (c == 1) { // M/M/1: T is exponential with rate mu - lambda, quantiles in closed form
        out[i] = -Math.log(1 - p) / (muPerS - lambdaPerS);
        continue;
      }
      double hi = 1 / muPerS;
      while (tail(waitP, hi) > 1 - p) hi *= 2;
      double lo = 0;
      for (int k = 0; k < BISECTIONS; k++) {
        double mid = (lo + hi) / 2;
        if (tail(waitP, mid) > 1 - p) lo = mid; else hi = mid;
      }
      out[i] = hi;
    }
    return out;
  }
}
