package geosim.scenario;

import static geosim.scenario.SummaryValues.map;
import static geosim.scenario.SummaryValues.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.relational.RelationalSettings;
import geosim.store.client.ClientSettings;
import geosim.store.client.StoreClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * configs/scenarios/lamp-on-cloud.conf with its MySQL primary crashing: the app tier follows the
 * failover (docs/scenarios/lamp-on-cloud.md, "A primary crash"). Requests whose write reaches the
 * dead primary time out; once the failover manager has promoted a replica and told the app
 * servers, writes go to it and succeed again.
 */
class LampFailoverTest {
  private static final Path FILE = Path.of("../configs/scenarios/lamp-on-cloud.conf");
  private static final long CRASH_S = 5;
  private static final List<String> CRASH = List.of("duration=20s", "metrics.interval=1s",
      "relational.crashes=[{primary=db-1, at=" + CRASH_S + "s}]");
  /** Replicas that apply 100 writes a second against about 160 committed, a quick detection and a hasty promotion. */
  private static final List<String> HASTY = List.of("duration=14s", "relational.crashes=[{primary=db-1, at=10s}]",
      "relational.apply-per-write=10ms", "relational.detection-delay=1s", "relational.promote=applied");
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static SortedMap<String, Object> crash;
  /** Per 1 s snapshot: {time s, the clients' failed requests, their ok requests}, cumulative. */
  private static final List<double[]> series = new ArrayList<>();
  private static SortedMap<String, Object> hasty;
  private static ScenarioSettings settings;

  @BeforeAll
  static void setUp() throws Exception {
    settings = ScenarioLoader.load(FILE, CRASH);
    String region = settings.clients().populations().get(0).region();
    Simulation sim = Simulation.create(settings).observe(new Invariants()).observe(s -> series.add(new double[] {
        s.timeNs() / 1e9, s.counter(StoreClients.counter(region, "failed")), s.counter(StoreClients.counter(region, "ok"))}));
    crash = RunSummary.of(sim, sim.run(RUNTIME.get()));
    hasty = ScenarioRuns.results(RUNTIME.get(), FILE, HASTY, List.of());
  }

  @Test
  void requestsFailOnlyFromTheCrashUntilTheAppServersLearnTheNewPrimaryPlusTheTimeout() {
    RelationalSettings db = settings.clients().app().database();
    Map<String, Object> database = map(crash, "database");
    assertEquals(1, number(database, "failovers"), "failovers " + database);
    // Detected after the detection delay; the status round trip and the promotion order take three network delays.
    double failoverS = number(database, "failoverSecondsMean");
    assertEquals((db.failover().detectionDelayNs() + 3 * db.costs().networkDelayNs()) / 1e9, failoverS, 1e-6,
        "failover time " + database);
    double timeoutS = db.workload().timeoutNs() / 1e9;
    double lastFailed = series.get(series.size() - 1)[1];
    assertTrue(lastFailed > 0, "failed requests " + lastFailed);
    for (double[] s : series) {
      // A write sent just before the crash waits for the dead primary's cores: it may fail a moment before crash + timeout.
      if (s[0] <= CRASH_S + timeoutS - 0.5) assertEquals(0, s[1], "failed by " + s[0] + " s");
      if (s[0] >= CRASH_S + failoverS + timeoutS + 0.1) assertEquals(lastFailed, s[1], "failed by " + s[0] + " s");
    }
    // The writes sent to the dead primary fail: about the write rate times the time to the new primary.
    ClientSettings clients = settings.clients();
    double writeRate = clients.populations().get(0).ratePerSecond() * (1 - clients.mix().read());
    assertEquals(writeRate * failoverS, lastFailed, 0.1 * writeRate * failoverS, "failed " + map(crash, "clients"));
    // Each of them failed at its app server, not at the client (the database times out first).
    assertEquals(number(map(crash, "clients"), "failed"), number(database, "appRequestsFailed"), "app " + database);
  }

  @Test
  void afterThePromotionWritesAreAcknowledgedByTheNewPrimaryAndMhaLosesNone() {
    RelationalSettings db = settings.clients().app().database();
    double recoveredS = CRASH_S + number(map(crash, "database"), "failoverSecondsMean") + db.workload().timeoutNs() / 1e9;
    double[] before = null;
    double[] after = null;
    double[] last = series.get(series.size() - 1);
    for (double[] s : series) {
      if (s[0] == CRASH_S) before = s;
      if (after == null && s[0] >= recoveredS + 1) after = s;
    }
    // Before the crash and after the recovery every request (a fifth of them writes) succeeds at the offered rate.
    double okBefore = before[2] / before[0];
    double okAfter = (last[2] - after[2]) / (last[0] - after[0]);
    assertEquals(okBefore, okAfter, 0.1 * okBefore, "ok per second before the crash and after the recovery");
    assertEquals(after[1], last[1], "no failure after the recovery");
    // With promote = received the new primary first applies all it received: only events in flight are lost.
    assertEquals(0, number(map(crash, "database"), "lostAcknowledgedWrites"), "lost " + map(crash, "database"));
  }

  @Test
  void aHastyPromotionLosesTheAcknowledgedWritesTheReplicaHadNotApplied() throws Exception {
    ScenarioSettings s = ScenarioLoader.load(FILE, HASTY);
    RelationalSettings db = s.clients().app().database();
    double crashS = db.failover().crashes().get(0).atNs() / 1e9;
    double detectedS = crashS + db.failover().detectionDelayNs() / 1e9;
    double writeRate = s.clients().populations().get(0).ratePerSecond() * (1 - s.clients().mix().read());
    double applyRate = 1e9 / db.costs().applyPerWriteNs();
    // The primary acknowledged writeRate x crash writes; the replica's one SQL thread, always busy,
    // had applied applyRate x detection of them; the rest of its relay log is discarded.
    double expectedLost = writeRate * crashS - applyRate * detectedS;
    Map<String, Object> database = map(hasty, "database");
    assertEquals(expectedLost, number(database, "lostAcknowledgedWrites"), 0.2 * expectedLost, "lost " + database);
  }
}
