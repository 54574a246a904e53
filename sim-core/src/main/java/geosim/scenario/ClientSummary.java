package geosim.scenario;

import geosim.autoscale.Autoscalers;
import geosim.elastic.AutoscalerSettings;
import geosim.fabric.Fabric;
import geosim.kernel.RunResult;
import geosim.relational.RelationalMetrics;
import geosim.relational.RelationalSettings;
import geosim.store.cache.CacheMetrics;
import geosim.store.cache.CacheSettings;
import geosim.store.client.AppSettings;
import geosim.store.objects.ObjectStoreMetrics;
import geosim.store.objects.ObjectStorePrices;
import geosim.store.objects.ObjectStoreSettings;
import geosim.store.client.ClientPopulation;
import geosim.store.client.ClientSettings;
import geosim.store.client.StoreClients;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * {@code clients} in {@code summary.json} when the store has client populations: what the
 * clients saw, access hop included. {@code requests} started, {@code ok}, {@code failed} (the
 * coordinator's failure or the client's timeout), {@code inFlight} at the end, {@code failovers}
 * to another region, and the latency of the successful requests in ms; overall and {@code
 * byRegion} (the clients' own region, wherever they were served).
 */
final class ClientSummary {
  private ClientSummary() {}

  static SortedMap<String, Object> clients(ClientSettings settings, RunResult result) {
    SortedMap<String, Object> clients = new TreeMap<>();
    SortedMap<String, Object> byRegion = new TreeMap<>();
    long[] totals = new long[StoreClients.COUNTERS.size()];
    for (ClientPopulation population : settings.populations()) {
      SortedMap<String, Object> region = new TreeMap<>();
      for (int i = 0; i < totals.length; i++) {
        long value = result.counter(StoreClients.counter(population.region(), StoreClients.COUNTERS.get(i)));
        totals[i] += value;
        region.put(StoreClients.COUNTERS.get(i), value);
      }
      region.put("inFlight", (long) region.get("requests") - (long) region.get("ok") - (long) region.get("failed"));
      region.put("latencyMs", RunSummary.latencyMs(histogram(result, StoreClients.latencyUs(population.region()))));
      byRegion.put(population.region(), region);
    }
    for (int i = 0; i < totals.length; i++) clients.put(StoreClients.COUNTERS.get(i), totals[i]);
    clients.put("inFlight", totals[0] - totals[1] - totals[2]);
    clients.put("latencyMs", RunSummary.latencyMs(histogram(result, StoreClients.LATENCY_US)));
    clients.put("byRegion", byRegion);
    clients.put("routing", settings.routing().configName());
    return clients;
  }

  /**
   * {@code app}: the app tier's servers (under an app autoscaler, its pool: {@code max} per
   * region), requests and CPU utilization (busy core time / core time held: servers x cores x run
   * time, or under an autoscaler the instance time it held x cores), overall and {@code
   * byRegion}, and its balancing (the class name when {@code store.app.balancer-class} is set).
   *
   * @param autoscaler the app servers' autoscaler, or null when their number is fixed
   */
  static SortedMap<String, Object> app(ClientSettings settings, AutoscalerSettings autoscaler, Fabric fabric,
      RunResult result) {
    AppSettings app = settings.app();
    List<String> regions = new ArrayList<>();
    for (int r = 0; r < fabric.regionCount(); r++) regions.add(fabric.regionName(r));
    SortedMap<String, Object> out = new TreeMap<>();
    SortedMap<String, Object> byRegion = new TreeMap<>();
    double capacityTotal = 0;
    long busyTotal = 0;
    long requestsTotal = 0;
    for (String region : regions) {
      long busy = result.counter(StoreClients.appCounter(region, StoreClients.APP_BUSY_CORE_NS));
      long requests = result.counter(StoreClients.appCounter(region, "requests"));
      double capacity = autoscaler != null
          ? (double) result.counter(Autoscalers.metric(region, Autoscalers.APP, "instances-ns")) * app.cores()
          : (double) app.serversPerRegion() * app.cores() * result.endTimeNs();
      busyTotal += busy;
      requestsTotal += requests;
      capacityTotal += capacity;
      SortedMap<String, Object> r = new TreeMap<>();
      r.put("requests", requests);
      r.put("utilization", capacity > 0 ? busy / capacity : 0.0);
      byRegion.put(region, r);
    }
    out.put("byRegion", byRegion);
    out.put("requests", requestsTotal);
    out.put("servers", (long) (autoscaler != null ? autoscaler.max() : app.serversPerRegion()) * regions.size());
    out.put("utilization", capacityTotal > 0 ? busyTotal / capacityTotal : 0.0);
    out.put("balancing", app.balancerClass() != null ? app.balancerClass().name() : app.balancing().configName());
    return out;
  }

  /**
   * {@code cache}: the cache tier's gets that hit and missed (refused ones by a crashed server
   * among the misses), {@code hitRatio} = hits / gets, items evicted, sets and deletes; the items a
   * server holds ({@code capacityItemsPerServer}); {@code byServer} gets and hit ratio of each
   * server ({@code us-east/cache-1}), and {@code loadMaxOverMean}, the busiest server's gets over
   * the mean (consistent hashing's imbalance).
   */
  static SortedMap<String, Object> cache(CacheSettings cache, Fabric fabric, RunResult result) {
    SortedMap<String, Object> out = new TreeMap<>();
    for (String name : CacheMetrics.TOTALS) out.put(name.substring("cache.".length()), result.counter(name));
    long hits = result.counter(CacheMetrics.HITS);
    long gets = hits + result.counter(CacheMetrics.MISSES);
    out.put("hitRatio", gets == 0 ? 0.0 : hits / (double) gets);
    out.put("servers", (long) cache.serversPerRegion() * fabric.regionCount());
    out.put("capacityItemsPerServer", cache.capacityItems());
    SortedMap<String, Object> byServer = new TreeMap<>();
    long max = 0;
    for (int r = 0; r < fabric.regionCount(); r++) {
      for (int i = 1; i <= cache.serversPerRegion(); i++) {
        String region = fabric.regionName(r);
        long serverGets = result.counter(CacheMetrics.serverGets(region, "cache-" + i));
        long serverHits = result.counter(CacheMetrics.serverHits(region, "cache-" + i));
        SortedMap<String, Object> one = new TreeMap<>();
        one.put("gets", serverGets);
        one.put("hitRatio", serverGets == 0 ? 0.0 : serverHits / (double) serverGets);
        byServer.put(region + "/cache-" + i, one);
        max = Math.max(max, serverGets);
      }
    }
    out.put("byServer", byServer);
    out.put("loadMaxOverMean", gets == 0 ? 0.0 : max * (double) byServer.size() / gets);
    return out;
  }

  /**
   * {@code objectStore}: GETs and PUTs ({@code ops}), bytes read and written, each kind's time at the
   * store in ms (first byte and transfer; without the access hop), the bytes held integrated over
   * the run ({@code storedGbMonths}), and {@code cost}: requests, storage and their sum in USD.
   */
  static SortedMap<String, Object> objectStore(ObjectStoreSettings objects, RunResult result) {
    SortedMap<String, Object> out = new TreeMap<>();
    long gets = result.counter(ObjectStoreMetrics.GETS);
    long puts = result.counter(ObjectStoreMetrics.PUTS);
    out.put("gets", gets);
    out.put("puts", puts);
    out.put("ops", gets + puts);
    out.put("bytesRead", result.counter(ObjectStoreMetrics.BYTES_READ));
    out.put("bytesWritten", result.counter(ObjectStoreMetrics.BYTES_WRITTEN));
    SortedMap<String, Object> latency = new TreeMap<>();
    latency.put("get", RunSummary.latencyMs(histogram(result, ObjectStoreMetrics.GET_LATENCY_US)));
    latency.put("put", RunSummary.latencyMs(histogram(result, ObjectStoreMetrics.PUT_LATENCY_US)));
    out.put("latencyMs", latency);
    double byteSeconds = result.counter(ObjectStoreMetrics.BYTE_SECONDS);
    out.put("storedGbMonths", byteSeconds / ObjectStorePrices.GB_BYTES / ObjectStorePrices.MONTH_SECONDS);
    SortedMap<String, Object> cost = new TreeMap<>();
    double requests = objects.prices().requestsUsd(puts, gets);
    double storage = objects.prices().storageUsd(byteSeconds);
    cost.put("requestsUsd", requests);
    cost.put("storageUsd", storage);
    cost.put("usd", requests + storage);
    out.put("cost", cost);
    return out;
  }

  /**
   * {@code database}: the app tier's database reads (at replicas) and writes (at primaries), the
   * reads audited for read-your-writes (of a key the same app server had written) and the
   * violations among them, the replicas' lag from commit to apply in ms, and the servers. With
   * primary crashes ({@code relational.crashes}) also the failovers, their mean time from crash to
   * the promotion order reaching the app servers in seconds, the acknowledged writes lost in them,
   * and the requests the app servers answered as failed (a call to the dead primary timed out).
   */
  static SortedMap<String, Object> database(RelationalSettings database, Fabric fabric, RunResult result) {
    SortedMap<String, Object> out = new TreeMap<>();
    out.put("reads", result.counter(StoreClients.DATABASE_READS));
    out.put("writes", result.counter(StoreClients.DATABASE_WRITES));
    out.put("auditedReads", result.counter(StoreClients.DATABASE_AUDITED_READS));
    out.put("readYourWritesViolations", result.counter(StoreClients.DATABASE_RYW_VIOLATIONS));
    out.put("replicationLagMs", RunSummary.latencyMs(histogram(result, RelationalMetrics.LAG_US)));
    out.put("primaries", (long) database.primaries().size());
    out.put("replicas", (long) database.replicas().size());
    if (!database.failover().crashes().isEmpty()) {
      long failovers = result.counter(RelationalMetrics.FAILOVERS);
      out.put("failovers", failovers);
      out.put("failoverSecondsMean", failovers == 0 ? 0.0
          : result.counter(RelationalMetrics.FAILOVER_NS_SUM) / 1e9 / failovers);
      out.put("lostAcknowledgedWrites", result.counter(StoreClients.DATABASE_LOST_WRITES));
      long appFailed = 0;
      for (int r = 0; r < fabric.regionCount(); r++) {
        appFailed += result.counter(StoreClients.appCounter(fabric.regionName(r), StoreClients.APP_FAILED));
      }
      out.put("appRequestsFailed", appFailed);
    }
    return out;
  }

  private static Histogram histogram(RunResult result, String name) {
    Histogram h = result.histograms().get(name);
    return h == null ? new Histogram(3) : h;
  }
}
