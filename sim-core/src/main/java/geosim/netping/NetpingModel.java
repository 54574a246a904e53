package geosim.netping;

import geosim.fabric.Fabric;
import geosim.kernel.Kernel;
import geosim.network.LinkSchedule;
import geosim.network.NetworkSettings;
import geosim.node.Cpu;
import geosim.node.PowerModel;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The netping model on the fabric: every server of the topology is a {@link NetpingServer}
 * that pings random peers; messages move hop by hop through the {@link Fabric}, each hop costing
 * its port's queueing, serialization and propagation.
 *
 * <pre>{@code
 * long lookahead = Fabric.lookaheadNs(topology, PartitionBy.REGION, durationNs);
 * NetpingModel model = NetpingModel.populate(topology, settings, NetworkSettings.CITED, builder);
 * }</pre>
 */
public final class NetpingModel {
  /** Counter: pings sent. */
  public static final String SENT = "netping.sent";
  /** Counter: pongs received (round trips completed). */
  public static final String OK = "netping.ok";
  /** Counter: pings and pongs put into the network. */
  public static final String MESSAGES = "netping.messages";
  /** Counter: core-nanoseconds servers' CPUs spent answering pings, up to the last snapshot. */
  public static final String CPU_BUSY_CORE_NS = "netping.cpu-busy-core-ns";
  /** Histogram: round-trip times in microseconds; also per region pair as {@code netping.<from>><to>.rtt-us}. */
  public static final String RTT_US = "netping.rtt-us";

  private final Fabric fabric;
  private final List<NetpingServer> servers;
  private final List<PowerModel> power;

  private NetpingModel(Fabric fabric, List<NetpingServer> servers, List<PowerModel> power) {
    this.fabric = fabric;
    this.servers = List.copyOf(servers);
    this.power = List.copyOf(power);
  }

  /** Histogram of each server's CPU utilization per snapshot interval, parts per million, by region: {@code cpu.us-east.utilization-ppm}. */
  public static String cpuUtilizationMetric(String region) {
    return "cpu." + region + ".utilization-ppm";
  }

  /** Registers a netping server for every server of {@code topology}, and the fabric's switches, with {@code builder}. */
  public static NetpingModel populate(
      Topology topology, NetpingSettings settings, NetworkSettings network, Kernel.Builder builder) {
    List<NetpingServer> servers = new ArrayList<>();
    List<PowerModel> power = new ArrayList<>();
    Fabric fabric = Fabric.populate(topology, network, builder, (f, index, placement, nic) -> {
      NetpingServer server = new NetpingServer(f, settings, index, nic, placement.server().spec().cores());
      servers.add(server);
      power.add(PowerModel.defaultsIn(placement.dataCenter()));
      return server;
    });
    return new NetpingModel(fabric, servers, power);
  }

  public Fabric fabric() {
    return fabric;
  }

  /**
   * Each server's CPU utilization over {@code [0, endNs]}, in {@code Topology.servers()} order; 0
   * for servers not {@code owned}. Call after the run.
   */
  public double[] serverCpuUtilization(long endNs, IntPredicate owned) {
    double[] utilization = new double[servers.size()];
    if (endNs <= 0) return utilization;
    for (int s = 0; s < utilization.length; s++) {
      if (!owned.test(s)) continue;
      Cpu cpu = servers.get(s).cpu();
      utilization[s] = Cpu.utilization(cpu.busyCoreNs(endNs), cpu.cores(), endNs);
    }
    return utilization;
  }

  /**
   * Facility energy of the servers over {@code [0, endNs]}, kWh: each server's power from its
   * CPU utilization over the run ({@code utilization}, as {@link #serverCpuUtilization} gives it;
   * idle + (peak - idle) x utilization) times its data center's PUE. Switches are not counted.
   */
  public double serverFacilityEnergyKwh(double[] utilization, long endNs) {
    double kwh = 0;
    if (endNs <= 0) return kwh;
    for (int s = 0; s < servers.size(); s++) kwh += power.get(s).facilityEnergyKwh(utilization[s], endNs);
    return kwh;
  }

  /** The background flows and cuts as worked out for this run. */
  public LinkSchedule schedule() {
    return fabric.schedule();
  }
}
