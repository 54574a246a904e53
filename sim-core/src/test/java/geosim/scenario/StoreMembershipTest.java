package geosim.scenario;

import static geosim.scenario.SummaryValues.map;
import static geosim.scenario.SummaryValues.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.RunResult;
import geosim.store.node.StoreModel;
import geosim.store.ring.ReplicaPlacement;
import geosim.store.storage.Cell;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bootstrap and decommission on configs/scenarios/store-membership.conf (12 servers in two regions,
 * three copies per region, LOCAL_QUORUM): server 5 (us-east rack-2 srv-3) joins at 20 s, server 6
 * (eu-west rack-1 srv-1) leaves at 60 s, with {@link Invariants} on.
 */
class StoreMembershipTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/store-membership.conf");
  private static final int JOINING = 5;
  private static final int LEAVING = 6;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static Run run;

  /** Writes of the last 100 ms may still be on their way to some replica when the run ends. */
  private static final long IN_FLIGHT_US = 100_000;

  private record Run(SortedMap<String, Object> summary, StoreModel store, long keys, long endUs) {}

  @BeforeAll
  static void setUp() throws Exception {
    run = run(List.of());
  }

  private static Run run(List<String> sets) throws Exception {
    Simulation sim = Simulation.create(ScenarioLoader.load(SCENARIO, sets)).observe(new Invariants());
    RunResult result = sim.run(RUNTIME.get());
    return new Run(RunSummary.of(sim, result), sim.store(), sim.scenario().store().workload().keys(),
        result.endTimeNs() / 1_000);
  }

  @Test
  void bothChangesCompleteUnderLoadWithoutAFailedRequest() {
    Map<String, Object> m = map(map(run.summary, "store"), "membership");
    assertEquals(2L, ((Number) m.get("completed")).longValue(), "membership " + m);
    assertTrue(number(m, "keysStreamed") > 1_000, "the moved ranges held data: " + m);
    // Each change waits the 30 s ring delay, then streams a few MB.
    assertTrue(number(m, "meanDurationSeconds") > 30 && number(m, "meanDurationSeconds") < 35, "membership " + m);
    for (String op : StoreModel.OPS) {
      Map<String, Object> o = map(map(run.summary, "operations"), op);
      assertEquals(0, number(o, "failed"), op + " " + o);
      assertTrue(number(o, "ok") > 10_000, op + " " + o);
    }
  }

  @Test
  void theNewRingHoldsEveryKeyOnItsNewOwners() {
    ReplicaPlacement end = run.store.placementAtEnd();
    assertTrue(end.isMember(JOINING));
    assertFalse(end.isMember(LEAVING));
    long joinerKeys = 0;
    long joinerMissing = 0;
    for (long key = 0; key < run.keys; key++) {
      Cell newest = run.store.convergedCell(key);
      if (newest == null || newest.timestampUs() >= run.endUs - IN_FLIGHT_US) continue;
      for (int replica : end.replicas(key)) {
        if (replica != JOINING) continue;
        joinerKeys++;
        if (!run.store.engines().get(JOINING).newestCell(key).isPresent()) joinerMissing++;
      }
    }
    assertTrue(joinerKeys > 500, "the new server owns a share of the keys: " + joinerKeys);
    assertEquals(0, joinerMissing, "keys of the new server's ranges it does not hold (older than 100 ms), of "
        + joinerKeys);
    // Only writes still on the wire at the end leave a replica behind (a few dozen of ~15,000).
    Map<String, Object> c = map(run.summary, "consistency");
    assertTrue(number(c, "replicasBehindAtEnd") < 60, "consistency " + c);
    assertEquals(0, number(c, "lostAcknowledgedWrites"), "consistency " + c);
  }

  /** Why Cassandra waits RING_DELAY: coordinators that have not heard of the change send new writes to the old owners only. */
  @Test
  void withoutTheRingDelayWritesOfTheFirstSecondsMissTheNewOwners() throws Exception {
    Run hasty = run(List.of("store.membership.ring-delay=0s"));
    Map<String, Object> c = map(hasty.summary, "consistency");
    assertTrue(number(c, "replicasBehindAtEnd") > 500, "consistency " + c);
    assertEquals(2L, ((Number) map(map(hasty.summary, "store"), "membership").get("completed")));
  }

  /** By region: gossip, pending writes and the leaving server's streams cross partitions (by rack the 40 us lookahead makes it slow). */
  @Test
  void theSameOnTwoPartitions() throws Exception {
    Run two = run(List.of("engine.partition-by=region", "engine.partitions=2"));
    assertEquals(ScenarioRuns.withoutEngine(run.summary), ScenarioRuns.withoutEngine(two.summary));
  }
}
