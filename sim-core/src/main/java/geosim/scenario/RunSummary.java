package geosim.scenario;

import geosim.faults.FaultPlan;
import geosim.kernel.RunResult;
import geosim.kernel.VirtualTime;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The content of {@code summary.json} (DESIGN.md section 9) as sorted maps, so it serialises
 * deterministically. Everything except {@code wallSeconds}, which the caller adds, depends only
 * on the scenario and its seed.
 */
public final class RunSummary {
  private RunSummary() {}

  /**
   * The summary of a run finished in this JVM, from its end state over every partition ({@link
   * Simulation#endState(RunResult)}).
   */
  public static SortedMap<String, Object> of(Simulation simulation, RunResult result) {
    return of(simulation, result, simulation.endState(result));
  }

  /**
   * The summary of a finished run from its metrics ({@code result}) and what its model objects
   * held at the end ({@code end}, over every partition, merged from its parts on a cluster): the
   * model objects themselves are not read.
   */
  public static SortedMap<String, Object> of(Simulation simulation, RunResult result, EndState end) {
    if (end.endNs() != result.endTimeNs() || end.partitions().size() != simulation.partitionCount()) {
      throw new IllegalArgumentException("the end state " + end + " is not of this run (end " + result.endTimeNs()
          + " ns, " + simulation.partitionCount() + " partitions)");
    }
    ScenarioSettings scenario = simulation.scenario();
    SortedMap<String, Object> summary = new TreeMap<>();
    summary.put("scenario", scenario.name());
    summary.put("seed", scenario.seed());
    summary.put("virtualSeconds", VirtualTime.toSeconds(result.endTimeNs()));
    summary.put("events", result.events());
    summary.put("stopReason", result.stopReason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    summary.put("engine", engine(simulation, result));
    SortedMap<String, Object> operations = new TreeMap<>();
    if (scenario.model() == ModelKind.QUEUE) {
      operations.put("request", QueueSummary.request(result));
      summary.put("utilization", QueueSummary.utilization(scenario.queue(), result));
      summary.put("queue", QueueSummary.queue(result));
    } else if (scenario.model() == ModelKind.NETPING) {
      operations.put("ping", NetpingSummary.ping(result));
      summary.put("utilization", FabricSummary.utilization(end, result));
      summary.put("network", NetpingSummary.network(simulation.netping(), result));
      summary.put("cost", NetpingSummary.cost(simulation.netping(), end, result));
    } else if (scenario.model() == ModelKind.FAILURE_DETECTOR) {
      summary.put("failureDetection", DetectorSummary.failureDetection(scenario, result));
      SortedMap<String, Object> utilization = new TreeMap<>();
      FabricSummary.linkUtilization(end, result, utilization);
      summary.put("utilization", utilization);
    } else if (scenario.model() == ModelKind.STORE) {
      operations.putAll(StoreSummary.operations(simulation.store(), result));
      summary.put("utilization", FabricSummary.utilization(end, result));
      summary.put("store", StoreSummary.store(simulation.store(), end, result));
      summary.put("network", StoreSummary.network(simulation.store(), result));
      summary.put("consistency", StoreSummary.consistency(simulation.store(), end.store(), result));
      if (scenario.clients() != null) summary.put("clients", ClientSummary.clients(scenario.clients(), result));
      summary.put("cost",
          StoreSummary.cost(scenario, simulation.store(), end, result, summary.get("clients"), operations));
      if (scenario.autoscale() != null) {
        summary.put("autoscaler", AutoscaleSummary.autoscaler(scenario.autoscale(), simulation.store().fabric(), result));
      }
      if (scenario.clients() != null && scenario.clients().app() != null) {
        summary.put("app", ClientSummary.app(scenario.clients(),
            scenario.autoscale() != null ? scenario.autoscale().app() : null, simulation.store().fabric(), result));
        if (scenario.clients().app().cache() != null) {
          summary.put("cache", ClientSummary.cache(scenario.clients().app().cache(), simulation.store().fabric(), result));
        }
        if (scenario.clients().app().database() != null) {
          summary.put("database", ClientSummary.database(scenario.clients().app().database(),
              simulation.store().fabric(), result));
        }
        if (scenario.clients().app().objectStore() != null) {
          summary.put("objectStore", ClientSummary.objectStore(scenario.clients().app().objectStore(), result));
        }
      }
    } else if (scenario.model() == ModelKind.PBS) {
      operations.putAll(PbsSummary.operations(result));
      summary.put("consistency", PbsSummary.consistency(result));
    } else if (scenario.model() == ModelKind.FLEET) {
      operations.putAll(FleetSummary.operations(scenario.fleet(), result));
      summary.put("utilization", FleetSummary.utilization(scenario.fleet(), result));
      summary.put("fleet", FleetSummary.fleet(scenario.fleet(), result));
      summary.put("cost", FleetSummary.cost(scenario.fleet(), result));
    } else if (scenario.model() == ModelKind.RELATIONAL) {
      operations.putAll(RelationalSummary.operations(result));
      summary.put("consistency", RelationalSummary.consistency(result));
      summary.put("relational", RelationalSummary.relational(scenario.relational(), result));
    } else if (scenario.model() == ModelKind.RING) {
      summary.put("store", RingSummary.store(scenario.ring(), scenario.seed()));
    } else {
      operations.put("ping", ping(result));
    }
    summary.put("operations", operations);
    summary.put("availability", summary.get("clients") instanceof SortedMap<?, ?> clients
        ? availability(Map.of("clients", clients))
        : availability(operations));
    summary.put("faults", faults(simulation.faultPlan(), result.endTimeNs()));
    return summary;
  }

  /** {@code faults}: how many faults (scheduled or injected) started in the run ({@code count}), and how many of each kind. */
  private static SortedMap<String, Object> faults(FaultPlan plan, long endNs) {
    SortedMap<String, Object> faults = new TreeMap<>();
    long count = 0;
    if (plan != null) {
      for (Map.Entry<String, Long> e : plan.countsByKind(endNs).entrySet()) {
        faults.put(e.getKey(), e.getValue());
        count += e.getValue();
      }
    }
    faults.put("count", count);
    return faults;
  }

  private static SortedMap<String, Object> engine(Simulation simulation, RunResult result) {
    SortedMap<String, Object> engine = new TreeMap<>();
    engine.put("partitionBy", simulation.kernelSettings().partitionBy().configName());
    engine.put("partitions", simulation.partitionCount());
    engine.put("lookaheadMs", VirtualTime.toMillis(simulation.kernelSettings().lookaheadNs()));
    engine.put("sync", simulation.kernelSettings().sync().configName());
    engine.put("windows", result.windows());
    return engine;
  }

  private static SortedMap<String, Object> ping(RunResult result) {
    long ok = result.counter("ping.ok");
    long sent = result.counter("ping.sent");
    SortedMap<String, Object> op = new TreeMap<>();
    op.put("count", ok);
    op.put("ok", ok);
    op.put("failed", 0L);
    op.put("inFlight", sent - ok);
    Histogram rtt = result.histograms().get("ping.rtt-us");
    op.put("latencyMs", latencyMs(rtt == null ? new Histogram(3) : rtt));
    return op;
  }

  /**
   * The share of finished operations that succeeded, over all operations: ok / (ok + failed);
   * 1 when nothing finished (no operation failed). A run with client populations counts their
   * requests, what users saw (a client's timeout, or a request no coordinator took, fails there
   * and nowhere in the coordinators' {@code operations}); otherwise the coordinators' operations.
   */
  static double availability(Map<String, ?> operations) {
    long ok = 0;
    long failed = 0;
    for (Object op : operations.values()) {
      Map<?, ?> o = (Map<?, ?>) op;
      ok += ((Number) o.get("ok")).longValue();
      failed += ((Number) o.get("failed")).longValue();
    }
    return ok + failed == 0 ? 1.0 : ok / (double) (ok + failed);
  }

  /** Mean and percentiles of a histogram of microseconds, in milliseconds (µs precision). */
  public static SortedMap<String, Object> latencyMs(Histogram us) {
    SortedMap<String, Object> ms = new TreeMap<>();
    ms.put("mean", roundMs(us.getMean()));
    ms.put("p50", roundMs(us.getValueAtPercentile(50)));
    ms.put("p95", roundMs(us.getValueAtPercentile(95)));
    ms.put("p99", roundMs(us.getValueAtPercentile(99)));
    ms.put("p999", roundMs(us.getValueAtPercentile(99.9)));
    ms.put("max", roundMs(us.getMaxValue()));
    return ms;
  }

  static double roundMs(double micros) {
    return Math.round(micros) / 1000.0;
  }
}
