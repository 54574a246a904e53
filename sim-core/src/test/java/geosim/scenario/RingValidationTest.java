package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** configs/validation/ring.conf: the measured ownership CV against sqrt((N - 1) / (N V + 1)). */
class RingValidationTest {
  private static final Path RING = Path.of("../configs/validation/ring.conf");
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();


  @Test
  @SuppressWarnings("unchecked")
  void theScenarioReportsOwnershipBesideTheory() throws Exception {
    SortedMap<String, Object> summary = ScenarioRuns.results(RUNTIME.get(), RING, List.of(), List.of());
    Map<String, Object> ownership = (Map<String, Object>) ((Map<String, Object>) summary.get("store")).get("ownership");
    assertEquals(Math.sqrt(9.0 / 161), ((Number) ownership.get("cvTheory")).doubleValue(), 1e-12);
    double cv = ((Number) ownership.get("cv")).doubleValue();
    assertTrue(cv > 0 && cv < 1, "cv " + cv);
    assertTrue(((Number) ownership.get("min")).doubleValue() < 0.1 && ((Number) ownership.get("max")).doubleValue() > 0.1);
    assertEquals(summary, ScenarioRuns.results(RUNTIME.get(), RING, List.of(), List.of()), "same seed, same ring");
  }

  /** Over 60 seeds the mean CV is within 15 % of theory (one ring's CV is itself a noisy estimate). */
  @ParameterizedTest(name = "N={0}, V={1}")
  @CsvSource({"10, 1", "10, 16", "100, 16", "30, 256", "5, 4"})
  @SuppressWarnings("unchecked")
  void meanCvOverSeedsMatchesTheory(int nodes, int vnodes) throws Exception {
    ScenarioSettings settings = ScenarioLoader.load(RING, List.of("ring.nodes=" + nodes, "ring.vnodes=" + vnodes));
    double sum = 0;
    int seeds = 60;
    double theory = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      Map<String, Object> ownership = (Map<String, Object>) RingSummary.store(settings.ring(), seed).get("ownership");
      sum += ((Number) ownership.get("cv")).doubleValue();
      theory = ((Number) ownership.get("cvTheory")).doubleValue();
    }
    double mean = sum / seeds;
    assertEquals(Math.sqrt((nodes - 1.0) / (nodes * (double) vnodes + 1)), theory, 1e-12);
    assertEquals(1.0, mean / theory, 0.15, "mean cv " + mean + " vs theory " + theory);
  }
}
