package geosim.netping;

import geosim.kernel.ActorContext;
import geosim.kernel.SimActor;

/**
 * A ToR, aggregation or core switch or a WAN router: it puts every message it receives on the
 * egress port of the message's next hop. No processing delay (assumption: cut-through switching
 * takes well under a microsecond, small against the 40 us links).
 */
final class NetpingSwitch implements SimActor<NetpingProtocol> {
  private final OutgoingPorts ports;

  NetpingSwitch(OutgoingPorts ports) {
    this.ports = ports;
  }

  @Override
  public void start(ActorContext<NetpingProtocol> ctx) {
    ports.start(ctx);
  }

  @Override
  public void receive(NetpingProtocol message, ActorContext<NetpingProtocol> ctx) {
    if (message instanceof NetpingProtocol.Packet packet && !packet.arrived()) {
      ports.forward(packet, ctx);
    } else if (message instanceof NetpingProtocol.LinkChangesDue) {
      ports.applyDue(ctx);
    } else {
      throw new IllegalStateException("switch " + ctx.self().path() + " cannot handle " + message
          + " at t=" + ctx.now() + " ns");
    }
  }

  OutgoingPorts ports() {
    return ports;
  }
}
