package geosim.netping;

import geosim.fabric.Fabric;
import geosim.fabric.FabricMessage;
import geosim.fabric.Frame;
import geosim.fabric.PortsMessage;
import geosim.fabric.Ports;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Seeds;
import geosim.kernel.SimActor;
import geosim.node.Cpu;
import org.HdrHistogram.Histogram;

/**
 * A server that pings random peers at exponential intervals and answers each ping with a pong
 * over the reverse route (the same flow id) once its CPU has handled it (an exponential demand, first come first
 * served on its cores), recording round-trip times. Its NIC is its one egress port, the first
 * hop of everything it sends.
 */
final class NetpingServer implements SimActor<FabricMessage> {
  private static final NetpingProtocol.SendPing TICK = new NetpingProtocol.SendPing();

  private final Fabric fabric;
  private final NetpingSettings settings;
  private final int index;
  private final Ports nic;
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

  NetpingServer(Fabric fabric, NetpingSettings settings, int index, Ports nic, int cores) {
    this.fabric = fabric;
    this.settings = settings;
    this.index = index;
    this.nic = nic;
    this.cpu = new Cpu(cores);
  }

  @Override
  public void start(ActorContext<FabricMessage> ctx) {
    nic.start(ctx);
    sent = ctx.metrics().counter(NetpingModel.SENT);
    messages = ctx.metrics().counter(NetpingModel.MESSAGES);
    answered = ctx.metrics().counter(NetpingModel.OK);
    busyCoreNs = ctx.metrics().counter(NetpingModel.CPU_BUSY_CORE_NS);
    rttUs = ctx.metrics().histogram(NetpingModel.RTT_US);
    String from = fabric.regionName(fabric.regionOf(index));
    rttUsByRegion = new Histogram[fabric.regionCount()];
    for (int r = 0; r < rttUsByRegion.length; r++) {
      rttUsByRegion[r] = ctx.metrics().histogram("netping." + from + ">" + fabric.regionName(r) + ".rtt-us");
    }
    Histogram cpuPpm = ctx.metrics().histogram(NetpingModel.cpuUtilizationMetric(from));
    ctx.metrics().sampleAtSnapshots(atNs -> sampleCpu(atNs, cpuPpm));
    scheduleNext(ctx);
  }

  @Override
  public void receive(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof NetpingProtocol.SendPing) {
      onSendPing(ctx);
    } else if (message instanceof Frame frame && frame.arrived() && frame.payload() instanceof NetpingProtocol.Ping ping) {
      if (ping.pong()) {
        onPong(ping, ctx);
      } else {
        onPing(ping, ctx);
      }
    } else if (message instanceof NetpingProtocol.Reply reply) {
      sendPong(reply.ping(), ctx);
    } else if (message instanceof PortsMessage m) {
      nic.receive(m, ctx);
    } else {
      throw new IllegalStateException("server " + ctx.self().path() + " cannot handle " + message
          + " at t=" + ctx.now() + " ns");
    }
  }

  private void onSendPing(ActorContext<FabricMessage> ctx) {
    int peer = fabric.choosePeer(index, settings.remoteFraction(), ctx.random());
    if (peer >= 0) {
      long flowId = flowId(index, sequence++);
      sent.increment();
      messages.increment();
      NetpingProtocol.Ping ping = new NetpingProtocol.Ping(index, peer, flowId, ctx.now(), false);
      nic.forward(Frame.start(fabric.route(index, peer, flowId), settings.messageBytes(), ping), ctx);
    }
    scheduleNext(ctx);
  }

  /** A ping arrived: the CPU handles it, then the pong goes back. */
  private void onPing(NetpingProtocol.Ping ping, ActorContext<FabricMessage> ctx) {
    long mean = settings.serviceTimeMeanNs();
    if (mean == 0) {
      sendPong(ping, ctx);
      return;
    }
    long demand = (long) ctx.random().exponential(mean);
    long done = cpu.submit(ctx.now(), demand);
    ctx.schedule(new NetpingProtocol.Reply(ping), done - ctx.now());
  }

  private void sendPong(NetpingProtocol.Ping ping, ActorContext<FabricMessage> ctx) {
    messages.increment();
    Frame pong = Frame.start(fabric.route(index, ping.fromServer(), ping.flowId()), settings.messageBytes(), ping.answer());
    nic.forward(pong, ctx);
  }

  private void onPong(NetpingProtocol.Ping pong, ActorContext<FabricMessage> ctx) {
    long rtt = (ctx.now() - pong.sentAtNs()) / 1_000;
    answered.increment();
    rttUs.recordValue(rtt);
    rttUsByRegion[fabric.regionOf(pong.toServer())].recordValue(rtt);
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

  private void scheduleNext(ActorContext<FabricMessage> ctx) {
    ctx.schedule(TICK, (long) ctx.random().exponential(settings.intervalMeanNs()));
  }

  /** The ECMP flow id of ping number {@code sequence} of server {@code server}: a hash of both. */
  static long flowId(int server, long sequence) {
    return Seeds.mix64(Seeds.mix64(server) ^ sequence);
  }

  Cpu cpu() {
    return cpu;
  }
}
