package geosim.scenario;

import static geosim.scenario.SummaryValues.map;
import static geosim.scenario.SummaryValues.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.store.objects.ObjectStorePrices;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The object store behind the app tier of configs/scenarios/store-clients-small.conf (three
 * regions, YCSB-B; one object call per request): its latency against the model's formula, and its
 * price against S3's.
 */
class ObjectStoreScenarioTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/store-clients-small.conf");
  private static final List<String> BASE = List.of("duration=20s", "store.app.servers-per-region=2",
      "store.object-store.calls-per-request=1");
  private static final double MEDIAN_MS = 200;
  private static final double SIZE_BYTES = 262_144;
  private static final double STREAM_BYTES_PER_S = 10e6;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();


  @Test
  void aCallTakesTheFirstByteLatencyPlusItsSizeOverTheStreamBandwidth() throws Exception {
    Map<String, Object> objects = run(List.of("store.object-store.first-byte-latency-sigma=0",
        "store.object-store.object-size-cv=0"));
    double expectedMs = MEDIAN_MS + SIZE_BYTES / STREAM_BYTES_PER_S * 1000;
    for (String kind : List.of("get", "put")) {
      Map<String, Object> latency = map(map(objects, "latencyMs"), kind);
      // HdrHistogram keeps 3 significant digits.
      assertEquals(expectedMs, number(latency, "p50"), expectedMs * 1e-3, kind + " " + latency);
      assertEquals(expectedMs, number(latency, "p99"), expectedMs * 1e-3, kind + " " + latency);
    }
    assertEquals(number(objects, "gets") * SIZE_BYTES, number(objects, "bytesRead"), "bytes read " + objects);
  }

  @Test
  void aLognormalFirstByteLatencyHasTheLognormalsPercentiles() throws Exception {
    double sigma = 0.5;
    Map<String, Object> objects = run(List.of("store.object-store.first-byte-latency-sigma=" + sigma,
        "store.object-store.object-size-cv=0"));
    double transferMs = SIZE_BYTES / STREAM_BYTES_PER_S * 1000;
    Map<String, Object> get = map(map(objects, "latencyMs"), "get");
    assertEquals(MEDIAN_MS + transferMs, number(get, "p50"), 0.03 * MEDIAN_MS, "p50 " + get);
    double p99 = MEDIAN_MS * Math.exp(sigma * 2.326348) + transferMs;
    assertEquals(p99, number(get, "p99"), 0.05 * p99, "p99 " + get);
  }

  @Test
  void theCostIsS3sRequestAndStoragePrices() throws Exception {
    Map<String, Object> objects = run(List.of("store.object-store.object-size-cv=0"));
    Map<String, Object> cost = map(objects, "cost");
    double gets = number(objects, "gets");
    double puts = number(objects, "puts");
    assertTrue(gets > 1000 && puts > 50, "YCSB-B's reads and updates: " + objects);
    assertEquals(gets / 10_000 * 0.01 + puts / 1000 * 0.01, number(cost, "requestsUsd"), 1e-12);
    // cv 0: every object, put or not, has the mean size, in three regions' buckets of 10,000 keys each.
    double byteSeconds = 3 * 10_000 * SIZE_BYTES * 20;
    double gbMonths = byteSeconds / ObjectStorePrices.GB_BYTES / ObjectStorePrices.MONTH_SECONDS;
    assertEquals(gbMonths, number(objects, "storedGbMonths"), 1e-9 * gbMonths);
    assertEquals(gbMonths * 0.15, number(cost, "storageUsd"), 1e-9 * gbMonths);
    assertEquals(number(cost, "requestsUsd") + number(cost, "storageUsd"), number(cost, "usd"), 1e-12);
  }

  private static Map<String, Object> run(List<String> sets) throws Exception {
    SortedMap<String, Object> summary = ScenarioRuns.results(RUNTIME.get(), SCENARIO, BASE, sets);
    return map(summary, "objectStore");
  }
}
