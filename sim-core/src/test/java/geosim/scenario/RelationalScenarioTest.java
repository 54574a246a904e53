package geosim.scenario;

import static geosim.scenario.SummaryValues.map;
import static geosim.scenario.SummaryValues.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The relational tier on configs/scenarios/mysql-failover.conf: replication lag against queueing
 * theory, lag growth when writes outpace the replica's one SQL thread, read-your-writes violations
 * from replicas, and the writes a failover loses.
 */
class RelationalScenarioTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/mysql-failover.conf");
  private static final double NETWORK_MS = 0.25;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();


  @Test
  void replicationLagIsTheMD1SojournOfTheSqlThreadPlusTheShippingDelay() throws Exception {
    double writesPerShard = 600;
    double applyMs = 1;
    SortedMap<String, Object> s = run("duration=30s", "relational.crashes=[]", "relational.workload.read-fraction=0.8",
        "relational.workload.rate=" + writesPerShard * 2 / 0.2);
    double rho = writesPerShard * applyMs / 1000;
    // Poisson binlog events, a deterministic apply: M/D/1's mean wait rho / (2 mu (1 - rho)), plus the apply.
    double expectedMs = rho * applyMs / (2 * (1 - rho)) + applyMs + NETWORK_MS;
    double meanMs = number(map(map(s, "relational"), "replicationLagMs"), "mean");
    assertEquals(expectedMs, meanMs, 0.1 * expectedMs, "mean lag at rho " + rho);
  }

  @Test
  void lagGrowsWithoutBoundWhenWritesOutpaceOneSqlThread() throws Exception {
    double seconds = 30;
    SortedMap<String, Object> s = run("duration=30s", "relational.crashes=[]");
    double rho = 6000 * 0.4 / 2 / 1000.0;
    // The last events wait for a backlog of (rho - 1) x t seconds of apply work.
    double expectedMaxMs = (rho - 1) / rho * seconds * 1000;
    double maxMs = number(map(map(s, "relational"), "replicationLagMs"), "max");
    assertEquals(expectedMaxMs, maxMs, 0.15 * expectedMaxMs, "lag at the end, rho " + rho);
    Map<String, Object> c = map(s, "consistency");
    assertTrue(number(c, "readYourWritesViolations") > 0 && number(c, "staleReads") > number(c, "readYourWritesViolations"),
        "reads from lagging replicas: " + c);
  }

  @Test
  void readsFromThePrimaryAreNeverStale() throws Exception {
    SortedMap<String, Object> s = run("duration=20s", "relational.crashes=[]", "relational.workload.read-from=primary");
    Map<String, Object> c = map(s, "consistency");
    assertTrue(number(c, "reads") > 10_000, "audited reads " + c);
    assertEquals(0, number(c, "staleReads"), "stale " + c);
    assertEquals(0, number(c, "readYourWritesViolations"), "read-your-writes " + c);
  }

  @Test
  void aFailoverToTheMostReceivedReplicaLosesNoAcknowledgedWriteButOneThatDiscardsTheRelayLogLosesTheLagWindow()
      throws Exception {
    List<String> half = List.of("duration=75s", "relational.workload.rate=3000", "relational.apply-per-write=2ms");
    SortedMap<String, Object> received = run(half, "relational.promote=received");
    SortedMap<String, Object> applied = run(half, "relational.promote=applied");
    for (SortedMap<String, Object> s : List.of(received, applied)) {
      Map<String, Object> r = map(s, "relational");
      assertEquals(1, number(r, "failovers"), "failovers " + r);
      // Detected after 9 s; status and promotion messages take two network delays.
      assertEquals(9 + 2 * NETWORK_MS / 1000, number(r, "failoverSecondsMean"), 1e-3, "failover time " + r);
    }
    assertEquals(0, number(map(received, "consistency"), "lostAcknowledgedWrites"), "MHA-style " + received.get("consistency"));
    // Shard 1 commits lambda = 3000 x 0.4 / 2 writes a second for 60 s; its replicas apply mu = 500 a
    // second: at detection (69 s) about lambda x 60 - mu x 69 are received but not applied.
    double lambda = 3000 * 0.4 / 2;
    double expectedLost = lambda * 60 - 500 * 69;
    double lost = number(map(applied, "consistency"), "lostAcknowledgedWrites");
    assertEquals(expectedLost, lost, 0.25 * expectedLost, "writes lost in the lag window " + applied.get("consistency"));
  }

  private static SortedMap<String, Object> run(String... sets) throws Exception {
    return ScenarioRuns.results(RUNTIME.get(), SCENARIO, List.of(), List.of(sets));
  }

  private static SortedMap<String, Object> run(List<String> base, String more) throws Exception {
    List<String> all = new ArrayList<>(base);
    all.add(more);
    return ScenarioRuns.results(RUNTIME.get(), SCENARIO, all, List.of());
  }
}
