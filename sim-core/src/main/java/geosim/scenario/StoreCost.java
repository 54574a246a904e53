package geosim.scenario;

import geosim.cost.CostModel;
import geosim.cost.CostSettings;
import geosim.cost.DiskCost;
import geosim.cost.Usage;
import geosim.node.PowerModel;
import geosim.store.node.ServerMeter;
import geosim.topology.DiskKind;
import geosim.topology.Placement;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code cost} in {@code summary.json} for {@code model = store}: what the store servers cost for
 * the run and the work they did per dollar and per kWh (seed 001: "work done per dollar and work
 * done per watt"). Each store server is held for the whole run and powered all along (a crashed
 * server is counted as powered: a stated simplification). Its facility energy is
 *
 * <pre>
 *   kWh = hours * PUE * (server(cpuUtilization) + disk(diskUtilization)) / 1000
 * </pre>
 *
 * with the server's default {@link PowerModel} and its medium's {@link DiskCost}; both are linear
 * in utilization, so the run's mean utilization gives the exact energy. The price is {@link
 * CostModel#usd} of the servers (instance-hours in the cloud; the fleet bought and powered when
 * owned) plus each medium's disks ({@link CostModel#diskUsd}). App and cache servers are not
 * priced here. The same prices per server and over time give the store's cost series ({@link
 * #meter}). Example: 3 owned HDD servers for one hour, idle: 3 x $0.1438 of server, 3 x $0.0072
 * of disk, 3 x 133 W x PUE 1.5 = 0.5985 kWh at $0.07.
 */
final class StoreCost {
  private static final double NS_PER_HOUR = 3.6e12;
  private static final double MICRO = 1e6;
  private static final double JOULES_PER_KWH = 3.6e6;

  private StoreCost() {}

  /**
   * The cost block.
   *
   * @param ops the operations that count as work done (the clients' successful requests, or the
   *     coordinators' when there are no clients)
   * @param cpu each server's CPU utilization over the run, in {@code placements} order
   * @param disk each server's disk utilization over the run, in the same order
   */
  static SortedMap<String, Object> cost(CostSettings prices, List<Placement> placements, double[] cpu,
      double[] disk, long ops, long endNs) {
    double hours = endNs / NS_PER_HOUR;
    double kwh = 0;
    double diskUsd = 0;
    SortedMap<String, Object> disks = new TreeMap<>();
    for (int s = 0; s < placements.size(); s++) {
      Placement p = placements.get(s);
      kwh += serverKwh(prices, p, cpu[s], disk[s], hours);
      diskUsd += CostModel.diskUsd(prices, medium(prices, p), hours);
      disks.merge(p.server().spec().disk().configName(), 1L, (a, b) -> (long) a + (long) b);
    }
    int servers = placements.size();
    double usd = CostModel.usd(prices, new Usage(servers * hours, servers, hours, kwh, 0, 0)) + diskUsd;
    return block(prices, new double[] {usd, diskUsd, kwh, servers * hours}, disks, ops);
  }

  /**
   * As {@link #cost}, for an elastic ring (store.autoscaler, role store): server {@code s} was held
   * {@code heldNs[s]} of the run (a spare from its launch to its stop), billed and powered for that
   * time only, at its mean utilization while held. Owned servers are bought for the whole run all
   * the same (elasticity saves only their energy there).
   */
  static SortedMap<String, Object> cost(CostSettings prices, List<Placement> placements, double[] cpu,
      double[] disk, long ops, long endNs, long[] heldNs) {
    double kwh = 0;
    double diskUsd = 0;
    double instanceHours = 0;
    SortedMap<String, Object> disks = new TreeMap<>();
    for (int s = 0; s < placements.size(); s++) {
      Placement p = placements.get(s);
      double hours = heldNs[s] / NS_PER_HOUR;
      double scale = heldNs[s] == 0 ? 0 : (double) endNs / heldNs[s];
      kwh += serverKwh(prices, p, Math.min(1, cpu[s] * scale), Math.min(1, disk[s] * scale), hours);
      diskUsd += CostModel.diskUsd(prices, medium(prices, p), hours);
      instanceHours += hours;
      disks.merge(p.server().spec().disk().configName(), 1L, (a, b) -> (long) a + (long) b);
    }
    double usd = CostModel.usd(prices, new Usage(instanceHours, placements.size(), endNs / NS_PER_HOUR, kwh, 0, 0))
        + diskUsd;
    return block(prices, new double[] {usd, diskUsd, kwh, instanceHours}, disks, ops);
  }

  /** The cost block from {usd, diskUsd, kwh, instanceHours}, the disks by medium and the operations. */
  private static SortedMap<String, Object> block(CostSettings prices, double[] totals, SortedMap<String, Object> disks,
      long ops) {
    SortedMap<String, Object> cost = new TreeMap<>();
    cost.put("mode", prices.mode().configName());
    cost.put("usd", totals[0]);
    cost.put("diskUsd", totals[1]);
    cost.put("kwh", totals[2]);
    cost.put("instanceHours", totals[3]);
    cost.put("disks", disks);
    cost.put("opsPerUsd", CostModel.perUsd(ops, totals[0]));
    cost.put("opsPerKwh", totals[2] > 0 ? ops / totals[2] : 0.0);
    return cost;
  }

  /**
   * Prices each server over time for the store's cost series ({@link ServerMeter}): server {@code
   * s} over {@code [0, t]} costs what {@link #cost} charges one server for a run of length {@code
   * t}, so the servers' sum at the end of the run is the summary's {@code usd} and {@code kwh}
   * (in either mode: every server is held, and owned, from the start to the end).
   */
  static ServerMeter meter(CostSettings prices, List<Placement> placements) {
    List<Placement> servers = List.copyOf(placements);
    return (s, atNs, cpu, disk) -> {
      double hours = atNs / NS_PER_HOUR;
      Placement p = servers.get(s);
      double kwh = serverKwh(prices, p, cpu, disk, hours);
      double usd = CostModel.usd(prices, new Usage(hours, 1, hours, kwh, 0, 0))
          + CostModel.diskUsd(prices, medium(prices, p), hours);
      return new ServerMeter.Metered(Math.round(usd * MICRO), Math.round(kwh * JOULES_PER_KWH));
    };
  }

  /** The facility energy of server {@code p} over {@code hours} at mean utilizations {@code cpu} and {@code disk}, kWh. */
  private static double serverKwh(CostSettings prices, Placement p, double cpu, double disk, double hours) {
    double watts = PowerModel.defaultsIn(p.dataCenter()).serverWatts(cpu) + medium(prices, p).watts(disk);
    return hours * p.dataCenter().pue() * watts / 1_000;
  }

  private static DiskCost medium(CostSettings prices, Placement p) {
    return p.server().spec().disk() == DiskKind.SSD ? prices.ssd() : prices.hdd();
  }
}
