package geosim.scenario;

import static geosim.scenario.SummaryValues.fd;
import static geosim.scenario.SummaryValues.map;
import static geosim.scenario.SummaryValues.number;
import static geosim.scenario.SummaryValues.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fault scenarios of configs/scenarios (docs/scenarios/), each against a baseline run that
 * differs in one setting, with {@link Invariants} on. The symptoms are not scripted: they come
 * from links, gossip, placement and timeouts.
 */
class FaultScenariosTest {
  private static final Path SCENARIOS = Path.of("../configs/scenarios");
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();


  /** Seed 001's friendly fire: a 40 Gbit/s storm between two ToR switches against the same run without it. */
  @Test
  void aStormBetweenTwoSwitchesFailsRequestsRaisesTheTailAndFoolsTheFailureDetector() throws Exception {
    SortedMap<String, Object> storm = run("friendly-fire");
    SortedMap<String, Object> calm = run("friendly-fire", "faults=[]");
    assertEquals(1.0, number(calm, "availability"), "no failures without the storm");
    assertTrue(number(storm, "availability") < 0.9, "requests across the saturated uplinks fail: " + storm.get("operations"));
    assertTrue(p99(storm, "read") > 2 * p99(calm, "read"), "read p99 " + p99(storm, "read") + " against " + p99(calm, "read"));
    assertTrue(number(fd(storm), "falseSuspicions") > 0, "live servers convicted: " + fd(storm));
    assertEquals(0, number(fd(storm), "detections"), "nothing crashed: " + fd(storm));
    assertEquals(0, number(fd(calm), "convictions"), "fd without the storm " + fd(calm));
    assertTrue(number(map(map(storm, "store"), "hints"), "stored") > 1_000, "hints pile up: " + map(storm, "store"));
  }

  /** LOCAL_QUORUM in the other regions serves on through eu-west's outage; EACH_QUORUM cannot. */
  @Test
  void aRegionOutageSparesLocalQuorumAndFailsEachQuorum() throws Exception {
    SortedMap<String, Object> local = run("region-outage", "duration=60s");
    SortedMap<String, Object> each = run("region-outage", "duration=60s", "store.write-consistency=EACH_QUORUM",
        "store.read-consistency=EACH_QUORUM");
    for (String op : List.of("read", "write")) {
      assertEquals(number(op(local, op), "crashed"), number(op(local, op), "failed"), "LOCAL_QUORUM " + op(local, op));
      assertTrue(number(op(each, op), "failed") > number(op(each, op), "count") / 4, "EACH_QUORUM " + op(each, op));
      assertTrue(number(op(each, op), "unavailable") > 0, "once convicted, at once: " + op(each, op));
    }
    assertTrue(number(fd(local), "detections") > 0, "eu-west's servers are convicted: " + fd(local));
  }

  /** Rack-aware NetworkTopologyStrategy keeps QUORUM available through a rack's power loss; SimpleStrategy does not. */
  @Test
  void rackAwarePlacementKeepsQuorumAvailableThroughARackPowerLoss() throws Exception {
    SortedMap<String, Object> aware = run("rack-power");
    SortedMap<String, Object> simple = run("rack-power", "store.replication-by-region=[]");
    for (String op : List.of("read", "write")) {
      assertEquals(0, number(op(aware, op), "unavailable"), "one replica per rack: " + op(aware, op));
      assertTrue(number(op(simple, op), "unavailable") > 20, "two replicas in the dead rack: " + op(simple, op));
    }
    assertTrue(number(aware, "availability") > 0.99, "aware " + aware.get("availability"));
    assertTrue(number(simple, "availability") < number(aware, "availability"), "simple " + simple.get("availability"));
  }

  /** Gossip says the gray server is up; its reads time out unless speculative retry asks another replica. */
  @Test
  void speculativeRetrySavesTheReadsAGrayFailureWouldTimeOut() throws Exception {
    SortedMap<String, Object> speculating = run("gray-failure");
    SortedMap<String, Object> waiting = run("gray-failure", "store.speculative-retry=none");
    assertEquals(0, number(fd(speculating), "convictions"), "never convicted: " + fd(speculating));
    double saved = number(op(speculating, "read"), "failed");
    double lost = number(op(waiting, "read"), "failed");
    assertTrue(lost > 100, "reads that asked the gray server time out: " + op(waiting, "read"));
    assertTrue(saved < lost / 5, "speculative retry: " + saved + " failed reads against " + lost);
  }

  /**
   * chaos-month's random failures over 1 hour at rates raised so that some happen (its 30 days at
   * the cited rates take minutes: docs/benchmarks.md): requests fail while a region's replicas
   * are down, but the commit log keeps every acknowledged write. (The plan is drawn before the
   * run, so it cannot depend on the partitioning; FaultKindsTest checks the kinds it becomes.)
   */
  @Test
  void randomFaultsHurtAvailabilityButLoseNoAcknowledgedWrite() throws Exception {
    SortedMap<String, Object> chaos = run("chaos-month", "duration=1h",
        "faults=[{kind=random, element=server, mtbf=2h, mttr=15m}, {kind=random, element=rack, mtbf=6h, mttr=30m}, "
            + "{kind=random, element=tor-switch, mtbf=6h, mttr=10m}]");
    Map<String, Object> faults = map(chaos, "faults");
    assertTrue(number(faults, "count") >= 5 && number(faults, "server-crash") > 0, "faults " + faults);
    assertTrue(number(chaos, "availability") < 1 && number(chaos, "availability") > 0.9,
        "availability " + chaos.get("availability"));
    assertEquals(0, number(map(chaos, "consistency"), "lostAcknowledgedWrites"), "consistency " + chaos.get("consistency"));
  }

  private static SortedMap<String, Object> run(String scenario, String... sets) throws Exception {
    return ScenarioRuns.results(RUNTIME.get(), SCENARIOS.resolve(scenario + ".conf"), List.of(), List.of(sets));
  }

  private static double p99(Map<String, Object> summary, String op) {
    return number(map(op(summary, op), "latencyMs"), "p99");
  }
}
