package geosim.scenario;

import static geosim.scenario.SummaryValues.map;
import static geosim.scenario.SummaryValues.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.autoscale.Autoscalers;
import geosim.kernel.RunResult;
import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.Snapshot;
import geosim.store.client.StoreClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The autoscalers on configs/scenarios/store-elastic.conf (two regions; app servers 2 to 6 per
 * region, target tracking at 50 % CPU, 3-minute provisioning delay, the load tripled from 5 to 25
 * min; store nodes 3 to 6 per region on a schedule: 5 from 6 min, 3 from 24 min), with {@link
 * Invariants} on: app servers rise only a provisioning delay after the step, p99 recovers once they
 * serve, the scale-in after the load falls drains them without a failed request; new store nodes
 * serve only after their bootstrap and leave by decommission without a failed store request or a
 * lost acknowledged write; the elastic tiers cost less than fixed ones sized for the peak; and the
 * summary is the same on 1 and 2 partitions.
 */
class StoreElasticTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/store-elastic.conf");
  private static final long MIN = 60_000_000_000L;
  private static final String REGION = "us-east";
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static Run elastic;

  /** One interval of the run: its end, the app servers in service on average, the clients' failures and p99. */
  private record Interval(long endNs, double inService, long failed, long p99Us) {}

  private record Run(SortedMap<String, Object> summary, List<Interval> intervals) {}

  @BeforeAll
  static void setUp() throws Exception {
    elastic = run(List.of());
  }

  private static Run run(List<String> sets) throws Exception {
    List<Interval> intervals = new ArrayList<>();
    long[] last = new long[2];
    String inService = Autoscalers.metric(REGION, Autoscalers.APP, "in-service-ns");
    String failed = StoreClients.counter(REGION, "failed");
    Simulation sim = Simulation.create(ScenarioLoader.load(SCENARIO, sets)).observe(new Invariants()).observe(s -> {
      long length = s.timeNs() - s.intervalStartNs();
      if (length == 0) return;
      Histogram latency = s.intervalHistograms().get(StoreClients.latencyUs(REGION));
      intervals.add(new Interval(s.timeNs(), (double) (s.counter(inService) - last[0]) / length,
          s.counter(failed) - last[1], latency == null ? 0 : latency.getValueAtPercentile(99)));
      last[0] = s.counter(inService);
      last[1] = s.counter(failed);
    });
    RunResult result = sim.run(RUNTIME.get());
    return new Run(RunSummary.of(sim, result), intervals);
  }

  private static Map<String, Object> app(Run run) {
    return role(run, Autoscalers.APP);
  }

  private static Map<String, Object> role(Run run, String role) {
    return map(map(map(run.summary, "autoscaler"), role), REGION);
  }

  @Test
  void instancesRiseOnlyAProvisioningDelayAfterTheLoadStep() {
    Map<String, Object> app = app(elastic);
    assertTrue(number(app, "scaleOuts") >= 1 && number(app, "instancesPeak") > 2, "app " + app);
    assertEquals(180.0, number(app, "meanLaunchToServiceSeconds"), 1e-9, "app " + app);
    Interval firstRise = null;
    for (Interval i : elastic.intervals) {
      if (firstRise == null && i.inService > 2 + 1e-9) firstRise = i;
    }
    // The step is at 5 min, the provisioning delay 3 min: nothing more serves before 8 min.
    assertTrue(firstRise != null && firstRise.endNs > 8 * MIN, "first interval with more app servers: " + firstRise);
    for (Interval i : elastic.intervals) {
      if (i.endNs <= 5 * MIN) assertEquals(2.0, i.inService, 1e-9, "before the step: " + i);
    }
  }

  @Test
  void p99RecoversOnceTheNewServersServe() {
    long saturated = 0;
    long recovered = 0;
    for (Interval i : elastic.intervals) {
      if (i.endNs > 6 * MIN && i.endNs <= 10 * MIN) saturated = Math.max(saturated, i.p99Us);
      if (i.endNs > 17 * MIN && i.endNs <= 25 * MIN) recovered = Math.max(recovered, i.p99Us);
    }
    assertTrue(saturated > 5_000_000, "p99 while the two servers are saturated, us: " + saturated);
    assertTrue(recovered < 1_000_000, "p99 after the scale-out, us: " + recovered);
  }

  @Test
  void scaleInAfterTheLoadFallsDrainsWithoutAFailedRequestOrALostWrite() {
    Map<String, Object> app = app(elastic);
    assertTrue(number(app, "scaleIns") >= 1 && number(app, "released") >= 1, "app " + app);
    long failedAfterRecovery = 0;
    double inServiceAtEnd = 0;
    for (Interval i : elastic.intervals) {
      if (i.endNs > 17 * MIN) failedAfterRecovery += i.failed;
      inServiceAtEnd = i.inService;
    }
    assertEquals(0, failedAfterRecovery, "client requests failed during and after the scale-in");
    assertEquals(2.0, inServiceAtEnd, 1e-9, "back to min at the end");
    assertEquals(0, number(map(elastic.summary, "consistency"), "lostAcknowledgedWrites"));
  }

  @Test
  void newStoreNodesServeOnlyAfterTheirBootstrapAndLeaveWithoutAFailedRequestOrALostWrite() {
    Map<String, Object> nodes = role(elastic, Autoscalers.STORE);
    assertEquals(2, number(nodes, "launched"), "store " + nodes);
    assertEquals(2, number(nodes, "released"), "store " + nodes);
    assertEquals(5, number(nodes, "instancesPeak"), "store " + nodes);
    // Provisioning (3 min), then the ring delay (30 s), then the streams, before a node serves.
    assertTrue(number(nodes, "meanLaunchToServiceSeconds") > 210, "store " + nodes);
    for (String region : List.of("us-east", "eu-west")) {
      Map<String, Object> r = map(map(map(elastic.summary, "autoscaler"), Autoscalers.STORE), region);
      assertEquals(0, number(r, "replicaReadsBeforeJoined"), region + " " + r);
    }
    Map<String, Object> membership = map(map(elastic.summary, "store"), "membership");
    assertEquals(8, number(membership, "completed"), "two joins and two leaves per region: " + membership);
    assertTrue(number(membership, "keysStreamed") > 1_000, "the moved ranges held data: " + membership);
    for (String op : List.of("read", "write")) {
      assertEquals(0, number(map(map(elastic.summary, "operations"), op), "failed"), op);
    }
    assertEquals(0, number(map(elastic.summary, "consistency"), "lostAcknowledgedWrites"));
  }

  @Test
  void theSameSummaryOnOneAndTwoPartitions() throws Exception {
    List<String> shorter = List.of("duration=12m", "store.autoscaler.store.schedule=[{at=2m, min=4, max=6}]",
        "engine.partition-by=region");
    List<String> two = new ArrayList<>(shorter);
    two.add("engine.partitions=2");
    SortedMap<String, Object> one = ScenarioRuns.results(RUNTIME.get(), SCENARIO, shorter, List.of());
    SortedMap<String, Object> other = ScenarioRuns.results(RUNTIME.get(), SCENARIO, two, List.of());
    one.remove("wallSeconds");
    other.remove("wallSeconds");
    assertEquals(1.0, number(role(new Run(one, List.of()), Autoscalers.STORE), "launched"), "a store node joined: " + one);
    assertEquals(one, other);
  }

  @Test
  void theElasticTiersCostLessThanFixedOnesSizedForThePeak() throws Exception {
    Run fixed = run(List.of("store.autoscaler.app.policy=none", "store.autoscaler.app.min=6",
        "store.autoscaler.store.min=6", "store.autoscaler.store.schedule=[]"));
    Map<String, Object> e = map(elastic.summary, "cost");
    Map<String, Object> f = map(fixed.summary, "cost");
    double fixedAppHours = number(map(f, "instanceHoursByRole"), Autoscalers.APP);
    assertEquals(2 * 6 * 40 / 60.0, fixedAppHours, 1e-6, "fixed: 6 app servers in each of 2 regions for 40 min");
    assertTrue(number(map(e, "instanceHoursByRole"), Autoscalers.APP) < 0.75 * fixedAppHours, "elastic " + e);
    assertTrue(number(e, "usd") < number(f, "usd"), "elastic " + e + " fixed " + f);
    double fixedStoreHours = number(map(f, "instanceHoursByRole"), Autoscalers.STORE);
    assertEquals(2 * 6 * 40 / 60.0, fixedStoreHours, 1e-6, "fixed: 6 store nodes in each of 2 regions for 40 min");
    assertTrue(number(map(e, "instanceHoursByRole"), Autoscalers.STORE) < 0.75 * fixedStoreHours, "elastic " + e);
    // The same requests keep the app tier busy about as long either way: utilization is over the time held.
    double elasticBusy = number(map(elastic.summary, "app"), "utilization") * number(map(e, "instanceHoursByRole"),
        Autoscalers.APP);
    double fixedBusy = number(map(fixed.summary, "app"), "utilization") * fixedAppHours;
    assertEquals(fixedBusy, elasticBusy, 0.05 * fixedBusy, "app utilization x app instance-hours, elastic against fixed");
  }
}
