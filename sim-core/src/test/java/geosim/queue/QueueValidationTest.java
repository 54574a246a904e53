package geosim.queue;

import geosim.metrics.Estimate;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.KernelRuntime;
import geosim.scenario.RunSummary;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The queue model against queueing theory, through the whole chain (configs/validation/queue.conf
 * with --set overrides, the model, summary.json's fields): the mean response time of R
 * replications (seeds 1..R) must lie within 3% of Erlang C (M/M/c) or Pollaczek-Khinchine (M/D/1),
 * with a Student-t 95% confidence interval narrower than that; Little's law L = lambda W within 2%
 * in every replication; the CPU's utilization within 1% of rho.
 *
 * <p>No warm-up is discarded: each run starts empty and is long against the queue's relaxation
 * time (at rho = 0.9 on one core about 1 / (mu (1 - sqrt rho)^2) = 3.8 s of virtual time against
 * 8000 s per run; P. M. Morse, "Stochastic properties of waiting lines", Operations Research 3(3),
 * 1955), so the start-up bias is far below 0.1%.
 *
 * <p>{@code -Dgeosim.validation.doc=../docs/validation.md} also writes the table of docs/validation.md.
 */
class QueueValidationTest {
  private static final Path CONFIG = Path.of("../configs/validation/queue.conf");
  static final int REPLICATIONS = 10;
  static final double TOLERANCE = 0.03;
  static final double LITTLE_TOLERANCE = 0.02;

  static final List<ValidationCase> CASES = List.of(
      new ValidationCase("M/M/1, rho = 0.5", 1, 50, ServiceDistribution.EXPONENTIAL, 2_000),
      new ValidationCase("M/M/1, rho = 0.9", 1, 90, ServiceDistribution.EXPONENTIAL, 8_000),
      new ValidationCase("M/M/4, rho = 0.8", 4, 320, ServiceDistribution.EXPONENTIAL, 1_000),
      new ValidationCase("M/D/1, rho = 0.8", 1, 80, ServiceDistribution.DETERMINISTIC, 3_000));

  private static final Map<String, List<Replication>> RESULTS = new TreeMap<>();

  @BeforeAll
  static void runAll() throws Exception {
    try (KernelRuntime runtime = new KernelRuntime()) {
      for (ValidationCase c : CASES) {
        List<Replication> reps = new ArrayList<>();
        for (int r = 1; r <= REPLICATIONS; r++) reps.add(run(runtime, c, r));
        RESULTS.put(c.label(), reps);
      }
    }
  }

  @AfterAll
  static void clear() {
    RESULTS.clear();
  }

  static Stream<ValidationCase> cases() {
    return CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void meanResponseMatchesTheoryWithinThreePercent(ValidationCase c) {
    Estimate sim = Estimate.of(RESULTS.get(c.label()).stream().mapToDouble(Replication::meanResponseMs).toArray());
    double theory = c.theoryMs();
    double error = Math.abs(sim.mean() - theory) / theory;
    String detail = c.label() + ": simulated " + sim + " ms, theory " + theory + " ms, error " + error;
    assertTrue(sim.halfWidth() / theory < TOLERANCE, "confidence interval too wide; " + detail);
    assertTrue(error < TOLERANCE, detail);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void littlesLawHoldsInEveryReplication(ValidationCase c) {
    List<Replication> reps = RESULTS.get(c.label());
    for (int r = 0; r < reps.size(); r++) {
      Replication rep = reps.get(r);
      double lambdaW = rep.arrivalRatePerS() * rep.meanResponseMs() / 1000;
      double error = Math.abs(rep.inSystemMean() - lambdaW) / lambdaW;
      assertTrue(error < LITTLE_TOLERANCE, c.label() + ", seed " + (r + 1) + ": L = "
          + rep.inSystemMean() + ", lambda W = " + lambdaW);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void utilizationIsTheOfferedLoad(ValidationCase c) {
    Estimate u = Estimate.of(RESULTS.get(c.label()).stream().mapToDouble(Replication::utilization).toArray());
    assertTrue(Math.abs(u.mean() - c.rho()) / c.rho() < 0.01, c.label() + ": utilization " + u);
  }

  @Test
  @EnabledIfSystemProperty(named = "geosim.validation.doc", matches = ".+")
  void writeValidationDoc() throws Exception {
    ValidationDoc.write(Path.of(System.getProperty("geosim.validation.doc")), CASES, RESULTS);
  }

  private static Replication run(KernelRuntime runtime, ValidationCase c, int seed) throws Exception {
    List<String> sets = List.of("seed=" + seed, "queue.servers=" + c.servers(),
        "queue.arrival-rate=" + c.arrivalRatePerS(), "queue.mean-service-time=" + ValidationCase.SERVICE_MS + "ms",
        "queue.service-distribution=" + c.distribution().configName(),
        "queue.duration=" + c.durationS() + "s", "metrics.interval=" + c.durationS() + "s");
    Simulation sim = Simulation.create(ScenarioLoader.load(CONFIG, sets));
    SortedMap<String, Object> summary = RunSummary.of(sim, sim.run(runtime));
    return new Replication(
        number(summary, "operations", "request", "latencyMs", "mean"),
        number(summary, "queue", "inSystemMean"),
        number(summary, "queue", "arrivalRatePerS"),
        number(summary, "utilization", "serverCpuMean"));
  }

  @SuppressWarnings("unchecked")
  private static double number(SortedMap<String, Object> summary, String... path) {
    Object node = summary;
    for (String key : path) node = ((Map<String, Object>) node).get(key);
    return ((Number) node).doubleValue();
  }

  /** What one run measured. */
  record Replication(double meanResponseMs, double inSystemMean, double arrivalRatePerS, double utilization) {}
}
