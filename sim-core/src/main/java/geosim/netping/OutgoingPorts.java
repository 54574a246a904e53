package geosim.netping;

import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.network.EgressPort;
import geosim.network.Hop;
import geosim.network.PortUsage;
import geosim.network.Transmission;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The egress ports of one actor (a server's NIC, or a switch's ports), keyed by link id, and
 * the one thing they do: put a message on its next hop. Private to the actor that owns it.
 */
final class OutgoingPorts {
  private final NetpingNetwork network;
  private final SortedMap<Integer, EgressPort> portsByLink;
  private Counter hops;
  private Counter dropped;

  OutgoingPorts(NetpingNetwork network, SortedMap<Integer, EgressPort> portsByLink) {
    this.network = network;
    this.portsByLink = new TreeMap<>(portsByLink);
  }

  /** Looks up the counters; call from the owner's {@code start}. */
  void start(ActorContext<?> ctx) {
    hops = ctx.metrics().counter(NetpingModel.HOPS);
    dropped = ctx.metrics().counter(NetpingModel.DROPPED);
  }

  /**
   * Offers {@code packet} to the port of its next hop at {@code ctx.now()} and sends it on to
   * the far end, to arrive when its last bit does; counts it dropped when the buffer is full or
   * the port has no capacity left (a stalled message is lost).
   *
   * @return true when the message is on its way
   * @throws IllegalStateException when this actor has no port for the packet's next hop
   */
  boolean forward(NetpingProtocol.Packet packet, ActorContext<?> ctx) {
    Hop hop = packet.route().hops().get(packet.hop());
    EgressPort port = portsByLink.get(hop.linkId());
    if (port == null) {
      throw new IllegalStateException("no egress port for " + hop.link() + " at t=" + ctx.now() + " ns");
    }
    hops.increment();
    Transmission t = port.send(ctx.now(), network.settings().messageBytes());
    if (!t.delivered() || t.stalled()) {
      dropped.increment();
      return false;
    }
    ctx.send(network.target(hop.linkId()), packet.next(), t.arrivalNs() - ctx.now());
    return true;
  }

  /**
   * The largest share of its capacity any of these ports spent sending foreground messages
   * over {@code [0, endNs]}, 0 to 1; 0 for {@code endNs = 0}.
   */
  double utilizationMax(long endNs) {
    double max = 0;
    for (EgressPort port : portsByLink.values()) {
      PortUsage start = new PortUsage(0, 0, 0, port.bandwidthBps());
      max = Math.max(max, port.usage(endNs).foregroundUtilizationSince(start));
    }
    return max;
  }
}
