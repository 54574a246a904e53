package geosim.netping;

import geosim.kernel.ActorRef;
import geosim.kernel.Kernel;
import geosim.kernel.PartitionBy;
import geosim.network.EgressPort;
import geosim.network.NetworkDefaults;
import geosim.topology.Link;
import geosim.topology.Topology;
import java.util.ArrayList;
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
 * NetpingModel model = NetpingModel.populate(topology, settings, NetworkDefaults.CITED, builder);
 * }</pre>
 */
public final class NetpingModel {
  /** Counter: pings sent. */
  public static final String SENT = "netping.sent";
  /** Counter: pongs received (round trips completed). */
  public static final String OK = "netping.ok";
  /** Counter: pings and pongs lost at a full (or stalled) egress port. */
  public static final String DROPPED = "netping.dropped";
  /** Counter: pings and pongs put into the network. */
  public static final String MESSAGES = "netping.messages";
  /** Counter: messages offered to an egress port (one per hop attempted). */
  public static final String HOPS = "netping.hops";
  /** Histogram: round-trip times in microseconds; also per region pair as {@code netping.<from>><to>.rtt-us}. */
  public static final String RTT_US = "netping.rtt-us";

  private final List<OutgoingPorts> allPorts;

  private NetpingModel(List<OutgoingPorts> allPorts) {
    this.allPorts = List.copyOf(allPorts);
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

  /** Registers every server and switch of {@code topology} with {@code builder}. */
  public static NetpingModel populate(
      Topology topology, NetpingSettings settings, NetworkDefaults defaults, Kernel.Builder builder) {
    NetpingNetwork network = new NetpingNetwork(topology, settings);
    SortedMap<String, SortedMap<Integer, EgressPort>> portsByActor = portsByActor(network.links(), defaults);
    Map<String, ActorRef<NetpingProtocol>> refs = new TreeMap<>();
    List<OutgoingPorts> allPorts = new ArrayList<>();
    for (int s = 0; s < network.serverCount(); s++) {
      String path = network.serverPath(s);
      OutgoingPorts nic = new OutgoingPorts(network, portsByActor.remove(path));
      refs.put(path, builder.spawn(path, new NetpingServer(network, s, nic)));
      allPorts.add(nic);
    }
    for (Map.Entry<String, SortedMap<Integer, EgressPort>> e : portsByActor.entrySet()) {
      OutgoingPorts ports = new OutgoingPorts(network, e.getValue());
      refs.put(e.getKey(), builder.spawn(e.getKey(), new NetpingSwitch(ports)));
      allPorts.add(ports);
    }
    List<Link> links = network.links();
    for (int id = 0; id < links.size(); id++) network.registerTarget(id, refs.get(links.get(id).to()));
    return new NetpingModel(allPorts);
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

  /**
   * The largest share of capacity any egress port spent on foreground messages (busy time at
   * full rate / run time) over {@code [0, endNs]}, 0 to 1. Call after the run, with its end time.
   */
  public double linkUtilizationMax(long endNs) {
    double max = 0;
    for (OutgoingPorts ports : allPorts) max = Math.max(max, ports.utilizationMax(endNs));
    return max;
  }
}
