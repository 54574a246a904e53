package geosim.scenario;

import geosim.autoscale.AutoscaleSettings;
import geosim.autoscale.Autoscalers;
import geosim.cost.CostModel;
import geosim.cost.CostSettings;
import geosim.cost.Usage;
import geosim.elastic.AutoscalerSettings;
import geosim.fabric.Fabric;
import geosim.kernel.RunResult;
import geosim.node.PowerModel;
import geosim.store.client.StoreClients;
import geosim.store.node.StoreModel;
import geosim.topology.Topology;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code autoscaler} in {@code summary.json} for {@code model = store} with {@code
 * store.autoscaler}: per role and region, the scale-out and scale-in actions, instances launched
 * and released, min, max, peak and mean instances, instance-hours and the mean time from a
 * launch to service (for store nodes: provisioning, ring delay and streaming), and for store nodes
 * the replica reads they got before they had joined (0: they serve only after their bootstrap). And the app servers' share of {@code cost}: with an app autoscaler the app
 * servers are billed for the hours they were held (launched to stopped) and powered for them.
 */
final class AutoscaleSummary {
  private static final double NS_PER_HOUR = 3.6e12;

  private AutoscaleSummary() {}

  static SortedMap<String, Object> autoscaler(AutoscaleSettings settings, Fabric fabric, RunResult result) {
    SortedMap<String, Object> out = new TreeMap<>();
    if (settings.app() != null) out.put(Autoscalers.APP, role(Autoscalers.APP, settings.app(), fabric, result));
    if (settings.store() != null) out.put(Autoscalers.STORE, role(Autoscalers.STORE, settings.store(), fabric, result));
    return out;
  }

  private static SortedMap<String, Object> role(String role, AutoscalerSettings s, Fabric fabric, RunResult result) {
    SortedMap<String, Object> regions = new TreeMap<>();
    for (int r = 0; r < fabric.regionCount(); r++) {
      String region = fabric.regionName(r);
      SortedMap<String, Object> m = new TreeMap<>();
      for (String name : new String[] {"scale-outs", "scale-ins", "launched", "released"}) {
        m.put(camel(name), result.counter(Autoscalers.metric(region, role, name)));
      }
      long instancesNs = result.counter(Autoscalers.metric(region, role, "instances-ns"));
      long served = result.counter(Autoscalers.metric(region, role, "launched-in-service"));
      m.put("min", (long) s.min());
      m.put("max", (long) s.max());
      m.put("instancesPeak", result.counter(Autoscalers.metric(region, role, "instances-peak")));
      m.put("instancesMean", result.endTimeNs() == 0 ? 0.0 : (double) instancesNs / result.endTimeNs());
      m.put("inServiceMean", result.endTimeNs() == 0 ? 0.0
          : (double) result.counter(Autoscalers.metric(region, role, "in-service-ns")) / result.endTimeNs());
      m.put("instanceHours", instancesNs / NS_PER_HOUR);
      m.put("meanLaunchToServiceSeconds", served == 0 ? 0.0
          : result.counter(Autoscalers.metric(region, role, "launch-to-service-ns-sum")) / 1e9 / served);
      if (role.equals(Autoscalers.STORE)) {
        m.put("replicaReadsBeforeJoined", result.counter(StoreModel.readsBeforeJoined(region)));
      }
      regions.put(region, m);
    }
    return regions;
  }

  private static String camel(String kebab) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : kebab.toCharArray()) {
      if (c == '-') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }

  /**
   * Adds the app servers an app autoscaler held to {@code cost} ({@link StoreCost#cost}'s block):
   * their instance-hours, price and facility energy (the region's first data center's power model
   * and PUE at the app servers' mean utilization while held), and recomputes the work per dollar
   * and per kWh. Without an app autoscaler the app tier stays unpriced, as before.
   */
  static void addApp(Map<String, Object> cost, AutoscaleSettings settings, CostSettings prices, Topology topology,
      Fabric fabric, RunResult result, int cores, long ops) {
    if (settings == null || settings.app() == null) return;
    double hours = result.endTimeNs() / NS_PER_HOUR;
    double appHours = 0;
    double peak = 0;
    double kwh = 0;
    for (int r = 0; r < fabric.regionCount(); r++) {
      String region = fabric.regionName(r);
      long instancesNs = result.counter(Autoscalers.metric(region, Autoscalers.APP, "instances-ns"));
      long busy = result.counter(StoreClients.appCounter(region, StoreClients.APP_BUSY_CORE_NS));
      double utilization = instancesNs == 0 ? 0 : Math.min(1, (double) busy / ((double) instancesNs * cores));
      var dc = topology.region(region).orElseThrow().dataCenters().get(0);
      appHours += instancesNs / NS_PER_HOUR;
      peak += result.counter(Autoscalers.metric(region, Autoscalers.APP, "instances-peak"));
      kwh += instancesNs / NS_PER_HOUR * dc.pue() * PowerModel.defaultsIn(dc).serverWatts(utilization) / 1_000;
    }
    double usd = (Double) cost.get("usd") + CostModel.usd(prices, new Usage(appHours, peak, hours, kwh, 0, 0));
    double totalKwh = (Double) cost.get("kwh") + kwh;
    SortedMap<String, Object> byRole = new TreeMap<>();
    byRole.put(Autoscalers.STORE, cost.get("instanceHours"));
    byRole.put(Autoscalers.APP, appHours);
    cost.put("instanceHoursByRole", byRole);
    cost.put("instanceHours", (Double) cost.get("instanceHours") + appHours);
    cost.put("usd", usd);
    cost.put("kwh", totalKwh);
    cost.put("opsPerUsd", CostModel.perUsd(ops, usd));
    cost.put("opsPerKwh", totalKwh > 0 ? ops / totalKwh : 0.0);
  }
}
