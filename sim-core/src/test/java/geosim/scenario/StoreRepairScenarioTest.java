package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.fabric.Fabric;
import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.RunResult;
import geosim.store.node.StoreModel;
import geosim.store.storage.Cell;
import geosim.store.storage.StorageEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Anti-entropy repair on configs/scenarios/store-repair.conf: six nodes in three regions, one copy
 * per region, writes at ONE, one node isolated from 0.5 s to 1.5 s (the writes meant for it are
 * lost), repair of every node's primary ranges at 1.6 s, end at 3.5 s. Replica agreement is read
 * from the nodes' storage engines after the run.
 */
class StoreRepairScenarioTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/store-repair.conf");
  private static final List<String> NO_REPAIR = List.of("store.repair.schedule=[]");
  private static final int NODES = 6;
  private static final int VNODES = 4;
  /** Writes of the last 100 ms may still be on their way to some replica when the run ends. */
  private static final long IN_FLIGHT_US = 100_000;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static Run repaired;
  private static Run unrepaired;

  /** One run: its summary, counters and what its replicas disagree on. */
  private record Run(SortedMap<String, Object> summary, RunResult result, long divergentKeys) {}

  @BeforeAll
  static void setUp() throws Exception {
    repaired = run(List.of());
    unrepaired = run(NO_REPAIR);
  }

  private static Run run(List<String> sets) throws Exception {
    Simulation sim = Simulation.create(ScenarioLoader.load(SCENARIO, sets)).observe(new Invariants());
    RunResult result = sim.run(RUNTIME.get());
    return new Run(RunSummary.of(sim, result), result, divergentKeys(sim.store(), sim.scenario().store().workload().keys(), result.endTimeNs()));
  }

  /**
   * Keys whose replicas do not all hold the same newest cell, leaving out keys whose newest cell is
   * younger than {@link #IN_FLIGHT_US} at the end (their mutations may still be on the wire).
   */
  private static long divergentKeys(StoreModel store, long keys, long endNs) {
    List<StorageEngine> engines = store.engines();
    long divergent = 0;
    for (long key = 0; key < keys; key++) {
      List<Optional<Cell>> cells = new ArrayList<>();
      Cell newest = null;
      for (int replica : store.placement().replicas(key)) {
        Optional<Cell> cell = engines.get(replica).newestCell(key);
        cells.add(cell);
        if (cell.isPresent() && (newest == null || cell.get().supersedes(newest))) newest = cell.get();
      }
      if (newest == null || newest.timestampUs() >= endNs / 1_000 - IN_FLIGHT_US) continue;
      for (Optional<Cell> cell : cells) {
        if (!cell.equals(Optional.of(newest))) {
          divergent++;
          break;
        }
      }
    }
    return divergent;
  }

  @Test
  void theCutLeavesReplicasDivergedWithoutRepair() {
    assertTrue(unrepaired.divergentKeys > 100, "divergent keys without repair: " + unrepaired.divergentKeys);
    Map<String, Object> repair = repair(unrepaired.summary);
    assertEquals(0L, repair.get("sessions"));
    assertEquals(0L, repair.get("bytesStreamed"));
  }

  @Test
  void afterTheScheduledRepairEveryReplicaHoldsTheNewestCell() {
    assertEquals(0, repaired.divergentKeys, "divergent keys after repair");
    Map<String, Object> repair = repair(repaired.summary);
    assertEquals((long) NODES, repair.get("sessions"), "every node repaired its primary ranges: " + repair);
    assertEquals((long) NODES * VNODES, repair.get("ranges"), "each range once: " + repair);
    assertTrue(number(repair, "bytesStreamed") > 0, "repair " + repair);
    assertTrue(number(repair, "keysRepaired") >= unrepaired.divergentKeys / 2, "repair " + repair);
    assertTrue(number(repair, "keysStreamed") >= number(repair, "keysRepaired"), "repair " + repair);
    assertTrue(number(repair, "leavesMismatched") > 0 && number(repair, "rangesMismatched") > 0, "repair " + repair);
  }

  @Test
  void repairCostsDiskCpuAndNetwork() {
    Map<String, Object> repair = repair(repaired.summary);
    assertEquals((long) NODES * VNODES * 3 * (1L << 15) * 32, repair.get("treeBytes"), "3 trees of 1 MiB per range");
    assertTrue(number(repair, "validationBytes") > 0, "repair " + repair);
    assertTrue(number(store(repaired.summary), "diskUtilizationMean") > number(store(unrepaired.summary), "diskUtilizationMean"));
    assertTrue(number(utilization(repaired.summary), "serverCpuMean") > number(utilization(unrepaired.summary), "serverCpuMean"));
    long bytesWith = repaired.result.counter(Fabric.BYTES_SENT);
    long bytesWithout = unrepaired.result.counter(Fabric.BYTES_SENT);
    // The coordinator of a range is its first replica: its own tree never touches the network, the other two do.
    assertTrue(bytesWith - bytesWithout > number(repair, "treeBytes") * 2 / 3, bytesWith + " vs " + bytesWithout + " bytes sent");
  }

  /**
   * Without the cut nothing diverges, so repair compares every range and repairs no key. Writes
   * still on their way while the replicas of a range take their snapshots (tens of ms apart across
   * the WAN) make some leaves differ for a moment, as on a live Cassandra cluster: those leaves are
   * streamed, but bring no replica anything new, and they are few beside a real divergence.
   */
  @Test
  void withoutDivergenceRepairComparesEverythingAndRepairsNothing() throws Exception {
    Run calm = run(List.of("network.cuts=[]"));
    Map<String, Object> repair = repair(calm.summary);
    Map<String, Object> afterCut = repair(repaired.summary);
    assertEquals(0, calm.divergentKeys);
    assertEquals((long) NODES, repair.get("sessions"));
    assertEquals((long) NODES * VNODES, repair.get("ranges"));
    assertTrue(number(repair, "validationBytes") > 0, "repair " + repair);
    assertEquals(0L, repair.get("keysRepaired"), "repair " + repair);
    assertTrue(number(repair, "leavesMismatched") < number(afterCut, "leavesMismatched") / 4, repair + " vs " + afterCut);
    assertTrue(number(repair, "keysStreamed") < number(afterCut, "keysStreamed") / 4, repair + " vs " + afterCut);
  }

  @Test
  void resultsDoNotDependOnPartitioning() throws Exception {
    SortedMap<String, Object> one = ScenarioRuns.withoutEngine(new TreeMap<>(repaired.summary));
    SortedMap<String, Object> three = ScenarioRuns.results(RUNTIME.get(), SCENARIO, List.of(), List.of("engine.partitions=3"));
    assertTrue(number(repair(one), "keysRepaired") > 0);
    assertEquals(one, three);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  private static Map<String, Object> store(Map<String, Object> summary) {
    return map(summary, "store");
  }

  private static Map<String, Object> repair(Map<String, Object> summary) {
    return map(store(summary), "repair");
  }

  private static Map<String, Object> utilization(Map<String, Object> summary) {
    return map(summary, "utilization");
  }

  private static double number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }
}
