package geosim.scenario;

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
 * The consistency audit, clock skew and read repair on configs/scenarios/store-consistency.conf:
 * nine servers in three regions, three copies per region, QUORUM, 20 keys, perfect clocks.
 */
class StoreConsistencyTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/store-consistency.conf");
  private static final List<String> BASE = List.of("duration=2s");
  private static final String ONE = "store.write-consistency=ONE";
  private static final String READ_ONE = "store.read-consistency=ONE";
  private static final String CLOCK_AHEAD = "store.clocks.offsets=[{server=us-east/use1-a/rack-1/srv-1, offset=1s}]";
  /** Half the shortest round trip between two regions of the scenario (us-east - us-west, 72.74 ms). */
  private static final double SHORTEST_ONE_WAY_MS = 72.74 / 2;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();


  private static SortedMap<String, Object> run(String... sets) throws Exception {
    return ScenarioRuns.results(RUNTIME.get(), SCENARIO, BASE, List.of(sets));
  }

  @Test
  void quorumReadsAndWritesNeverReadStaleDataWhileOneOneAcrossRegionsDoes() throws Exception {
    Map<String, Object> quorum = consistency(run("store.dclocal-read-repair-chance=0"));
    Map<String, Object> one = consistency(run(ONE, READ_ONE, "store.dclocal-read-repair-chance=0"));
    assertTrue(number(quorum, "reads") > 500, "quorum " + quorum);
    assertEquals(0, number(quorum, "staleReads"), "R + W > N: " + quorum);
    assertTrue(number(one, "staleReadRate") > 0.05, "ONE/ONE reads the local copy before remote writes reach it: " + one);
    // ONE acknowledges at the closest copy, so the last copy applies it about a WAN trip later.
    double p50 = number(map(one, "tVisibility"), "p50");
    assertTrue(p50 > SHORTEST_ONE_WAY_MS * 0.9 && p50 < 153.2, "ONE: time to full visibility p50 " + p50 + " ms");
  }

  @Test
  void aClockOneSecondAheadLosesAcknowledgedWritesAndPerfectClocksLoseNone() throws Exception {
    Map<String, Object> ahead = consistency(run(CLOCK_AHEAD));
    Map<String, Object> perfect = consistency(run());
    assertTrue(number(ahead, "lostAcknowledgedWrites") > 0, "clock ahead: " + ahead);
    assertEquals(0, number(perfect, "lostAcknowledgedWrites"), "perfect clocks: " + perfect);
    assertTrue(number(perfect, "acknowledgedWrites") > 500, "perfect clocks: " + perfect);
  }

  @Test
  void quorumReadsAskOneReplicaForDataAndFourForDigestsAndRepairMismatchesBeforeAnswering() throws Exception {
    SortedMap<String, Object> summary = run("store.dclocal-read-repair-chance=0");
    Map<String, Object> repair = map(map(summary, "store"), "readRepair");
    Map<String, Object> read = map(map(summary, "operations"), "read");
    long started = (long) (number(read, "ok") + number(read, "failed") + number(read, "inFlight"));
    assertEquals(4 * started, number(repair, "digestRequests"), "QUORUM of 9 asks 5: " + repair);
    assertTrue(number(repair, "mismatches") > 0, "hot keys under concurrent writes: " + repair);
    assertTrue(number(repair, "mutations") >= number(repair, "mismatches"), "every mismatch repairs a replica: " + repair);
    assertEquals(0, number(repair, "backgroundMismatches"), "no replica is asked beyond the level: " + repair);
  }

  @Test
  void readRepairConvergesReplicasAfterACut() throws Exception {
    List<String> cut = List.of(ONE, READ_ONE, "duration=3s", "store.workload.keys=200", "store.workload.read-fraction=0.9",
        "store.dclocal-read-repair-chance=0", "network.cuts=[{start=0.5s, duration=1s, isolate=eu-west}]");
    SortedMap<String, Object> never = run(cut.toArray(String[]::new));
    List<String> always = new ArrayList<>(cut);
    always.add("store.read-repair-chance=1");
    SortedMap<String, Object> repaired = run(always.toArray(String[]::new));
    Map<String, Object> neverRepair = map(map(never, "store"), "readRepair");
    Map<String, Object> alwaysRepair = map(map(repaired, "store"), "readRepair");
    assertEquals(0, number(neverRepair, "mutations"), "chance 0: " + neverRepair);
    assertTrue(number(alwaysRepair, "backgroundMismatches") > 0 && number(alwaysRepair, "mutations") > 0,
        "chance 1: " + alwaysRepair);
    double behindNever = number(consistency(never), "replicasBehindAtEnd");
    double behindAlways = number(consistency(repaired), "replicasBehindAtEnd");
    assertTrue(behindAlways < behindNever / 2, "replicas behind at the end: " + behindAlways + " vs " + behindNever);
    assertTrue(number(consistency(repaired), "staleReads") < number(consistency(never), "staleReads"),
        "stale reads: " + consistency(repaired) + " vs " + consistency(never));
  }

  @Test
  void consistencyDoesNotDependOnPartitioning() throws Exception {
    String[] sets = {ONE, "store.clocks.skew-stddev=1ms", "store.read-repair-chance=0.5"};
    List<String> one = new ArrayList<>(List.of(sets));
    one.addAll(List.of("engine.partition-by=none", "engine.partitions=1"));
    List<String> three = new ArrayList<>(List.of(sets));
    three.addAll(List.of("engine.partition-by=region", "engine.partitions=3"));
    SortedMap<String, Object> a = run(one.toArray(String[]::new));
    SortedMap<String, Object> b = run(three.toArray(String[]::new));
    assertTrue(number(consistency(a), "staleReads") > 0, "a non-trivial audit: " + consistency(a));
    assertEquals(consistency(a), consistency(b));
    assertEquals(a, b);
  }

  @Test
  void theAuditFoldedInDuringTheRunCountsWhatTheAuditAfterTheRunCounts() throws Exception {
    // Short timeouts and snapshots every 100 ms: the audit folds in at every boundary from 1.2 s on
    // (twice the timeout plus a second behind), forgetting rows, while one run folds in at the end.
    List<String> sets = new ArrayList<>(BASE);
    sets.addAll(List.of(ONE, READ_ONE, "store.clocks.skew-stddev=20ms", "duration=4s", "metrics.interval=100ms",
        "store.request-timeout.read=100ms", "store.request-timeout.write=100ms"));
    Simulation atEnd = Simulation.create(ScenarioLoader.load(SCENARIO, sets));
    Simulation folding = Simulation.create(ScenarioLoader.load(SCENARIO, sets));
    folding.observe(folding.store().auditFolding(1));
    Map<String, Object> expected = consistency(RunSummary.of(atEnd, atEnd.run(RUNTIME.get())));
    Map<String, Object> folded = consistency(RunSummary.of(folding, folding.run(RUNTIME.get())));
    assertTrue(number(expected, "staleReads") > 0 && number(expected, "lostAcknowledgedWrites") > 0,
        "an audit with something to find: " + expected);
    assertEquals(expected, folded);
    assertTrue(folding.store().auditRowsHeld() < atEnd.store().auditRowsHeld() / 2,
        "folded and forgotten: " + folding.store().auditRowsHeld() + " rows held of " + atEnd.store().auditRowsHeld());
  }

  private static Map<String, Object> consistency(Map<String, Object> summary) {
    return map(summary, "consistency");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  private static double number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }
}
