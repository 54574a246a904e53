package geosim.netping;

import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Seeds;
import geosim.kernel.SimActor;
import geosim.node.Cpu;
import org.HdrHistogram.Histogram;

/**
 * A server that pings random peers at exponential intervals and answers each ping with a pong
 * over the reverse route once its CPU has handled it (an exponential demand, first come first
 * served on its cores), recording round-trip times. Its NIC is its one egress port, the first
 * hop of everything it sends.
 */
final class NetpingServer implements SimActor<NetpingProtocol> {
  private static final NetpingProtocol.SendPing TICK = new NetpingProtocol.SendPing();

  private final NetpingNetwork network;
  private final int index;
  private final OutgoingPorts nic;
  private final Cpu cpu;
  private long sequence;
  private long sampledBusyCoreNs;
  private long sampledAtNs;
  private Counter sent;
  private Counter messages;
  private Counter answered;
  private Counter busyCoreNs;
  private Histogram rttUs;
  private Histogram[] rttUsByRegion;

  NetpingServer(NetpingNetwork network, int index, OutgoingPorts nic, int cores) {
    this.network = network;
    this.index = index;
    this.nic = nic;
    this.cpu = new Cpu(cores);
  }

  @Override
  public void start(ActorContext<NetpingProtocol> ctx) {
    nic.start(ctx);
    sent = ctx.metrics().counter(NetpingModel.SENT);
    messages = ctx.metrics().counter(NetpingModel.MESSAGES);
    answered = ctx.metrics().counter(NetpingModel.OK);
    busyCoreNs = ctx.metrics().counter(NetpingModel.CPU_BUSY_CORE_NS);
    rttUs = ctx.metrics().histogram(NetpingModel.RTT_US);
    String from = network.regionName(network.regionOf(index));
    rttUsByRegion = new Histogram[network.regionCount()];
    for (int r = 0; r < rttUsByRegion.length; r++) {
      rttUsByRegion[r] = ctx.metrics().histogram("netping." + from + ">" + network.regionName(r) + ".rtt-us");
    }
    Histogram cpuPpm = ctx.metrics().histogram(NetpingModel.cpuUtilizationMetric(from));
    ctx.metrics().sampleAtSnapshots(atNs -> sampleCpu(atNs, cpuPpm));
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
    } else if (message instanceof NetpingProtocol.Reply reply) {
      sendPong(reply.ping(), ctx);
    } else if (message instanceof NetpingProtocol.LinkChangesDue) {
      nic.applyDue(ctx);
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

  /** A ping arrived: the CPU handles it, then the pong goes back. */
  private void onPing(NetpingProtocol.Packet ping, ActorContext<NetpingProtocol> ctx) {
    long mean = network.settings().serviceTimeMeanNs();
    if (mean == 0) {
      sendPong(ping, ctx);
      return;
    }
    long demand = (long) ctx.random().exponential(mean);
    long done = cpu.submit(ctx.now(), demand);
    ctx.startTimer(new NetpingProtocol.Reply(ping), done - ctx.now());
  }

  private void sendPong(NetpingProtocol.Packet ping, ActorContext<NetpingProtocol> ctx) {
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

  /** The CPU's utilization since the previous snapshot, in parts per million; its busy time into the counter. */
  private void sampleCpu(long atNs, Histogram ppm) {
    long busy = cpu.busyCoreNs(atNs);
    busyCoreNs.add(busy - sampledBusyCoreNs);
    if (atNs > sampledAtNs) {
      double share = Cpu.utilization(busy - sampledBusyCoreNs, cpu.cores(), atNs - sampledAtNs);
      ppm.recordValue(Math.round(share * 1_000_000));
    }
    sampledBusyCoreNs = busy;
    sampledAtNs = atNs;
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

  Cpu cpu() {
    return cpu;
  }
}
