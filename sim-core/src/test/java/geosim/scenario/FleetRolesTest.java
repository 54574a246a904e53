package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.elastic.AutoscalerSettings;
import geosim.fleet.FleetRegion;
import geosim.fleet.FleetRole;
import geosim.fleet.FleetSettings;
import geosim.kernel.SharedKernelRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Roles of the fleet model (docs/model.md, section Fleet roles): reading, one-role equivalence, the job queue. */
class FleetRolesTest {
  private static final Path ANIMOTO = Path.of("../configs/scenarios/animoto.conf");
  private static final Path ANIMOTO_RENDER = Path.of("../configs/scenarios/animoto-render.conf");
  private static final Path QUEUE = Path.of("../configs/validation/queue.conf");
  private static final Path DIURNAL = Path.of("../configs/scenarios/diurnal-3-regions.conf");
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();

  /** A role takes the fleet block's keys it leaves out; its autoscaler block is merged over fleet.autoscaler. */
  @Test
  void aRoleTakesTheFleetsKeysItLeavesOutAndMergesItsAutoscalerOverTheFleets() throws Exception {
    FleetSettings fleet = ScenarioLoader.load(ANIMOTO_RENDER, List.of()).fleet();
    assertTrue(fleet.rolesListed());
    FleetRole web = fleet.roles().get(0);
    FleetRole render = fleet.roles().get(1);
    FleetRegion usEast = fleet.regions().get(0);
    assertEquals(List.of("web", "render"), fleet.roles().stream().map(FleetRole::name).toList());
    assertEquals(FleetRole.Kind.REQUEST, web.kind());
    assertEquals(FleetRole.Kind.JOB, render.kind());
    assertEquals(FleetRole.NO_TIMEOUT, render.timeoutNs());
    assertEquals(30_000_000_000L, web.timeoutNs(), "web takes fleet.timeout");
    assertEquals(1, render.cores(), "render takes fleet.cores");
    assertEquals(300_000_000_000L, render.serviceNs());
    assertEquals(0.003, render.arrivalShare(), 1e-15);
    assertEquals(usEast.initialServers(), web.initialServers(usEast), "web starts with the region's servers");
    assertEquals(45, render.initialServers(usEast));
    AutoscalerSettings w = web.autoscaler();
    AutoscalerSettings r = render.autoscaler();
    assertEquals(5, w.min());
    assertEquals(45, r.min(), "the role's own min");
    assertEquals(w.max(), r.max(), "the fleet's max");
    assertEquals(w.policy(), r.policy(), "the fleet's policy");
    assertEquals(w.provisioningDelayNs(), r.provisioningDelayNs(), "vars.render-delay is 3m as fleet.autoscaler's");
    FleetSettings plain = ScenarioLoader.load(ANIMOTO, List.of()).fleet();
    assertFalse(plain.rolesListed());
    assertEquals(FleetRole.DEFAULT_NAME, plain.roles().get(0).name());
  }

  /** Listing the one role app changes the summary's shape only: every number of the role is the one-role fleet's. */
  @Test
  void listingOneRoleNamedAppGivesTheNumbersOfAFleetWithoutRoles() throws Exception {
    List<String> day = List.of("duration=1d");
    SortedMap<String, Object> plain = ScenarioRuns.results(RUNTIME.get(), ANIMOTO, day, List.of());
    SortedMap<String, Object> listed = ScenarioRuns.results(RUNTIME.get(), ANIMOTO, day, List.of("fleet.roles=[{name=app}]"));
    Map<String, Object> app = map(map(map(listed, "fleet"), "roles"), "app");
    assertEquals(map(map(plain, "fleet"), "regions"), app.get("regions"));
    assertEquals(map(plain, "cost"), map(listed, "cost"));
    assertEquals(map(plain, "operations"), map(listed, "operations"));
    assertEquals(map(plain, "utilization"), map(listed, "utilization"));
    assertEquals(number(map(plain, "cost"), "usd"), number(app, "costUsd"), 1e-9);
    assertEquals(number(map(plain, "fleet"), "sloMissShare"), number(app, "sloMissShare"), 1e-15);
  }

  /**
   * A fixed pool of 8 one-core render workers fed Poisson jobs at rho = 0.8 is M/M/8 with one FIFO
   * queue: the p99 queue wait is Erlang C's, {@code ln(C / 0.01) / (c mu - lambda)} (Kleinrock
   * 1975, ch. 3), and the turnaround matches the per-request simulation of one 8-core server
   * (configs/validation/queue.conf: Poisson arrivals, one queue, 8 servers).
   */
  @Test
  @SuppressWarnings("unchecked")
  void aFixedRenderPoolWaitsAsErlangCAndTurnsAroundAsThePerRequestQueue() throws Exception {
    int c = 8;
    double serviceS = 0.010;
    double lambda = 0.8 * c / serviceS;
    SortedMap<String, Object> fluid = ScenarioRuns.results(RUNTIME.get(), ANIMOTO_RENDER, List.of(), List.of(
        "duration=1h", "fleet.regions=[{name=a, rate=" + lambda + ", servers=1, utc-offset=0, shape=[]}]",
        "fleet.roles=[{name=render, kind=job, service-time=10ms, servers=" + c
            + ", autoscaler={policy=none, min=" + c + ", max=" + c + "}}]"));
    SortedMap<String, Object> perRequest = ScenarioRuns.results(RUNTIME.get(), QUEUE, List.of(), List.of(
        "queue.servers=" + c, "queue.arrival-rate=" + lambda, "queue.duration=1h"));
    double waitP = erlangC(c, lambda * serviceS);
    double p99WaitMs = Math.log(waitP / 0.01) / (c / serviceS - lambda) * 1000;
    Map<String, Object> render = map(map(map(map(fluid, "fleet"), "roles"), "render"), "regions");
    assertEquals(p99WaitMs, number(map(render, "a"), "waitP99Ms"), 0.002 * p99WaitMs, "Erlang C, C = " + waitP);
    Map<String, Object> job = map(map(fluid, "operations"), "job");
    assertEquals(0.001, number(map(job, "waitMs"), "p50"), 1e-9, "1 - C = " + (1 - waitP) + " of the jobs do not wait");
    Map<String, Object> simulated = map(map(map(perRequest, "operations"), "request"), "latencyMs");
    for (String key : List.of("p50", "p95", "p99")) {
      double e = number(simulated, key);
      double a = number(map(job, "latencyMs"), key);
      assertEquals(e, a, 0.06 * e, key + ": per-request " + e + " ms, fluid turnaround " + a + " ms");
    }
    assertEquals(0, number(job, "failed"), "jobs are never dropped");
  }

  /**
   * A job role that starts with no worker: the autoscaler brings it to min at its first evaluation
   * (1 minute), the workers serve after the 3-minute provisioning delay, and meanwhile every job
   * queues (never dropped): 1 job/s for 4 minutes is 240 jobs, then 2 one-second workers drain them.
   */
  @Test
  @SuppressWarnings("unchecked")
  void aJobRoleWithoutWorkersQueuesItsJobsUntilTheFirstWorkersServe() throws Exception {
    SortedMap<String, Object> s = ScenarioRuns.results(RUNTIME.get(), ANIMOTO_RENDER, List.of(), List.of(
        "duration=1h", "fleet.regions=[{name=a, rate=1, servers=0, utc-offset=0, shape=[]}]",
        "fleet.roles=[{name=render, kind=job, service-time=1s, autoscaler={policy=none, min=2, max=2}}]"));
    Map<String, Object> a = map(map(map(map(map(s, "fleet"), "roles"), "render"), "regions"), "a");
    assertEquals(240, number(a, "queuedPeak"), 1, "jobs of the first 4 minutes: " + a);
    Map<String, Object> job = map(map(s, "operations"), "job");
    assertEquals(0, number(job, "failed"));
    assertEquals(3600, number(job, "ok"), 2, "every job of the hour is served");
    double p999 = number(map(job, "waitMs"), "p999");
    assertTrue(p999 > 60_000 && p999 <= 240_000, "the first jobs waited minutes, at most 4: " + p999 + " ms");
  }

  /** Two roles in each of three regions: the summary does not depend on the partitioning. */
  @Test
  void rolesDoNotDependOnThePartitioning() throws Exception {
    List<String> day = List.of("duration=1d", "fleet.autoscaler.policy=target-tracking", "engine.partition-by=region",
        "fleet.roles=[{name=web}, {name=render, kind=job, service-time=5m, spawned-by=web, probability=0.001}]");
    SortedMap<String, Object> one = ScenarioRuns.results(RUNTIME.get(), DIURNAL, day, List.of("engine.partitions=1"));
    SortedMap<String, Object> three = ScenarioRuns.results(RUNTIME.get(), DIURNAL, day, List.of("engine.partitions=3"));
    one.remove("wallSeconds");
    three.remove("wallSeconds");
    assertTrue(number(map(map(one, "operations"), "job"), "ok") > 0, "the render role ran");
    assertEquals(one, three);
  }

  /** Erlang C from its definition, a^c / c! (c / (c - a)) over the sum, independent of the model's MmcQueue. */
  private static double erlangC(int c, double a) {
    double sum = 0;
    double term = 1;
    for (int k = 0; k < c; k++) {
      sum += term;
      term = term * a / (k + 1);
    }
    double top = term * c / (c - a);
    return top / (sum + top);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  private static double number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }
}
