package geosim.scenario;

import geosim.kernel.RunResult;
import geosim.store.client.ClientPopulation;
import geosim.store.client.ClientSettings;
import geosim.store.client.StoreClients;
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

  private static Histogram histogram(RunResult result, String name) {
    Histogram h = result.histograms().get(name);
    return h == null ? new Histogram(3) : h;
  }
}
