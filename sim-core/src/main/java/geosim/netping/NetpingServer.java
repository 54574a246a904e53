package geosim.netping;

import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Seeds;
import geosim.kernel.SimActor;
import org.HdrHistogram.Histogram;

/**
 * A server that pings random peers at exponential intervals and answers pings at once with a
 * pong over the reverse route, recording round-trip times. Its NIC is its one egress port, the
 * first hop of everything it sends.
 */
final class NetpingServer implements SimActor<NetpingProtocol> {
  private static final NetpingProtocol.SendPing TICK = new NetpingProtocol.SendPing();

  private final NetpingNetwork network;
  private final int index;
  private final OutgoingPorts nic;
  private long sequence;
  private Counter sent;
  private Counter messages;
  private Counter answered;
  private Histogram rttUs;
  private Histogram[] rttUsByRegion;

  NetpingServer(NetpingNetwork network, int index, OutgoingPorts nic) {
    this.network = network;
    this.index = index;
    this.nic = nic;
  }

  @Override
  public void start(ActorContext<NetpingProtocol> ctx) {
    nic.start(ctx);
    sent = ctx.metrics().counter(NetpingModel.SENT);
    messages = ctx.metrics().counter(NetpingModel.MESSAGES);
    answered = ctx.metrics().counter(NetpingModel.OK);
    rttUs = ctx.metrics().histogram(NetpingModel.RTT_US);
    String from = network.regionName(network.regionOf(index));
    rttUsByRegion = new Histogram[network.regionCount()];
    for (int r = 0; r < rttUsByRegion.length; r++) {
      rttUsByRegion[r] = ctx.metrics().histogram("netping." + from + ">" + network.regionName(r) + ".rtt-us");
    }
    scheduleNext(ctx);
  }

  @Override
  public void receive(NetpingProtocol message, ActorContext<NetpingProtocol> ctx) {
    if (message instanceof NetpingProtocol.SendPing) {
      onSendPing(ctx);
    } else if (message instanceof NetpingProtocol.Packet packet && packet.arrived()) {
      if (packet.pong()) {
        onPong(packet, ctx);
      } else {
        onPing(packet, ctx);
      }
    } else {
      throw new IllegalStateException("server " + ctx.self().path() + " cannot handle " + message
          + " at t=" + ctx.now() + " ns");
    }
  }

  private void onSendPing(ActorContext<NetpingProtocol> ctx) {
    int peer = network.choosePeer(index, ctx.random());
    if (peer >= 0) {
      long flowId = flowId(index, sequence++);
      sent.increment();
      messages.increment();
      NetpingProtocol.Packet ping = new NetpingProtocol.Packet(
          index, peer, flowId, ctx.now(), false, network.route(index, peer, flowId), 0);
      nic.forward(ping, ctx);
    }
    scheduleNext(ctx);
  }

  private void onPing(NetpingProtocol.Packet ping, ActorContext<NetpingProtocol> ctx) {
    messages.increment();
    NetpingProtocol.Packet pong = new NetpingProtocol.Packet(ping.fromServer(), index, ping.flowId(),
        ping.sentAtNs(), true, network.route(index, ping.fromServer(), ping.flowId()), 0);
    nic.forward(pong, ctx);
  }

  private void onPong(NetpingProtocol.Packet pong, ActorContext<NetpingProtocol> ctx) {
    long rtt = (ctx.now() - pong.sentAtNs()) / 1_000;
    answered.increment();
    rttUs.recordValue(rtt);
    rttUsByRegion[network.regionOf(pong.toServer())].recordValue(rtt);
  }

  private void scheduleNext(ActorContext<NetpingProtocol> ctx) {
    ctx.startTimer(TICK, (long) ctx.random().exponential(network.settings().intervalMeanNs()));
  }

  /** The ECMP flow id of ping number {@code sequence} of server {@code server}: a hash of both. */
  static long flowId(int server, long sequence) {
    return Seeds.mix64(Seeds.mix64(server) ^ sequence);
  }

  OutgoingPorts nic() {
    return nic;
  }
}
