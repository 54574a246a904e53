package geosim.scenario;

import static geosim.scenario.SummaryValues.map;
import static geosim.scenario.SummaryValues.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.Snapshot;
import geosim.store.cache.CacheMetrics;
import geosim.store.node.StoreModel;
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
 * The cache tier in whole runs: configs/scenarios/cache-cold-start.conf (two memcached servers in
 * front of three one-core store nodes; cache-1 crashes at 2 min for 20 s and restarts empty), and
 * a three-region run with a cache tier at 1 and 3 partitions.
 */
class CacheScenarioTest {
  private static final Path COLD_START = Path.of("../configs/scenarios/cache-cold-start.conf");
  private static final Path THREE_REGIONS = Path.of("../configs/scenarios/store-clients-small.conf");
  private static final long S = 1_000_000_000L;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static final List<Snapshot> snapshots = new ArrayList<>();
  private static SortedMap<String, Object> summary;

  @BeforeAll
  static void setUp() throws Exception {
    Simulation sim = Simulation.create(ScenarioLoader.load(COLD_START, List.of("duration=3m")));
    sim.observe(new Invariants()).observe(snapshots::add);
    summary = RunSummary.of(sim, sim.run(RUNTIME.get()));
  }

  @Test
  void aCacheCrashSendsAThunderingHerdToTheStoreAndTheHitRatioRecovers() {
    Snapshot before = at(120);
    Snapshot during = at(130);
    double rateBefore = storeReadsPerSecond(before);
    double rateDuring = storeReadsPerSecond(during);
    double p99Before = readP99Us(before);
    double p99During = readP99Us(during);
    assertTrue(rateDuring > 2 * rateBefore, "store reads per second " + rateBefore + " -> " + rateDuring);
    assertTrue(p99During > 1.5 * p99Before, "store read p99 us " + p99Before + " -> " + p99During);
    double warm = hitRatio(before);
    assertTrue(warm > 0.8, "the warm cache hits " + warm);
    assertTrue(hitRatio(during) < warm - 0.2, "hit ratio " + warm + " -> " + hitRatio(during));
    assertTrue(hitRatio(at(180)) > warm - 0.05, "40 s after the restart the hit ratio is back to " + hitRatio(at(180)));
    assertTrue(storeReadsPerSecond(at(180)) < 1.5 * rateBefore, "and the store's reads are back to " + storeReadsPerSecond(at(180)));
  }

  @Test
  void theSummaryCountsEveryGetOnceAndTheRefusedOnesAsMisses() {
    Map<String, Object> cache = map(summary, "cache");
    Map<String, Object> byServer = map(cache, "byServer");
    double gets = 0;
    for (Object server : byServer.values()) gets += number(asMap(server), "gets");
    assertEquals(number(cache, "hits") + number(cache, "misses"), gets, "gets " + cache);
    assertTrue(number(cache, "refused") > 0 && number(cache, "refused") < number(cache, "misses"), "refused " + cache);
    assertEquals(number(cache, "hits") / gets, number(cache, "hitRatio"), 1e-12);
    // Every store read follows a miss (the last few misses' store reads may not have started at the end).
    Map<String, Object> read = SummaryValues.op(summary, "read");
    double storeReads = number(read, "count") + number(read, "inFlight");
    assertTrue(storeReads <= number(cache, "misses") && storeReads > number(cache, "misses") - 10,
        "store reads " + read + ", misses " + cache.get("misses"));
  }

  @Test
  void aCacheTierGivesTheSameSummaryAtAnyPartitioning() throws Exception {
    List<String> sets = List.of("duration=10s", "store.app.servers-per-region=2", "store.cache.servers-per-region=2",
        "store.cache.memory=1MiB", "store.cache.crashes=[{at=5s, region=us-west, server=2}]");
    SortedMap<String, Object> one = ScenarioRuns.results(RUNTIME.get(), THREE_REGIONS, sets, List.of("engine.partitions=1"));
    SortedMap<String, Object> three = ScenarioRuns.results(RUNTIME.get(), THREE_REGIONS, sets, List.of("engine.partitions=3"));
    assertTrue(number(map(one, "cache"), "hits") > 0 && number(map(one, "cache"), "evictions") > 0, "cache " + one.get("cache"));
    assertEquals(one, three);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  private static double storeReadsPerSecond(Snapshot s) {
    Snapshot previous = at(s.intervalStartNs() / S);
    return (s.counter(StoreModel.started("read")) - previous.counter(StoreModel.started("read")))
        / ((s.timeNs() - s.intervalStartNs()) / (double) S);
  }

  private static double readP99Us(Snapshot s) {
    Histogram h = s.intervalHistograms().get(StoreModel.latencyUs("read"));
    return h.getValueAtPercentile(99);
  }

  /** The hit ratio of the gets in the snapshot's interval. */
  private static double hitRatio(Snapshot s) {
    Snapshot previous = at(s.intervalStartNs() / S);
    double hits = s.counter(CacheMetrics.HITS) - previous.counter(CacheMetrics.HITS);
    double misses = s.counter(CacheMetrics.MISSES) - previous.counter(CacheMetrics.MISSES);
    return hits / (hits + misses);
  }

  private static Snapshot at(long seconds) {
    for (Snapshot s : snapshots) {
      if (s.timeNs() == seconds * S) return s;
    }
    throw new AssertionError("no snapshot at " + seconds + " s");
  }
}
