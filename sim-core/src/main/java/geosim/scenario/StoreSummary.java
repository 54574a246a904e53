package geosim.scenario;

import geosim.kernel.RunResult;
import geosim.store.audit.ConsistencyReport;
import geosim.store.node.StoreEndState;
import geosim.store.node.StoreModel;
import geosim.store.repair.RepairMetrics;
import geosim.store.storage.StorageStats;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** The parts of {@code summary.json} that {@code model = store} writes; see {@link RunSummary}. */
final class StoreSummary {
  private StoreSummary() {}

  /**
   * {@code operations.write} and {@code operations.read}: finished requests (ok + failed), those
   * that met their consistency level, those that timed out, the rest in flight at the end;
   * latencies of the successful ones in ms, overall and by the coordinator's region.
   */
  static SortedMap<String, Object> operations(StoreModel model, RunResult result) {
    SortedMap<String, Object> ops = new TreeMap<>();
    for (String op : StoreModel.OPS) {
      long ok = result.counter(StoreModel.ok(op));
      long failed = result.counter(StoreModel.failed(op));
      SortedMap<String, Object> entry = new TreeMap<>();
      entry.put("count", ok + failed);
      entry.put("ok", ok);
      entry.put("failed", failed);
      entry.put("unavailable", result.counter(StoreModel.unavailable(op)));
      entry.put("crashed", result.counter(StoreModel.crashed(op)));
      entry.put("inFlight", result.counter(StoreModel.started(op)) - ok - failed);
      entry.put("latencyMs", RunSummary.latencyMs(histogram(result, StoreModel.latencyUs(op))));
      SortedMap<String, Object> byRegion = new TreeMap<>();
      for (int r = 0; r < model.fabric().regionCount(); r++) {
        String region = model.fabric().regionName(r);
        byRegion.put(region, RunSummary.latencyMs(histogram(result, StoreModel.latencyUs(op, region))));
      }
      entry.put("latencyMsByRegion", byRegion);
      ops.put(op, entry);
    }
    return ops;
  }

  /**
   * {@code store}: the replicas' storage (SSTables, flushes, compactions, write and read
   * amplification over all engines), their disks' utilization, and the work they did.
   */
  static SortedMap<String, Object> store(StoreModel model, EndState end, RunResult result) {
    SortedMap<String, Object> store = new TreeMap<>();
    StorageStats stats = end.store().storage();
    int sstables = 0;
    int sstablesMax = 0;
    for (int count : end.store().sstables()) {
      sstables += count;
      sstablesMax = Math.max(sstablesMax, count);
    }
    store.put("sstables", sstables);
    store.put("sstablesMaxPerNode", sstablesMax);
    store.put("flushes", stats.flushes());
    store.put("compactions", stats.compactions());
    store.put("commitLogBytes", stats.commitLogBytes());
    store.put("writeAmplification", stats.writeAmplification());
    store.put("readAmplification", stats.readAmplification());
    double[] disk = end.store().diskUtilization();
    store.put("diskUtilizationMean", Arrays.stream(disk).average().orElse(0));
    store.put("diskUtilizationMax", Arrays.stream(disk).max().orElse(0));
    store.put("replicaMutations", result.counter(StoreModel.REPLICA_MUTATIONS));
    store.put("replicaReads", result.counter(StoreModel.REPLICA_READS));
    store.put("replicationFactor", model.placement().replicaCount());
    store.put("repair", repair(result));
    store.put("membership", membership(model, result));
    store.put("readRepair", readRepair(result));
    store.put("speculativeRetries", result.counter(StoreModel.SPECULATIVE_RETRIES));
    store.put("hints", hints(end.store(), result));
    store.put("failureDetector", failureDetector(result));
    return store;
  }

  /**
   * {@code store.membership}: bootstraps and decommissions planned, started and completed, their
   * mean time from start to NORMAL or LEFT, and what their streams moved.
   */
  static SortedMap<String, Object> membership(StoreModel model, RunResult result) {
    SortedMap<String, Object> m = new TreeMap<>();
    long completed = result.counter(StoreModel.MEMBERSHIP_COMPLETED);
    m.put("changes", model.membership().changeCount());
    m.put("started", result.counter(StoreModel.MEMBERSHIP_STARTED));
    m.put("completed", completed);
    m.put("meanDurationSeconds", completed == 0 ? 0.0
        : result.counter(StoreModel.MEMBERSHIP_DURATION_NS_SUM) / 1e9 / completed);
    m.put("streams", result.counter(RepairMetrics.MOVEMENT_STREAMS));
    m.put("bytesStreamed", result.counter(RepairMetrics.MOVEMENT_BYTES_STREAMED));
    m.put("keysStreamed", result.counter(RepairMetrics.MOVEMENT_KEYS_STREAMED));
    return m;
  }

  /** {@code store.repair}: anti-entropy repair's sessions, mismatches, bytes read, sent and streamed, keys repaired. */
  static SortedMap<String, Long> repair(RunResult result) {
    return RepairMetrics.totals(result::counter);
  }

  /**
   * {@code consistency}: the audit of the run ({@link geosim.store.node.StoreAtEnd#consistency}): reads answered,
   * stale reads and their share, acknowledged and lost acknowledged writes; the time from a write's
   * acknowledgement until every replica had applied it, ms ({@code tVisibility}, over the
   * acknowledged writes that got there in the run), and how many did not ({@code
   * tVisibilityIncomplete}); replicas left behind their key's converged cell at the end ({@code
   * replicasBehindAtEnd}); keys whose lost writes are only a lower bound because a long run's audit
   * forgot what their final cell needed ({@code lostWritesUnresolvedKeys}, 0 unless a key's final
   * cell was outlived by several later acknowledged writes that all vanished).
   */
  static SortedMap<String, Object> consistency(StoreModel model, StoreEndState end, RunResult result) {
    ConsistencyReport report = model.atEnd().consistency(end);
    Invariants.checkAudit(report, result.counter(StoreModel.ok("write")), result.counter(StoreModel.ok("read")));
    Histogram visibility = histogram(result, StoreModel.VISIBILITY_US);
    SortedMap<String, Object> c = new TreeMap<>();
    c.put("reads", report.reads());
    c.put("staleReads", report.staleReads());
    c.put("staleReadRate", report.staleReadRate());
    c.put("acknowledgedWrites", report.acknowledgedWrites());
    c.put("lostAcknowledgedWrites", report.lostAcknowledgedWrites());
    c.put("replicasBehindAtEnd", report.replicasBehind());
    c.put("lostWritesUnresolvedKeys", report.unresolvedKeys());
    c.put("tVisibility", RunSummary.latencyMs(visibility));
    c.put("tVisibilityIncomplete", report.acknowledgedWrites() - visibility.getTotalCount());
    return c;
  }

  /** {@code store.readRepair}: digest requests, digest mismatches (blocking and background) and repair mutations sent. */
  private static SortedMap<String, Object> readRepair(RunResult result) {
    SortedMap<String, Object> r = new TreeMap<>();
    r.put("digestRequests", result.counter(StoreModel.DIGEST_REQUESTS));
    r.put("mismatches", result.counter(StoreModel.READ_REPAIR_MISMATCHES));
    r.put("backgroundMismatches", result.counter(StoreModel.READ_REPAIR_BACKGROUND_MISMATCHES));
    r.put("mutations", result.counter(StoreModel.READ_REPAIR_MUTATIONS));
    return r;

  }

  /** {@code store.hints}: kept, replayed, dropped, and still pending at the end of the run. */
  private static SortedMap<String, Object> hints(StoreEndState end, RunResult result) {
    SortedMap<String, Object> hints = new TreeMap<>();
    hints.put("stored", result.counter(StoreModel.HINTS_STORED));
    hints.put("replayed", result.counter(StoreModel.HINTS_REPLAYED));
    hints.put("dropped", result.counter(StoreModel.HINTS_DROPPED));
    hints.put("pending", end.hintsPending());
    return hints;
  }

  /**
   * {@code store.failureDetector}: gossip messages, convictions, false suspicions (convictions of
   * a server no fault had taken down), and for the scheduled crashes the
   * mean detection time and the detectors' mean inter-arrival time then, in seconds (phi-accrual
   * predicts about threshold x ln 10 x that mean).
   */
  private static SortedMap<String, Object> failureDetector(RunResult result) {
    SortedMap<String, Object> fd = new TreeMap<>();
    long detections = result.counter(StoreModel.FD_DETECTIONS);
    fd.put("gossipMessages", result.counter(StoreModel.GOSSIP_MESSAGES));
    fd.put("convictions", result.counter(StoreModel.FD_CONVICTIONS));
    fd.put("detections", detections);
    fd.put("falseSuspicions", result.counter(StoreModel.FD_FALSE_SUSPICIONS));
    double n = Math.max(detections, 1);
    fd.put("detectionSecondsMean", result.counter(StoreModel.FD_DETECTION_NS_SUM) / n / 1e9);
    fd.put("meanIntervalSecondsAtDetection", result.counter(StoreModel.FD_MEAN_INTERVAL_NS_SUM) / n / 1e9);
    return fd;
  }

  /**
   * {@code cost}: the store servers' price and energy ({@link StoreCost}); the work done is the
   * clients' successful requests when there are clients, else the coordinators' successful operations.
   */
  static SortedMap<String, Object> cost(ScenarioSettings scenario, StoreModel model, EndState end, RunResult result,
      Object clients, Map<String, Object> operations) {
    long ops = 0;
    if (clients instanceof Map<?, ?> c) {
      ops = ((Number) c.get("ok")).longValue();
    } else {
      for (Object op : operations.values()) ops += ((Number) ((Map<?, ?>) op).get("ok")).longValue();
    }
    long endNs = result.endTimeNs();
    double[] disk = end.store().diskUtilization();
    SortedMap<String, Object> cost = model.elasticRing()
        ? StoreCost.cost(scenario.cost(), scenario.topology().servers(), end.serverCpu(), disk, ops, endNs,
            end.store().heldNs())
        : StoreCost.cost(scenario.cost(), scenario.topology().servers(), end.serverCpu(), disk, ops, endNs);
    if (scenario.clients() != null && scenario.clients().app() != null) {
      AutoscaleSummary.addApp(cost, scenario.autoscale(), scenario.cost(), scenario.topology(), model.fabric(), result,
          scenario.clients().app().cores(), ops);
    }
    return cost;
  }

  /** {@code network}: the fabric's (see {@link FabricSummary#network}) and the store messages sent over it. */
  static SortedMap<String, Object> network(StoreModel model, RunResult result) {
    SortedMap<String, Object> network = FabricSummary.network(model.fabric(), result);
    network.put("messages", result.counter(StoreModel.MESSAGES));
    return network;
  }

  private static Histogram histogram(RunResult result, String name) {
    Histogram h = result.histograms().get(name);
    return h == null ? new Histogram(3) : h;
  }
}
