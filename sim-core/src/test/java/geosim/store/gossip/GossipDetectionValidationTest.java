package geosim.store.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.KernelRuntime;
import geosim.metrics.Estimate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Failure detection on the kernel against the phi-accrual formula (docs/store/gossip.md).
 * {@value #NODES} nodes gossip with a fixed {@value #DELAY_MS} ms message delay; node 5 crashes
 * after {@value #WARMUP_ROUNDS} rounds; every other node measures its detection time D, from the
 * crash to the status check that convicts. Under the exponential model an observer convicts
 * once {@code φ · m · ln 10} has passed since its last news of the victim, {@code m} being its
 * detector's mean interval. So
 *
 * <pre>
 *   D = φ · m · ln 10 + s + k,   s = σ - a
 * </pre>
 *
 * with {@code s} the staleness (last news minus crash), {@code σ} the time the victim's last
 * heartbeat took to reach the observer, {@code a} the time from the victim's last round to the
 * crash and {@code k} the wait for the next status check once φ has crossed. {@code a} and
 * {@code k} are both uniform in one round, so on average they cancel: E[D] = φ · m · ln 10 + E[σ].
 * The checks, over {@value #REPLICATIONS} seeds: mean D within 10% of {@code φ · m · ln 10}
 * alone, and within 3% of {@code φ · m · ln 10 + σ}; the mean check wait is half a round; the
 * detector's m is the mean of the intervals between news that the observer kept.
 *
 * <p>{@code -Dgeosim.gossip.table=FILE} also writes the result table of docs/store/gossip.md.
 */
class GossipDetectionValidationTest {
  static final int NODES = 10;
  static final int LARGER_NODES = 30;
  static final long DELAY_MS = 10;
  static final int WARMUP_ROUNDS = 100;
  static final int MEASURE_FROM_ROUND = 10;
  static final int REPLICATIONS = 10;
  static final double TOLERANCE_BARE = 0.10;
  static final double TOLERANCE_SPREAD = 0.03;
  static final double LN_10 = Math.log(10);

  static final List<DetectionCase> CASES = List.of(
      new DetectionCase(5, 1), new DetectionCase(5, 2), new DetectionCase(8, 1), new DetectionCase(8, 2));

  private static final Map<String, List<GossipCluster.Result>> RESULTS = new TreeMap<>();

  static GossipCluster.Setup setup(DetectionCase c) {
    return setup(c, NODES);
  }

  static GossipCluster.Setup setup(DetectionCase c, int nodes) {
    return GossipCluster.Setup.of(nodes, c.settings(), DELAY_MS * 1_000_000L,
        WARMUP_ROUNDS * c.intervalNs(), MEASURE_FROM_ROUND * c.intervalNs());
  }

  @BeforeAll
  static void runAll() {
    try (KernelRuntime runtime = new KernelRuntime()) {
      for (DetectionCase c : CASES) {
        List<GossipCluster.Result> reps = new ArrayList<>();
        for (int seed = 1; seed <= REPLICATIONS; seed++) reps.add(GossipCluster.run(runtime, setup(c), seed));
        RESULTS.put(c.label(), reps);
      }
    }
  }

  @AfterAll
  static void clear() {
    RESULTS.clear();
  }

  static Stream<DetectionCase> cases() {
    return CASES.stream();
  }

  static Estimate estimate(DetectionCase c, ToDoubleFunction<GossipCluster.Result> f) {
    return Estimate.of(RESULTS.get(c.label()).stream().mapToDouble(f).toArray());
  }

  /** φ · m · ln 10 in ns, m the observers' detector mean at conviction, averaged over seeds. */
  static double bareTheoryNs(DetectionCase c) {
    return c.phi() * estimate(c, GossipCluster.Result::windowMeanNsMean).mean() * LN_10;
  }

  /** φ · m · ln 10 + σ in ns, σ the spread of the victim's last heartbeat to the observers. */
  static double spreadTheoryNs(DetectionCase c) {
    return bareTheoryNs(c) + estimate(c, GossipCluster.Result::spreadNsMean).mean();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyObserverConvictsTheCrashedNodeAndNobodyConvictsALiveOne(DetectionCase c) {
    List<GossipCluster.Result> reps = RESULTS.get(c.label());
    for (int i = 0; i < reps.size(); i++) {
      assertEquals(NODES - 1, reps.get(i).detections(), c + ", seed " + (i + 1));
      assertEquals(0, reps.get(i).falseConvictions(), c + ", seed " + (i + 1));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void meanDetectionIsWithinTenPercentOfPhiTimesMeanIntervalTimesLn10(DetectionCase c) {
    Estimate d = estimate(c, GossipCluster.Result::detectionNsMean);
    double theory = bareTheoryNs(c);
    double error = (d.mean() - theory) / theory;
    assertTrue(Math.abs(error) < TOLERANCE_BARE, c + ": detection " + d + " ns, phi m ln 10 = " + theory + ", error " + error);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void meanDetectionIsPhiTimesMeanTimesLn10PlusTheSpreadOfTheLastHeartbeat(DetectionCase c) {
    Estimate d = estimate(c, GossipCluster.Result::detectionNsMean);
    double theory = spreadTheoryNs(c);
    double error = (d.mean() - theory) / theory;
    assertTrue(Math.abs(error) < TOLERANCE_SPREAD, c + ": detection " + d + " ns, theory " + theory + ", error " + error);
    assertTrue(d.halfWidth() / theory < TOLERANCE_SPREAD, c + ": confidence interval too wide, " + d);
    // The wait for the status check after phi crosses is uniform in one round: mean I / 2.
    double wait = estimate(c, GossipCluster.Result::checkWaitNsMean).mean();
    assertEquals(0.5, wait / c.intervalNs(), 0.1, c + ": mean check wait " + wait + " ns");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theDetectorsMeanIsTheMeanIntervalBetweenTheNewsItKept(DetectionCase c) {
    // The observers' own record of the intervals it recorded (those up to the maximum interval)
    // from round 10 to the crash: the detector's window holds the same intervals plus the
    // initial guess and the first rounds.
    double window = estimate(c, GossipCluster.Result::windowMeanNsMean).mean();
    double kept = estimate(c, GossipCluster.Result::recordedIntervalNsMean).mean();
    assertEquals(1.0, window / kept, 0.02, c + ": window mean " + window + " ns, kept intervals' mean " + kept + " ns");
  }

  @Test
  void phiFiveWithOneSecondGossipDetectsInTheSeedNotesTenToFifteenSeconds() {
    Estimate d = estimate(new DetectionCase(5, 1), GossipCluster.Result::detectionNsMean);
    assertTrue(d.mean() >= 10e9 && d.mean() <= 15e9, "mean detection " + d.mean() / 1e9 + " s");
  }

  @Test
  void theSameSeedReproducesEveryCounterAndAnotherSeedDoesNot() {
    DetectionCase c = new DetectionCase(5, 1);
    try (KernelRuntime runtime = new KernelRuntime()) {
      GossipCluster.Result again = GossipCluster.run(runtime, setup(c), 1);
      assertEquals(RESULTS.get(c.label()).get(0).counters(), again.counters());
      assertTrue(!RESULTS.get(c.label()).get(1).counters().equals(again.counters()));
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "geosim.gossip.table", matches = ".+")
  void writeResultTable() throws Exception {
    // A larger cluster for the document only: its staleness is larger, see docs/store/gossip.md.
    Map<String, List<GossipCluster.Result>> larger = new TreeMap<>();
    try (KernelRuntime runtime = new KernelRuntime()) {
      for (DetectionCase c : CASES) {
        List<GossipCluster.Result> reps = new ArrayList<>();
        for (int seed = 1; seed <= REPLICATIONS; seed++) reps.add(GossipCluster.run(runtime, setup(c, LARGER_NODES), seed));
        larger.put(c.label(), reps);
      }
    }
    DetectionTable.write(Path.of(System.getProperty("geosim.gossip.table")), CASES, RESULTS, larger);
  }
}
