package geosim.ping;

import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.SimActor;
import geosim.kernel.StreamRandom;
import org.HdrHistogram.Histogram;

/**
 * A server that pings random peers at exponential intervals and answers their pings one at a
 * time (a FIFO single-server queue with exponential service), recording round-trip times.
 */
final class PingServer implements SimActor<PingProtocol> {
  private static final PingProtocol.SendPing TICK = new PingProtocol.SendPing();

  private final PingTopology topology;
  private final int index;
  private long busyUntilNs;
  private Counter sent;
  private Counter answered;
  private Histogram rttUs;
  private Histogram[] rttUsByRegion;

  PingServer(PingTopology topology, int index) {
    this.topology = topology;
    this.index = index;
  }

  @Override
  public void start(ActorContext<PingProtocol> ctx) {
    sent = ctx.metrics().counter("ping.sent");
    answered = ctx.metrics().counter("ping.ok");
    rttUs = ctx.metrics().histogram("ping.rtt-us");
    String from = topology.regionName(topology.regionOf(index));
    rttUsByRegion = new Histogram[topology.regionCount()];
    for (int r = 0; r < rttUsByRegion.length; r++) {
      rttUsByRegion[r] = ctx.metrics().histogram("ping." + from + ">" + topology.regionName(r) + ".rtt-us");
    }
    scheduleNext(ctx);
  }

  @Override
  public void receive(PingProtocol message, ActorContext<PingProtocol> ctx) {
    if (message instanceof PingProtocol.SendPing) {
      onSendPing(ctx);
    } else if (message instanceof PingProtocol.Ping ping) {
      onPing(ping, ctx);
    } else if (message instanceof PingProtocol.Pong pong) {
      onPong(pong, ctx);
    } else {
      throw new IllegalStateException("no handler for " + message.getClass().getName());
    }
  }

  private void onSendPing(ActorContext<PingProtocol> ctx) {
    int peer = topology.choosePeer(index, ctx.random());
    if (peer >= 0) {
      sent.increment();
      ctx.send(topology.server(peer), new PingProtocol.Ping(index, ctx.now()), topology.oneWayNs(index, peer));
    }
    scheduleNext(ctx);
  }

  private void onPing(PingProtocol.Ping ping, ActorContext<PingProtocol> ctx) {
    long start = Math.max(ctx.now(), busyUntilNs);
    busyUntilNs = start + (long) ctx.random().exponential(topology.settings().serviceTimeMeanNs());
    long delay = busyUntilNs - ctx.now() + topology.oneWayNs(index, ping.fromServer());
    ctx.send(topology.server(ping.fromServer()), new PingProtocol.Pong(index, ping.sentAtNs()), delay);
  }

  private void onPong(PingProtocol.Pong pong, ActorContext<PingProtocol> ctx) {
    long rtt = (ctx.now() - pong.sentAtNs()) / 1_000;
    answered.increment();
    rttUs.recordValue(rtt);
    rttUsByRegion[topology.regionOf(pong.toServer())].recordValue(rtt);
  }

  private void scheduleNext(ActorContext<PingProtocol> ctx) {
    StreamRandom random = ctx.random();
    ctx.schedule(TICK, (long) random.exponential(topology.settings().intervalMeanNs()));
  }
}
