package geosim.scenario;

import static geosim.scenario.SummaryValues.map;
import static geosim.scenario.SummaryValues.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.store.objects.ObjectStoreSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * configs/scenarios/lamp-on-cloud.conf, shortened to 15 s: app servers with memcached look-aside,
 * a MySQL primary with two asynchronous replicas, media objects in an S3-like store; against the
 * same run without the cache and with replicas ten times faster.
 */
class LampScenarioTest {
  private static final Path FILE = Path.of("../configs/scenarios/lamp-on-cloud.conf");
  private static final List<String> SHORT = List.of("duration=15s");
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static SortedMap<String, Object> lamp;
  private static SortedMap<String, Object> noCache;
  private static SortedMap<String, Object> fastReplicas;

  @BeforeAll
  static void setUp() throws Exception {
    lamp = ScenarioRuns.results(RUNTIME.get(), FILE, SHORT, List.of());
    noCache = ScenarioRuns.results(RUNTIME.get(), FILE, SHORT, List.of("store.cache.servers-per-region=0"));
    fastReplicas = ScenarioRuns.results(RUNTIME.get(), FILE, SHORT, List.of("relational.apply-per-write=500us"));
  }

  @Test
  void theCacheHitRatioCutsTheDatabaseReadsToTheMisses() {
    Map<String, Object> cache = map(lamp, "cache");
    double hitRatio = number(cache, "hitRatio");
    double reads = number(map(lamp, "database"), "reads");
    double misses = number(cache, "misses");
    assertTrue(hitRatio > 0.3 && hitRatio < 0.95, "the popular keys fit, the rest do not: " + cache);
    // Every miss becomes a database read (the last few may still be on their way at the end).
    assertTrue(reads <= misses && reads > misses - 20, "database reads " + reads + ", cache misses " + misses);
    double uncached = number(map(noCache, "database"), "reads");
    assertEquals(1 - hitRatio, reads / uncached, 0.05, "database reads with the cache " + reads + ", without " + uncached);
    // Writes go to the primary whether or not the cache is there.
    assertEquals(number(map(noCache, "database"), "writes"), number(map(lamp, "database"), "writes"),
        0.02 * number(map(lamp, "database"), "writes"));
  }

  @Test
  void replicasThatLagServeReadsThatMissTheAppServersOwnWrites() {
    Map<String, Object> lagging = map(lamp, "database");
    Map<String, Object> fast = map(fastReplicas, "database");
    double violations = number(lagging, "readYourWritesViolations");
    assertTrue(violations > 0 && violations < number(lagging, "auditedReads"), "lagging replicas: " + lagging);
    assertTrue(number(fast, "readYourWritesViolations") < violations / 4, "fast " + fast + ", lagging " + lagging);
    double lagP99 = number(map(lagging, "replicationLagMs"), "p99");
    assertTrue(lagP99 > 4 * number(map(fast, "replicationLagMs"), "p99"), "lag p99: lagging " + lagging + ", fast " + fast);
  }

  @Test
  void everyRequestWaitsForItsObjectAbout200MsPlusSizeOverTheStream() throws Exception {
    ObjectStoreSettings objects = ScenarioLoader.load(FILE, SHORT).clients().app().objectStore();
    double firstByteMs = objects.firstByteLatencyMedianNs() / 1e6;
    double transferMeanMs = objects.sizes().meanBytes() / objects.streamBandwidthBytesPerSecond() * 1e3;
    Map<String, Object> get = map(map(map(lamp, "objectStore"), "latencyMs"), "get");
    assertTrue(number(get, "p50") > firstByteMs && number(get, "p50") < 1.25 * firstByteMs + transferMeanMs,
        "object GET " + get + ", first byte median " + firstByteMs + " ms, mean transfer " + transferMeanMs + " ms");
    Map<String, Object> clients = map(lamp, "clients");
    assertTrue(number(map(clients, "latencyMs"), "p50") > number(get, "p50"), "clients " + clients.get("latencyMs"));
    assertEquals(0, number(clients, "failed"), "clients " + clients);
  }
}
