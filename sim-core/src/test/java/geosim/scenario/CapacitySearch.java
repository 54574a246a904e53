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
    double rate = START;
    SortedMap<String, Object> summary = probe.at(rate);
    int probes = 1;
    boolean up = meets(summary, targetP99Ms);
    double good = up ? rate : 0;
    SortedMap<String, Object> best = up ? summary : null;
    double bad = up ? 0 : rate;
    while ((good == 0 || bad == 0) && probes < PROBES_MAX) {
      rate = up ? rate * STEP : rate / STEP;
      summary = probe.at(rate);
      probes++;
      if (meets(summary, targetP99Ms)) {
        good = rate;
        best = summary;
      } else {
        bad = rate;
      }
    }
    for (int i = 0; i < HALVINGS && best != null && bad > 0; i++) {
      rate = Math.sqrt(good * bad);
      summary = probe.at(rate);
      probes++;
      if (meets(summary, targetP99Ms)) {
        good = rate;
        best = summary;
      } else {
        bad = rate;
      }
    }
    if (best == null || bad == 0) throw new AssertionError("no bracket after " + probes + " probes: " + good + ", " + bad);
    return new Result(good, best, bad, probes);
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
