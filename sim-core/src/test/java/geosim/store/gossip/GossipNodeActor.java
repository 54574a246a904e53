package geosim.store.gossip;

import geosim.kernel.ActorContext;
import geosim.kernel.ActorRef;
import geosim.kernel.Counter;
import geosim.kernel.Metrics;
import geosim.kernel.SimActor;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Test-only: one node that gossips every interval with a fixed message delay, as the store's
 * server actor will. Every node watches one {@code victim}, which crashes at {@code crashAtNs}:
 * a crashed node drops what it receives and stops its rounds. Each observer records, as
 * counters named in {@link GossipCluster}: the intervals between news of the victim before the
 * crash, and at its first conviction of the victim after the crash the detection time, its
 * detector's mean, the time of its last news and the time φ crossed the threshold.
 */
final class GossipNodeActor implements SimActor<NodeProtocol> {
  private final Gossiper gossiper;
  private final Map<String, ActorRef<NodeProtocol>> directory;
  private final GossipCluster.Setup setup;
  private final boolean isVictim;
  private boolean crashed;
  private boolean detected;
  private long lastRoundNs;
  private Counters counters;
  private Histogram detectionUs;

  /** @param directory every node's ref by name; filled before the run starts, read-only after */
  GossipNodeActor(Gossiper gossiper, Map<String, ActorRef<NodeProtocol>> directory, GossipCluster.Setup setup) {
    this.gossiper = gossiper;
    this.directory = directory;
    this.setup = setup;
    this.isVictim = gossiper.self().equals(setup.victim());
  }

  @Override
  public void start(ActorContext<NodeProtocol> ctx) {
    counters = new Counters(ctx.metrics());
    detectionUs = ctx.metrics().histogram(GossipCluster.DETECTION_US);
    long intervalNs = gossiper.settings().intervalNs();
    // Nodes start at independent, uniformly random phases of the gossip interval.
    ctx.startTimer(new NodeProtocol.Round(), (long) (ctx.random().nextDouble() * intervalNs));
    if (isVictim) ctx.startTimer(new NodeProtocol.Crash(), setup.crashAtNs());
  }

  @Override
  public void receive(NodeProtocol message, ActorContext<NodeProtocol> ctx) {
    if (message instanceof NodeProtocol.Round) {
      onRound(ctx);
    } else if (message instanceof NodeProtocol.Inbound inbound) {
      onInbound(inbound, ctx);
    } else if (message instanceof NodeProtocol.Crash) {
      crashed = true;
      counters.victimLastRoundNs.add(lastRoundNs);
    } else {
      throw new IllegalStateException("no handler for " + message.getClass().getName());
    }
  }

  private void onRound(ActorContext<NodeProtocol> ctx) {
    if (crashed) return;
    long now = ctx.now();
    lastRoundNs = now;
    long convictionsBefore = gossiper.convictionCount();
    send(gossiper.tick(now, ctx.random()), ctx);
    long newConvictions = gossiper.convictionCount() - convictionsBefore;
    if (newConvictions > 0 && now >= setup.crashAtNs() && !detected && gossiper.isUnreachable(setup.victim())) {
      recordDetection(now);
      newConvictions--;
    }
    counters.falseConvictions.add(newConvictions);
    ctx.startTimer(new NodeProtocol.Round(), gossiper.settings().intervalNs());
  }

  private void onInbound(NodeProtocol.Inbound inbound, ActorContext<NodeProtocol> ctx) {
    if (crashed) return;
    long now = ctx.now();
    long before = gossiper.lastHeartbeatNs(setup.victim());
    List<Envelope> out = gossiper.receive(inbound.message(), now);
    long after = gossiper.lastHeartbeatNs(setup.victim());
    if (after != before && before >= setup.measureFromNs() && now < setup.crashAtNs()) {
      counters.updateIntervals.increment();
      counters.updateIntervalNsSum.add(after - before);
      if (after - before > gossiper.settings().maxIntervalNs()) {
        counters.updateGapsOverMax.increment();
      } else {
        counters.updateIntervalRecordedNsSum.add(after - before);
      }
    }
    send(out, ctx);
  }

  private void recordDetection(long nowNs) {
    detected = true;
    String victim = setup.victim();
    counters.detections.increment();
    counters.detectionNsSum.add(nowNs - setup.crashAtNs());
    detectionUs.recordValue((nowNs - setup.crashAtNs()) / 1_000);
    counters.windowMeanNsSum.add(Math.round(gossiper.meanHeartbeatIntervalNs(victim)));
    counters.lastNewsNsSum.add(gossiper.lastHeartbeatNs(victim));
    counters.crossingNsSum.add(gossiper.convictionTimeNs(victim));
  }

  private void send(List<Envelope> envelopes, ActorContext<NodeProtocol> ctx) {
    for (Envelope e : envelopes) {
      ctx.send(directory.get(e.to()), new NodeProtocol.Inbound(e.message()), setup.delayNs());
    }
  }

  /** The counters this actor adds to, looked up once. */
  private static final class Counters {
    final Counter detections;
    final Counter detectionNsSum;
    final Counter windowMeanNsSum;
    final Counter lastNewsNsSum;
    final Counter crossingNsSum;
    final Counter updateIntervals;
    final Counter updateIntervalNsSum;
    final Counter updateGapsOverMax;
    final Counter updateIntervalRecordedNsSum;
    final Counter victimLastRoundNs;
    final Counter falseConvictions;

    Counters(Metrics m) {
      detections = m.counter(GossipCluster.DETECTIONS);
      detectionNsSum = m.counter(GossipCluster.DETECTION_NS_SUM);
      windowMeanNsSum = m.counter(GossipCluster.WINDOW_MEAN_NS_SUM);
      lastNewsNsSum = m.counter(GossipCluster.LAST_NEWS_NS_SUM);
      crossingNsSum = m.counter(GossipCluster.CROSSING_NS_SUM);
      updateIntervals = m.counter(GossipCluster.UPDATE_INTERVALS);
      updateIntervalNsSum = m.counter(GossipCluster.UPDATE_INTERVAL_NS_SUM);
      updateGapsOverMax = m.counter(GossipCluster.UPDATE_GAPS_OVER_MAX);
      updateIntervalRecordedNsSum = m.counter(GossipCluster.UPDATE_INTERVAL_RECORDED_NS_SUM);
      victimLastRoundNs = m.counter(GossipCluster.VICTIM_LAST_ROUND_NS);
      falseConvictions = m.counter(GossipCluster.FALSE_CONVICTIONS);
    }
  }
}
