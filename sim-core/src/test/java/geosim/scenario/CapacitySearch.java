package geosim.scenario;

import static geosim.scenario.SummaryValues.map;
import static geosim.scenario.SummaryValues.number;

import java.util.Map;
import java.util.SortedMap;

/**
 * The highest request rate a scenario sustains within a p99 target: from 50 requests per second,
 * the rate is multiplied (or divided) by 4 until one rate meets the target and the next does not,
 * then that bracket is halved geometrically three times, so the answer is within a factor of 4^(1/8)
 * = 1.19 of the knee. A rate meets the target when the clients' p99 is within it and every finished
 * request succeeded.
 */
final class CapacitySearch {
  private static final double START = 50;
  private static final double STEP = 4;
  private static final int HALVINGS = 3;
  private static final int PROBES_MAX = 12;

  /** A run at a rate. */
  interface Probe {
    SortedMap<String, Object> at(double rate) throws Exception;
  }

  /** The highest rate that met the target, its summary, and the lowest rate found to miss it. */
  record Result(double bestRate, SortedMap<String, Object> best, double failingRate, int probes) {
    @Override
    public String toString() {
      return "best " + bestRate + " req/s (p99 " + p99Ms(best) + " ms), failing " + failingRate + " req/s, "
          + probes + " probes";
    }
  }

  private CapacitySearch() {}

  static Result run(Probe probe, double targetP99Ms) throws Exception {
    Bracket b = new Bracket(probe, targetP99Ms);
    boolean up = b.probe(START);
    // Out by STEP until the target is both met and missed, then narrow geometrically.
    for (double rate = START; (b.good == 0 || b.bad == 0) && b.probes < PROBES_MAX; ) {
      rate = up ? rate * STEP : rate / STEP;
      b.probe(rate);
    }
    for (int i = 0; i < HALVINGS && b.best != null && b.bad > 0; i++) b.probe(Math.sqrt(b.good * b.bad));
    if (b.best == null || b.bad == 0) {
      throw new AssertionError("no bracket after " + b.probes + " probes: " + b.good + ", " + b.bad);
    }
    return new Result(b.good, b.best, b.bad, b.probes);
  }

  /** The highest rate found to meet the target (0: none yet), its summary, and the lowest found to miss it (0: none). */
  private static final class Bracket {
    private final Probe probe;
    private final double targetP99Ms;
    double good;
    double bad;
    SortedMap<String, Object> best;
    int probes;

    Bracket(Probe probe, double targetP99Ms) {
      this.probe = probe;
      this.targetP99Ms = targetP99Ms;
    }

    /** Runs at {@code rate} and moves the bracket; whether the target was met. */
    boolean probe(double rate) throws Exception {
      SortedMap<String, Object> summary = probe.at(rate);
      probes++;
      boolean met = meets(summary, targetP99Ms);
      if (met) {
        good = rate;
        best = summary;
      } else {
        bad = rate;
      }
      return met;
    }
  }

  static boolean meets(Map<String, Object> summary, double targetP99Ms) {
    Map<String, Object> clients = map(summary, "clients");
    return p99Ms(summary) <= targetP99Ms && number(clients, "failed") == 0;
  }

  /** The clients' p99, ms. */
  static double p99Ms(Map<String, Object> summary) {
    return number(map(map(summary, "clients"), "latencyMs"), "p99");
  }
}
