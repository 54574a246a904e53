package geosim.scenario;

import geosim.fabric.Fabric;
import geosim.kernel.RunResult;
import geosim.store.client.AppSettings;
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
   * {@code app}: the app tier's requests and CPU utilization (busy core time / (servers x cores x
   * run time)), overall and {@code byRegion}, and its balancing (the class name when {@code store.app.balancer-class} is set).
   */
  static SortedMap<String, Object> app(ClientSettings settings, Fabric fabric, RunResult result) {
    AppSettings app = settings.app();
    List<String> regions = new ArrayList<>();
    for (int r = 0; r < fabric.regionCount(); r++) regions.add(fabric.regionName(r));
    SortedMap<String, Object> out = new TreeMap<>();
    SortedMap<String, Object> byRegion = new TreeMap<>();
    double capacity = (double) app.serversPerRegion() * app.cores() * result.endTimeNs();
    long busyTotal = 0;
    long requestsTotal = 0;
    for (String region : regions) {
      long busy = result.counter(StoreClients.appCounter(region, StoreClients.APP_BUSY_CORE_NS));
      long requests = result.counter(StoreClients.appCounter(region, "requests"));
      busyTotal += busy;
      requestsTotal += requests;
      SortedMap<String, Object> r = new TreeMap<>();
      r.put("requests", requests);
      r.put("utilization", capacity > 0 ? busy / capacity : 0.0);
      byRegion.put(region, r);
    }
    out.put("byRegion", byRegion);
    out.put("requests", requestsTotal);
    out.put("servers", (long) app.serversPerRegion() * regions.size());
    out.put("utilization", capacity > 0 ? busyTotal / (capacity * regions.size()) : 0.0);
    out.put("balancing", app.balancerClass() != null ? app.balancerClass().name() : app.balancing().configName());
    return out;
  }

  private static Histogram histogram(RunResult result, String name) {
    Histogram h = result.histograms().get(name);
    return h == null ? new Histogram(3) : h;
  }
}
