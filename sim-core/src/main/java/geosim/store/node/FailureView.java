package geosim.store.node;

import geosim.faults.ServerOutage;
import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.store.gossip.EndpointState;
import geosim.store.gossip.Envelope;
import geosim.store.gossip.GossipMessage;
import geosim.store.gossip.GossipRoster;
import geosim.store.gossip.GossipStatus;
import geosim.store.gossip.Gossiper;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What one store server believes about the others: Cassandra's gossip with its phi-accrual
 * failure detector [1], run inside the server as {@code model = failure-detector} runs it
 * ({@link Gossiper}, a round every {@link AvailabilitySettings#gossipIntervalNs()} from a random
 * phase). A peer is believed down from the round its φ exceeds the threshold until news of it
 * arrives again. A peer never heard of is believed up (the detector has no window for it).
 *
 * <p>While its server is crashed the view runs no rounds; at restart the server gossips as a new
 * generation, and keeps its peers but starts their detectors afresh ({@link Gossiper#restart}).
 *
 * <p>For validation it counts, at each conviction of a server that a scheduled crash has taken
 * down, the time since the crash and the detector's mean inter-arrival time then ({@code
 * store.fd.*}), to compare with φ · ln 10 · mean. Outages of faults injected during the run come
 * as messages at their start ({@link #noteOutage}) and join the plan's.
 *
 * <p>[1] Apache Cassandra, src/java/org/apache/cassandra/gms/{Gossiper,FailureDetector}.java;
 * see docs/model.md, section Gossip.
 */
final class FailureView {
  private final StoreServer server;
  private final GossipRoster roster;
  private final AvailabilitySettings settings;
  private final List<ServerOutage> crashes;
  private final List<ServerOutage> injected = new ArrayList<>();
  private final BitSet detected = new BitSet(); // per outage (the plan's, then the injected): counted
  private final Gossiper gossiper;
  private long generation = 1;
  private boolean stopped;
  private boolean[] down; // by server index, as of cachedVersion of the gossiper's reachability
  private long cachedVersion = -1;
  private Counter convictions;
  private Counter falseSuspicions;
  private Counter detections;
  private Counter detectionNsSum;
  private Counter meanIntervalNsSum;

  /**
   * @param crashes every server outage of the run's fault plan (read-only), for the detection counters
   * @param absent whether the server is not running at the start (it joins later: {@link #join})
   */
  FailureView(StoreServer server, GossipRoster roster, AvailabilitySettings settings, List<ServerOutage> crashes,
      boolean absent) {
    this.server = server;
    this.roster = roster;
    this.settings = settings;
    this.crashes = crashes;
    this.gossiper = new Gossiper(roster.path(server.index()), generation, roster.seeds(), settings.gossip());
    this.stopped = absent;
  }

  void start(ActorContext<FabricMessage> ctx) {
    convictions = ctx.metrics().counter(StoreModel.FD_CONVICTIONS);
    falseSuspicions = ctx.metrics().counter(StoreModel.FD_FALSE_SUSPICIONS);
    detections = ctx.metrics().counter(StoreModel.FD_DETECTIONS);
    detectionNsSum = ctx.metrics().counter(StoreModel.FD_DETECTION_NS_SUM);
    meanIntervalNsSum = ctx.metrics().counter(StoreModel.FD_MEAN_INTERVAL_NS_SUM);
    if (!stopped) scheduleFirstRound(ctx);
  }

  /** The server starts gossiping for the first time, announcing {@code status} (BOOTSTRAPPING). */
  void join(GossipStatus status, ActorContext<FabricMessage> ctx) {
    restart(ctx);
    gossiper.announce(status);
  }

  /** The server announces a new status (LEAVING, LEFT, NORMAL after a bootstrap); it spreads with the rounds. */
  void announce(GossipStatus status) {
    gossiper.announce(status);
  }

  /** The status this server knows of server {@code index} (itself included), or null if it never heard of it. */
  GossipStatus statusOf(int index) {
    return gossiper.stateOf(roster.path(index)).map(EndpointState::status).orElse(null);
  }

  /** Changes whenever {@link #statusOf} may have changed for some server. */
  long statusVersion() {
    return gossiper.statusVersion();
  }

  /** Whether server {@code index} is believed down: convicted and not heard from since. */
  boolean isDown(int index) {
    if (cachedVersion != gossiper.reachabilityVersion()) refreshDown();
    return down[index];
  }

  /** Looks every peer up again (by path, in the gossiper's map): only when reachability may have changed. */
  private void refreshDown() {
    if (down == null) down = new boolean[roster.size()];
    for (int i = 0; i < down.length; i++) down[i] = i != server.index() && gossiper.isUnreachable(roster.path(i));
    cachedVersion = gossiper.reachabilityVersion();
  }

  /** The path of server {@code index} (of the roster). */
  String path(int index) {
    return roster.path(index);
  }

  /** How long server {@code index} has been silent if it is believed down, ns; 0 if believed up. */
  long downForNs(int index, long nowNs) {
    return isDown(index) ? nowNs - gossiper.lastHeartbeatNs(roster.path(index)) : 0;
  }

  void onRound(AvailabilityProtocol.GossipRound round, ActorContext<FabricMessage> ctx) {
    if (stopped || round.generation() != generation) return; // a round timer from before a crash
    long before = gossiper.convictionCount();
    if (cachedVersion != gossiper.reachabilityVersion()) refreshDown();
    send(gossiper.tick(ctx.now(), ctx.random()), ctx);
    long convicted = gossiper.convictionCount() - before;
    if (convicted > 0) {
      convictions.add(convicted);
      countDetections(ctx.now());
      countFalseSuspicions(down.clone(), ctx.now());
    }
    ctx.schedule(new AvailabilityProtocol.GossipRound(generation), settings.gossipIntervalNs());
  }

  void onGossip(GossipMessage message, ActorContext<FabricMessage> ctx) {
    send(gossiper.receive(message, ctx.now()), ctx);
  }

  /** The server crashes: no more rounds. */
  void stop() {
    stopped = true;
  }

  /** The server restarts: a new generation, fresh detectors, rounds again. */
  void restart(ActorContext<FabricMessage> ctx) {
    stopped = false;
    generation++;
    gossiper.restart(generation);
    scheduleFirstRound(ctx);
  }

  private void scheduleFirstRound(ActorContext<FabricMessage> ctx) {
    long phase = (long) (ctx.random().nextDouble() * settings.gossipIntervalNs());
    ctx.schedule(new AvailabilityProtocol.GossipRound(generation), phase);
  }

  /**
   * An outage of a fault injected during the run, at its start; again with its end when the fault
   * is ended later (the entry with the same server and start is replaced).
   */
  void noteOutage(ServerOutage outage) {
    for (int i = 0; i < injected.size(); i++) {
      ServerOutage o = injected.get(i);
      if (o.server().equals(outage.server()) && o.atNs() == outage.atNs()) {
        injected.set(i, outage);
        return;
      }
    }
    injected.add(outage);
  }

  private int outageCount() {
    return crashes.size() + injected.size();
  }

  private ServerOutage outage(int c) {
    return c < crashes.size() ? crashes.get(c) : injected.get(c - crashes.size());
  }

  private void countDetections(long nowNs) {
    for (int c = 0; c < outageCount(); c++) {
      ServerOutage crash = outage(c);
      if (detected.get(c) || !crash.activeAt(nowNs) || crash.server().equals(gossiper.self())) continue;
      if (gossiper.isUnreachable(crash.server())) {
        markDetected(crash.server(), nowNs); // one detection even when outages of the server overlap
        detections.increment();
        detectionNsSum.add(nowNs - crash.atNs());
        meanIntervalNsSum.add(Math.round(gossiper.meanHeartbeatIntervalNs(crash.server())));
      }
    }
  }

  private void markDetected(String server, long nowNs) {
    for (int c = 0; c < outageCount(); c++) {
      if (outage(c).activeAt(nowNs) && outage(c).server().equals(server)) detected.set(c);
    }
  }

  /** Counts the peers convicted in this round ({@code wasDown} before it) that no fault has taken down. */
  private void countFalseSuspicions(boolean[] wasDown, long nowNs) {
    refreshDown();
    for (int i = 0; i < down.length; i++) {
      if (down[i] && !wasDown[i] && !isOut(roster.path(i), nowNs)) falseSuspicions.increment();
    }
  }

  private boolean isOut(String path, long nowNs) {
    for (int c = 0; c < outageCount(); c++) {
      if (outage(c).activeAt(nowNs) && outage(c).server().equals(path)) return true;
    }
    return false;
  }

  private void send(List<Envelope> envelopes, ActorContext<FabricMessage> ctx) {
    for (Envelope e : envelopes) {
      AvailabilityProtocol.Gossip payload = new AvailabilityProtocol.Gossip(e.message());
      server.sendGossip(roster.indexOf(e.to()), payload, payload.sizeBytes(), ctx);
    }
  }
}
