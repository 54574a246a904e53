package geosim.fabric;

import geosim.kernel.ActorContext;
import geosim.kernel.SimActor;

/**
 * A ToR, aggregation or core switch or a WAN router: it puts every frame it receives on the
 * egress port of the frame's next hop. No processing delay (assumption: cut-through switching
 * takes well under a microsecond, small against the 40 us links).
 */
final class FabricSwitch implements SimActor<FabricMessage> {
  private final Ports ports;

  FabricSwitch(Ports ports) {
    this.ports = ports;
  }

  @Override
  public void start(ActorContext<FabricMessage> ctx) {
    ports.start(ctx);
  }

  @Override
  public void receive(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof Frame frame && !frame.arrived()) {
      ports.forward(frame, ctx);
    } else if (message instanceof PortsMessage m) {
      ports.receive(m, ctx);
    } else {
      throw new IllegalStateException("switch " + ctx.self().path() + " cannot handle " + message
          + " at t=" + ctx.now() + " ns");
    }
  }

  Ports ports() {
    return ports;
  }
}
