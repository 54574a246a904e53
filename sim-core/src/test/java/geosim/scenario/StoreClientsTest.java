package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.store.storage.StorageEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store's client populations on configs/scenarios/store-clients-small.conf (18 servers in
 * three regions, three replicas per region), with {@link Invariants} on: key popularity, load
 * shapes and closed loops, the routing of requests to coordinators, and failover.
 */
class StoreClientsTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/store-clients-small.conf");
  private static final String ONE_PER_REGION = "store.replication-by-region=[{region=us-east, factor=1}, "
      + "{region=us-west, factor=1}, {region=eu-west, factor=1}]";
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();


  /**
   * Zipfian keys (YCSB's θ = 0.99) send about a tenth of all requests to key 0. With one replica
   * per region, the replica of key 0 serves a larger share of its region's reads under zipfian keys
   * than under uniform ones (same ring, same seed), and by more than any other server of its
   * region: its replica set is the hottest.
   */
  @Test
  void zipfianKeysMakeTheHotKeysReplicaSetTheHottest() throws Exception {
    List<String> base = List.of(ONE_PER_REGION, "duration=10s", "store.workload.preset=none",
        "store.workload.read-fraction=0.9", "store.read-consistency=LOCAL_ONE", "store.write-consistency=LOCAL_ONE",
        "store.dclocal-read-repair-chance=0", "store.speculative-retry=none");
    Simulation zipfian = run(base, "store.workload.key-distribution=zipfian");
    long[] zipfReads = replicaReads(zipfian);
    long[] uniformReads = replicaReads(run(base, "store.workload.key-distribution=uniform"));
    for (int hot : zipfian.store().placement().replicas(0)) {
      int region = zipfian.store().fabric().regionOf(hot);
      int first = zipfian.store().fabric().firstServerOf(region);
      int end = zipfian.store().fabric().firstServerOf(region + 1);
      double[] gain = new double[end - first];
      for (int s = first; s < end; s++) {
        gain[s - first] = share(zipfReads, s, first, end) / share(uniformReads, s, first, end);
      }
      double hotGain = gain[hot - first];
      assertTrue(hotGain > 1.15, "key 0's replica gains a tenth of the reads: " + Arrays.toString(gain));
      for (double g : gain) assertTrue(g <= hotGain, "no server gains more than key 0's: " + Arrays.toString(gain));
    }
  }

  private static Simulation run(List<String> base, String set) throws Exception {
    List<String> sets = new ArrayList<>(base);
    sets.add(set);
    Simulation sim = Simulation.create(ScenarioLoader.load(SCENARIO, sets)).observe(new Invariants());
    sim.run(RUNTIME.get());
    return sim;
  }

  /** Reads each server's storage engine served. */
  private static long[] replicaReads(Simulation sim) {
    List<StorageEngine> engines = sim.store().engines();
    long[] reads = new long[engines.size()];
    for (int s = 0; s < reads.length; s++) reads[s] = engines.get(s).stats().reads();
    return reads;
  }

  /** Server {@code s}'s share of the reads of servers {@code first} to {@code end} - 1. */
  private static double share(long[] reads, int s, int first, int end) {
    long total = 0;
    for (int i = first; i < end; i++) total += reads[i];
    return (double) reads[s] / total;
  }

  /**
   * Token-aware routing sends a request to a replica of its key, so a LOCAL_ONE read is served by
   * the coordinator itself: fewer store messages per request and a lower client latency than round
   * robin, whose coordinator is a replica only half the time (3 of 6 servers per region).
   */
  @Test
  void tokenAwareRoutingTakesFewerHopsAndLessTimeThanRoundRobin() throws Exception {
    List<String> base = List.of("duration=10s", "store.speculative-retry=none", "store.dclocal-read-repair-chance=0",
        "store.workload.preset=ycsb-c");
    SortedMap<String, Object> token = ScenarioRuns.results(RUNTIME.get(), SCENARIO, base, List.of("store.clients.routing=token-aware"));
    SortedMap<String, Object> roundRobin = ScenarioRuns.results(RUNTIME.get(), SCENARIO, base,
        List.of("store.clients.routing=round-robin"));
    double tokenHops = number(map(token, "network"), "messages") / number(map(token, "clients"), "ok");
    double roundRobinHops = number(map(roundRobin, "network"), "messages") / number(map(roundRobin, "clients"), "ok");
    assertTrue(tokenHops < 0.1, "token-aware reads stay on the coordinator: " + tokenHops + " messages a request");
    assertTrue(roundRobinHops > 0.8, "round robin reads ask another server half the time, there and back: " + roundRobinHops);
    double tokenMs = number(latency(token), "mean");
    double roundRobinMs = number(latency(roundRobin), "mean");
    assertTrue(tokenMs + 0.05 < roundRobinMs, "token-aware " + tokenMs + " ms, round robin " + roundRobinMs + " ms");
    assertTrue(tokenMs > 0.5, "the access hop, 2 x 250 us, is in the client's latency: " + tokenMs + " ms");
  }

  /**
   * us-east is cut off from both other regions at 5 s. Its coordinators cannot reach a QUORUM of
   * the three regions' replicas (one each), so its clients' requests fail; after three in a row
   * they fail over to us-west, the nearest region by RTT, and pay the trip across the continent.
   * With failover made impossible (failover-after far above the failures) they keep failing.
   */
  @Test
  void clientsFailOverToTheNearestRegionWhenTheirsIsCutOff() throws Exception {
    List<String> base = List.of(ONE_PER_REGION, "duration=20s", "store.write-consistency=QUORUM",
        "store.read-consistency=QUORUM", "faults=[{at=5s, kind=region-partition, between=[us-east, us-west]}, "
            + "{at=5s, kind=region-partition, between=[us-east, eu-west]}]");
    SortedMap<String, Object> failover = ScenarioRuns.results(RUNTIME.get(), SCENARIO, base, List.of());
    SortedMap<String, Object> stuck = ScenarioRuns.results(RUNTIME.get(), SCENARIO, base,
        List.of("store.clients.failover-after=1000000"));
    Map<String, Object> east = region(failover, "us-east");
    Map<String, Object> eastStuck = region(stuck, "us-east");
    assertTrue(number(east, "failovers") >= 1, "us-east's clients fail over: " + east);
    assertEquals(0, number(region(failover, "us-west"), "failovers"), "us-west is not cut off: " + region(failover, "us-west"));
    assertTrue(number(map(east, "latencyMs"), "p99") > 72.74, "served across the continent: " + east);
    assertTrue(number(east, "ok") > 2 * number(eastStuck, "ok"), "failover saves most requests: " + east
        + " against " + eastStuck);
    assertTrue(number(east, "failed") * 3 < number(eastStuck, "failed"), "failed " + east + " against " + eastStuck);
    assertTrue(number(eastStuck, "failed") > number(eastStuck, "requests") / 2, "without failover: " + eastStuck);
    // Availability is what the users saw: the clients' requests, not the coordinators' operations.
    Map<String, Object> clients = map(stuck, "clients");
    double seen = number(clients, "ok") / (number(clients, "ok") + number(clients, "failed"));
    assertEquals(seen, number(stuck, "availability"), 1e-12);
    assertTrue(seen < 0.9, "a third of the users cut off: " + clients);
  }

  /** A step in the load shape at 5 s triples the rate: requests follow 300/s x 5 s + 900/s x 5 s in us-east. */
  @Test
  void openLoopArrivalsFollowTheLoadShape() throws Exception {
    SortedMap<String, Object> stepped = ScenarioRuns.results(RUNTIME.get(), SCENARIO, List.of(), List.of("duration=10s",
        "store.clients.populations=[{region=us-east, rate=300, shape=[{kind=step, at=5s, factor=3}]}, "
            + "{region=us-west, rate=0}]"));
    double expected = 300 * 5 + 900 * 5;
    double requests = number(region(stepped, "us-east"), "requests");
    assertTrue(Math.abs(requests - expected) < 4 * Math.sqrt(expected), requests + " requests, expected " + expected);
    assertEquals(0, number(region(stepped, "us-west"), "requests"), "a zero rate sends nothing, and the run ends");
  }

  /**
   * A closed loop of N users, each thinking Z on average between requests of response time R,
   * sends N / (Z + R) requests per second (the interactive response time law).
   */
  @Test
  void aClosedLoopSendsUsersOverThinkPlusResponseTime() throws Exception {
    SortedMap<String, Object> closed = ScenarioRuns.results(RUNTIME.get(), SCENARIO, List.of(), List.of("duration=20s",
        "store.clients.populations=[{region=eu-west, clients=50, think-time=100ms}]"));
    Map<String, Object> eu = region(closed, "eu-west");
    double responseS = number(map(eu, "latencyMs"), "mean") / 1000;
    double expected = 50 / (0.1 + responseS) * 20;
    double requests = number(eu, "requests");
    assertTrue(Math.abs(requests - expected) < 0.03 * expected, requests + " requests, expected " + expected);
  }

  /** YCSB-E's scans read on average (1 + 100) / 2 consecutive keys each, one store read per key. */
  @Test
  void aScanReadsItsConsecutiveKeysOneByOne() throws Exception {
    SortedMap<String, Object> scans = ScenarioRuns.results(RUNTIME.get(), SCENARIO, List.of(), List.of("duration=2s",
        "store.workload.preset=ycsb-e"));
    double requests = number(map(scans, "clients"), "ok");
    double reads = number(map(map(scans, "operations"), "read"), "count");
    double writes = number(map(map(scans, "operations"), "write"), "count");
    assertEquals(0.95 * 50.5, reads / requests, 0.05 * 50.5, reads + " reads for " + requests + " requests");
    assertEquals(0.05, writes / requests, 0.015, writes + " inserts for " + requests + " requests");
  }

  @Test
  void clientsGiveTheSameSummaryAtOneAndThreePartitions() throws Exception {
    List<String> base = List.of("duration=2s", "faults=[{at=500ms, kind=server-crash, target=us-east/use1-a/rack-1/srv-1, "
        + "duration=1s}]", "store.workload.preset=ycsb-f", "store.clients.request-timeout=800ms",
        "store.app.servers-per-region=2");
    // By rack, the clients (us-east/use1-a/clients) and app servers are units of their own: their
    // hops must respect the lookahead.
    for (String by : List.of("rack")) {
      SortedMap<String, Object> one = ScenarioRuns.results(RUNTIME.get(), SCENARIO, base,
          List.of("engine.partition-by=" + by, "engine.partitions=1"));
      SortedMap<String, Object> three = ScenarioRuns.results(RUNTIME.get(), SCENARIO, base,
          List.of("engine.partition-by=" + by, "engine.partitions=3"));
      assertTrue(number(map(one, "clients"), "failed") > 0, "the crash lost some requests: " + one.get("clients"));
      assertTrue(number(map(one, "app"), "requests") > 0, "through the app tier: " + one.get("app"));
      assertEquals(one, three, "partition-by " + by);
    }
  }

  /**
   * Four single-core app servers at 75 % utilization (300 requests/s of 10 ms mean CPU) with very
   * variable CPU times (lognormal, cv 3): sending each request to the server with the fewest in
   * flight keeps requests from queueing behind a long one, so the p99 is far lower than round
   * robin's. Utilization is the offered load, 300 x 10 ms / 4 cores, either way.
   */
  @Test
  void leastOutstandingBalancingBeatsRoundRobinAtTheP99WithVariableServiceTimes() throws Exception {
    List<String> base = List.of("duration=10s", "store.app.servers-per-region=4", "store.app.cores=1",
        "store.app.service-time=10ms", "store.app.service-time-cv=3", "store.clients.populations=[{region=us-east, rate=300}]");
    SortedMap<String, Object> roundRobin = ScenarioRuns.results(RUNTIME.get(), SCENARIO, base, List.of("store.app.balancing=round-robin"));
    SortedMap<String, Object> least = ScenarioRuns.results(RUNTIME.get(), SCENARIO, base,
        List.of("store.app.balancing=least-outstanding"));
    for (SortedMap<String, Object> run : List.of(roundRobin, least)) {
      Map<String, Object> east = map(map(run, "app"), "byRegion");
      assertEquals(0.75, number(map(east, "us-east"), "utilization"), 0.06, "offered load: " + east);
      assertEquals(number(map(run, "clients"), "requests"), number(map(run, "app"), "requests"), "every request passes the app tier");
    }
    double p99RoundRobin = number(latency(roundRobin), "p99");
    double p99Least = number(latency(least), "p99");
    assertTrue(p99Least * 1.5 < p99RoundRobin, "least outstanding " + p99Least + " ms, round robin " + p99RoundRobin + " ms");
  }

  private static Map<String, Object> region(Map<String, Object> summary, String region) {
    return map(map(map(summary, "clients"), "byRegion"), region);
  }

  private static Map<String, Object> latency(Map<String, Object> summary) {
    return map(map(summary, "clients"), "latencyMs");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  private static double number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }
}
