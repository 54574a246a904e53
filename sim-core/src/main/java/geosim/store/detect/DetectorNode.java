package geosim.store.detect;

import geosim.fabric.Fabric;
import geosim.fabric.FabricMessage;
import geosim.fabric.Frame;
import geosim.fabric.PortsMessage;
import geosim.fabric.Ports;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Seeds;
import geosim.kernel.SimActor;
import geosim.store.gossip.Envelope;
import geosim.store.gossip.GossipRoster;
import geosim.store.gossip.Gossiper;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A server that gossips every interval over the fabric, starting at a random phase. The victim
 * crashes at a known time: it stops its rounds and drops what it receives. Every other node
 * records, at its first conviction of the victim after the crash, the detection time and its
 * detector's mean inter-arrival time then; a conviction of any live node counts as false.
 */
final class DetectorNode implements SimActor<FabricMessage> {
  private final Fabric fabric;
  private final DetectorSettings settings;
  private final int index;
  private final Ports nic;
  private final Gossiper gossiper;
  private final String victim;
  private final GossipRoster roster;
  private boolean crashed;
  private boolean detected;
  private Counter detections;
  private Counter detectionNsSum;
  private Counter meanIntervalNsSum;
  private Counter silenceNsSum;
  private Counter falseConvictions;
  private Histogram detectionMs;

  /** @param roster every server's index by path; shared, read-only */
  DetectorNode(Fabric fabric, DetectorSettings settings, int index, Ports nic, Gossiper gossiper, String victim,
      GossipRoster roster) {
    this.fabric = fabric;
    this.settings = settings;
    this.index = index;
    this.nic = nic;
    this.gossiper = gossiper;
    this.victim = victim;
    this.roster = roster;
  }

  @Override
  public void start(ActorContext<FabricMessage> ctx) {
    nic.start(ctx);
    detections = ctx.metrics().counter(DetectorModel.DETECTIONS);
    detectionNsSum = ctx.metrics().counter(DetectorModel.DETECTION_NS_SUM);
    meanIntervalNsSum = ctx.metrics().counter(DetectorModel.MEAN_INTERVAL_NS_SUM);
    silenceNsSum = ctx.metrics().counter(DetectorModel.SILENCE_NS_SUM);
    falseConvictions = ctx.metrics().counter(DetectorModel.FALSE_CONVICTIONS);
    detectionMs = ctx.metrics().histogram(DetectorModel.DETECTION_MS);
    ctx.schedule(new DetectorProtocol.Round(), (long) (ctx.random().nextDouble() * settings.gossipIntervalNs()));
    if (gossiper.self().equals(victim)) ctx.schedule(new DetectorProtocol.Crash(), settings.crashAtNs());
  }

  @Override
  public void receive(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof DetectorProtocol.Round) {
      onRound(ctx);
    } else if (message instanceof Frame frame && frame.arrived() && frame.payload() instanceof DetectorProtocol.Gossip g) {
      if (!crashed) send(gossiper.receive(g.message(), ctx.now()), ctx);
    } else if (message instanceof DetectorProtocol.Crash) {
      crashed = true;
    } else if (message instanceof PortsMessage m) {
      nic.receive(m, ctx);
    } else {
      throw new IllegalStateException("detector node " + ctx.self().path() + " cannot handle " + message
          + " at t=" + ctx.now() + " ns");
    }
  }

  private void onRound(ActorContext<FabricMessage> ctx) {
    if (crashed) return;
    long now = ctx.now();
    long before = gossiper.convictionCount();
    send(gossiper.tick(now, ctx.random()), ctx);
    long convicted = gossiper.convictionCount() - before;
    if (convicted > 0 && !detected && now >= settings.crashAtNs() && gossiper.isUnreachable(victim)) {
      detected = true;
      convicted--;
      long detectionNs = now - settings.crashAtNs();
      detections.increment();
      detectionNsSum.add(detectionNs);
      detectionMs.recordValue(detectionNs / 1_000_000);
      meanIntervalNsSum.add(Math.round(gossiper.meanHeartbeatIntervalNs(victim)));
      silenceNsSum.add(now - gossiper.lastHeartbeatNs(victim));
    }
    falseConvictions.add(convicted);
    ctx.schedule(new DetectorProtocol.Round(), settings.gossipIntervalNs());
  }

  private void send(List<Envelope> envelopes, ActorContext<FabricMessage> ctx) {
    for (Envelope e : envelopes) {
      int to = roster.indexOf(e.to());
      DetectorProtocol.Gossip payload = new DetectorProtocol.Gossip(e.message());
      long flowId = Seeds.mix64(((long) index << 32) ^ to);
      nic.forward(Frame.start(fabric.route(index, to, flowId), payload.sizeBytes(), payload), ctx);
    }
  }
}
