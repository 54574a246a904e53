package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.StreamRandom;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * configs/validation/pbs.conf against an independent Monte Carlo of the WARS model (Bailis et al.,
 * VLDB 2012, section 4): the probability that a read started t after a write's acknowledgement
 * sees it.
 */
class PbsValidationTest {
  private static final Path PBS = Path.of("../configs/validation/pbs.conf");
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();


  /**
   * WARS by direct sampling: replica i gets the write after W_i and acks after W_i + A_i; the
   * write is acknowledged at the w-th smallest W_i + A_i. The read leaves t later, reaches replica
   * i after R_i and its answer returns S_i later; the read uses the r earliest answers and is
   * consistent when one of those replicas had the write when the read reached it.
   */
  static double consistentProbability(int n, int r, int w, double t, double mean, int samples, long seed) {
    StreamRandom random = new StreamRandom(seed);
    int consistent = 0;
    double[] wLeg = new double[n];
    double[] ackAt = new double[n];
    Integer[] order = new Integer[n];
    double[] answerAt = new double[n];
    for (int s = 0; s < samples; s++) {
      for (int i = 0; i < n; i++) {
        wLeg[i] = random.exponential(mean);
        ackAt[i] = wLeg[i] + random.exponential(mean);
      }
      double[] sorted = ackAt.clone();
      Arrays.sort(sorted);
      double readStart = sorted[w - 1] + t;
      boolean[] fresh = new boolean[n];
      for (int i = 0; i < n; i++) {
        double reachesReplica = readStart + random.exponential(mean);
        fresh[i] = wLeg[i] <= reachesReplica;
        answerAt[i] = reachesReplica + random.exponential(mean);
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> answerAt[i]));
      for (int k = 0; k < r; k++) {
        if (fresh[order[k]]) {
          consistent++;
          break;
        }
      }
    }
    return consistent / (double) samples;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> consistency(List<String> sets) throws Exception {
    SortedMap<String, Object> summary = ScenarioRuns.results(RUNTIME.get(), PBS, List.of(), sets);
    return (Map<String, Object>) summary.get("consistency");
  }

  @ParameterizedTest(name = "N={0}, R={1}, W={2}, t={3} ms")
  @CsvSource({"3, 1, 1, 0", "3, 1, 1, 1", "3, 1, 1, 3", "3, 1, 2, 0", "5, 1, 2, 0", "5, 2, 1, 0.5", "2, 1, 1, 0"})
  void staleReadRateMatchesTheWarsModel(int n, int r, int w, double tMs) throws Exception {
    Map<String, Object> c = consistency(List.of("pbs.n=" + n, "pbs.r=" + r, "pbs.w=" + w,
        "pbs.read-delay=" + (long) (tMs * 1000) + "us"));
    double simulated = 1 - ((Number) c.get("staleReadRate")).doubleValue();
    double theory = consistentProbability(n, r, w, tMs, 1.0, 200_000, 99);
    long reads = ((Number) c.get("reads")).longValue();
    assertTrue(reads > 10_000, "reads " + reads);
    assertEquals(theory, simulated, 0.02, "P(consistent): simulated " + simulated + ", WARS " + theory);
  }

  @Test
  void strictQuorumsNeverReadStale() throws Exception {
    Map<String, Object> c = consistency(List.of("pbs.n=3", "pbs.r=2", "pbs.w=2"));
    assertEquals(0L, ((Number) c.get("staleReads")).longValue());
    assertEquals(1.0, consistentProbability(3, 2, 2, 0, 1.0, 20_000, 5));
  }

  @Test
  void waitingLongerMakesStaleReadsRarer() throws Exception {
    double now = ((Number) consistency(List.of()).get("staleReadRate")).doubleValue();
    double later = ((Number) consistency(List.of("pbs.read-delay=3ms")).get("staleReadRate")).doubleValue();
    assertTrue(now > 0.1 && later < now / 3, "stale at t=0: " + now + ", at t=3 ms: " + later);
  }
}
