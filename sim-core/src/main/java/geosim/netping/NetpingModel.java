package geosim.netping;

import geosim.kernel.ActorRef;
import geosim.kernel.Kernel;
import geosim.kernel.PartitionBy;
import geosim.network.EgressPort;
import geosim.network.LinkChange;
import geosim.network.LinkSchedule;
import geosim.network.LinkTier;
import geosim.network.NetworkDefaults;
import geosim.network.NetworkSettings;
import geosim.node.Cpu;
import geosim.node.PowerModel;
import geosim.topology.Link;
import geosim.topology.Placement;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The netping model on a kernel: one actor per server (path {@code Placement.path()}) owning
 * its NIC's egress port, and one per switch or WAN router (paths from {@code ActorPaths})
 * owning an egress port per outgoing link. Servers ping random peers; messages move hop by
 * hop, each hop costing its port's queueing, serialization and propagation.
 *
 * <pre>{@code
 * long lookahead = NetpingModel.lookaheadNs(topology, PartitionBy.REGION, durationNs);
 * NetpingModel model = NetpingModel.populate(topology, settings, NetworkSettings.CITED, builder);
 * }</pre>
 */
public final class NetpingModel {
  /** Counter: pings sent. */
  public static final String SENT = "netping.sent";
  /** Counter: pongs received (round trips completed). */
  public static final String OK = "netping.ok";
  /** Counter: pings and pongs lost at a full (or stalled) egress port. */
  public static final String DROPPED = "netping.dropped";
  /** Counter: pings and pongs lost because the next link was cut. */
  public static final String LOST_AT_CUT = "netping.lost-at-cut";
  /** Counter: pings and pongs put into the network. */
  public static final String MESSAGES = "netping.messages";
  /** Counter: messages offered to an egress port (one per hop attempted). */
  public static final String HOPS = "netping.hops";
  /** Counter: core-nanoseconds servers' CPUs spent answering pings, up to the last snapshot. */
  public static final String CPU_BUSY_CORE_NS = "netping.cpu-busy-core-ns";
  /** Histogram: round-trip times in microseconds; also per region pair as {@code netping.<from>><to>.rtt-us}. */
  public static final String RTT_US = "netping.rtt-us";

  private final List<OutgoingPorts> allPorts;
  private final List<NetpingServer> servers;
  private final List<PowerModel> power;
  private final LinkSchedule schedule;

  private NetpingModel(List<OutgoingPorts> allPorts, List<NetpingServer> servers, List<PowerModel> power,
      LinkSchedule schedule) {
    this.allPorts = List.copyOf(allPorts);
    this.servers = List.copyOf(servers);
    this.power = List.copyOf(power);
    this.schedule = schedule;
  }

  /** Histogram of each link's utilization per snapshot interval, parts per million, by tier: {@code link.tor-agg.utilization-ppm}. */
  public static String linkUtilizationMetric(LinkTier tier) {
    return "link." + tier.configName() + ".utilization-ppm";
  }

  /** Histogram of each server's CPU utilization per snapshot interval, parts per million, by region: {@code cpu.us-east.utilization-ppm}. */
  public static String cpuUtilizationMetric(String region) {
    return "cpu." + region + ".utilization-ppm";
  }

  /**
   * The smallest delay of a message between two partition units at level {@code by}: every hop
   * takes at least its link's propagation and at least 1 ns of serialization, so the smallest
   * propagation of a link whose ends lie in different units (at least 1 ns); {@code durationNs}
   * when no link crosses units.
   */
  public static long lookaheadNs(Topology topology, PartitionBy by, long durationNs) {
    long min = Long.MAX_VALUE;
    for (Link link : topology.links()) {
      if (!by.unitOf(link.from()).equals(by.unitOf(link.to()))) min = Math.min(min, link.spec().latencyNs());
    }
    return min == Long.MAX_VALUE ? Math.max(1, durationNs) : Math.max(1, min);
  }

  /**
   * Registers every server and switch of {@code topology} with {@code builder}; the network's
   * background flows and cuts are worked out here ({@link LinkSchedule}) and each port owner
   * applies its own links' changes.
   */
  public static NetpingModel populate(
      Topology topology, NetpingSettings settings, NetworkSettings networkSettings, Kernel.Builder builder) {
    NetpingNetwork network = new NetpingNetwork(topology, settings);
    LinkSchedule schedule = networkSettings.schedule(network.routes());
    SortedMap<String, SortedMap<Integer, EgressPort>> portsByActor =
        portsByActor(network.links(), networkSettings.defaults());
    Map<String, List<LinkChange>> changesByActor = changesByActor(network.links(), schedule);
    Map<String, ActorRef<NetpingProtocol>> refs = new TreeMap<>();
    List<OutgoingPorts> allPorts = new ArrayList<>();
    List<NetpingServer> servers = new ArrayList<>();
    List<PowerModel> power = new ArrayList<>();
    List<Placement> placements = topology.servers();
    for (int s = 0; s < network.serverCount(); s++) {
      String path = network.serverPath(s);
      OutgoingPorts nic = new OutgoingPorts(network, portsByActor.remove(path), changesOf(changesByActor, path));
      NetpingServer server = new NetpingServer(network, s, nic, placements.get(s).server().spec().cores());
      refs.put(path, builder.spawn(path, server));
      allPorts.add(nic);
      servers.add(server);
      power.add(PowerModel.defaultsIn(placements.get(s).dataCenter()));
    }
    for (Map.Entry<String, SortedMap<Integer, EgressPort>> e : portsByActor.entrySet()) {
      OutgoingPorts ports = new OutgoingPorts(network, e.getValue(), changesOf(changesByActor, e.getKey()));
      refs.put(e.getKey(), builder.spawn(e.getKey(), new NetpingSwitch(ports)));
      allPorts.add(ports);
    }
    List<Link> links = network.links();
    for (int id = 0; id < links.size(); id++) network.registerTarget(id, refs.get(links.get(id).to()));
    return new NetpingModel(allPorts, servers, power, schedule);
  }

  /** Each sending end's ports, by its path, then by link id; sorted, so spawning order is fixed. */
  private static SortedMap<String, SortedMap<Integer, EgressPort>> portsByActor(
      List<Link> links, NetworkDefaults defaults) {
    SortedMap<String, SortedMap<Integer, EgressPort>> byActor = new TreeMap<>();
    for (int id = 0; id < links.size(); id++) {
      Link link = links.get(id);
      byActor.computeIfAbsent(link.from(), k -> new TreeMap<>()).put(id, defaults.portFor(link));
    }
    return byActor;
  }

  /** The schedule's changes grouped by the actor that owns each link's egress port, in schedule order. */
  private static Map<String, List<LinkChange>> changesByActor(List<Link> links, LinkSchedule schedule) {
    Map<String, List<LinkChange>> byActor = new HashMap<>(); // looked up, never iterated
    for (LinkChange change : schedule.changes()) {
      byActor.computeIfAbsent(links.get(change.linkId()).from(), k -> new ArrayList<>()).add(change);
    }
    return byActor;
  }

  private static List<LinkChange> changesOf(Map<String, List<LinkChange>> byActor, String path) {
    return byActor.getOrDefault(path, List.of());
  }

  /**
   * The largest share of capacity any egress port spent on foreground messages and background
   * flows together over {@code [0, endNs]}, 0 to 1. Call after the run, with its end time.
   */
  public double linkUtilizationMax(long endNs) {
    double max = 0;
    for (OutgoingPorts ports : allPorts) max = Math.max(max, ports.utilizationMax(endNs));
    return max;
  }

  /** Each server's CPU utilization over {@code [0, endNs]}, in {@code Topology.servers()} order. Call after the run. */
  public double[] serverCpuUtilization(long endNs) {
    double[] utilization = new double[servers.size()];
    if (endNs <= 0) return utilization;
    for (int s = 0; s < utilization.length; s++) {
      Cpu cpu = servers.get(s).cpu();
      utilization[s] = Cpu.utilization(cpu.busyCoreNs(endNs), cpu.cores(), endNs);
    }
    return utilization;
  }

  /**
   * Facility energy of the servers over {@code [0, endNs]}, kWh: each server's power from its
   * CPU utilization (idle + (peak - idle) x utilization) times its data center's PUE. Switches
   * are not counted. Call after the run.
   */
  public double serverFacilityEnergyKwh(long endNs) {
    double kwh = 0;
    if (endNs <= 0) return kwh;
    for (int s = 0; s < servers.size(); s++) {
      Cpu cpu = servers.get(s).cpu();
      kwh += power.get(s).facilityEnergyKwh(cpu.busyCoreNs(endNs), cpu.cores(), endNs);
    }
    return kwh;
  }

  /** The background flows and cuts as worked out for this run. */
  public LinkSchedule schedule() {
    return schedule;
  }
}
