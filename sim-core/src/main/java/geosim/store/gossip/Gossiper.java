package geosim.store.gossip;

import geosim.kernel.StreamRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One node's gossip, after Cassandra's Gossiper [1], as a pure state machine: the server actor
 * that embeds it calls {@link #tick} every {@link GossipSettings#intervalNs()} and {@link
 * #receive} for each gossip message, and sends the {@link Envelope}s they return with the
 * network's delay. Nothing here reads a clock or sends anything.
 *
 * <p>A round ({@link #tick}), as in Cassandra's GossipTask: bump the node's own heartbeat
 * version; send a SYN listing a digest (node, generation, max version) per known node to one
 * random live peer, maybe to an unreachable one and maybe to a seed ({@link GossipTargets} has
 * the rules); then run the status check: every live peer whose φ exceeds the threshold is
 * convicted (unreachable). The exchange: the SYN's receiver answers an ACK with its states where
 * it is ahead of a digest and requests where it is behind; the SYN's sender applies those states
 * and answers an ACK2 with what was requested. As in Cassandra, an exchange only covers the
 * nodes in the SYN's digests; the receiver's other nodes flow back when it starts a round itself.
 *
 * <p>Applying a state: a newer (generation, version) of a peer replaces the old one, is a
 * heartbeat for the peer's {@link FailureDetector} (by default {@link PhiAccrualDetector}), and marks the peer live again unless it
 * has {@link GossipStatus#LEFT}. A newer generation of a convicted peer (a restart) starts its
 * detector afresh. States about this node itself are ignored.
 *
 * <p>Simplifications against Cassandra: one version per node instead of versioned application
 * states; a peer is marked live on fresh news directly, without Cassandra's echo round trip;
 * digests are sorted by node rather than shuffled; no quarantine, fat-client or dead-state
 * expiry, no shadow round, no local-pause guard.
 *
 * <p>Times are virtual ns and must not go backwards. Not thread-safe: it belongs to one actor.
 *
 * <p>[1] Apache Cassandra, src/java/org/apache/cassandra/gms/Gossiper.java (GossipTask.run,
 * doGossipToLiveMember, maybeGossipToUnreachableMember, maybeGossipToSeed, doStatusCheck,
 * examineGossiper, notifyFailureDetector, applyStateLocally) and GossipDigest{Syn,Ack,Ack2}VerbHandler,
 * github.com/apache/cassandra at commit 07242de.
 */
public final class Gossiper {
  private final String self;
  private final GossipSettings settings;
  private final List<String> seeds;
  private final TreeMap<String, Peer> peers = new TreeMap<>();
  private EndpointState local;
  private long latestNs = Long.MIN_VALUE;
  private long reachabilityVersion;
  private long statusVersion;
  private long convictions;

  /**
   * A node that knows only itself and its seeds.
   *
   * @param self this node's name (its actor path), non-blank
   * @param generation this incarnation, >= 0; a restarted node must use a larger one (Cassandra
   *     uses the start time in seconds)
   * @param seeds nodes to contact when no peer is known; this node among them is ignored
   */
  public Gossiper(String self, long generation, Collection<String> seeds, GossipSettings settings) {
    this.self = Endpoints.check(self, "self");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.local = new EndpointState(generation, 1, GossipStatus.NORMAL);
    TreeSet<String> seedSet = new TreeSet<>();
    for (String seed : seeds) seedSet.add(Endpoints.check(seed, "seed"));
    seedSet.remove(self);
    this.seeds = List.copyOf(seedSet);
  }

  /**
   * One gossip round at {@code nowNs}: bump the heartbeat, pick targets, check every peer's φ.
   *
   * @param nowNs virtual time, ns, >= the time of the previous call
   * @param random the actor's stream; target choices draw from it
   * @return the SYNs to send (0 to 3)
   */
  public List<Envelope> tick(long nowNs, StreamRandom random) {
    advanceTo(nowNs);
    local = local.beat();
    GossipMessage.Syn syn = new GossipMessage.Syn(self, digests());
    List<String> live = peerList(true);
    List<String> unreachable = peerList(false);
    List<Envelope> out = new ArrayList<>(3);
    for (String to : GossipTargets.choose(live, unreachable, seeds, random)) out.add(new Envelope(to, syn));
    checkStatus(nowNs);
    return out;
  }

  /**
   * Handles a gossip message that arrived at {@code nowNs}.
   *
   * @return the answer to send: an ACK for a SYN, an ACK2 for an ACK, nothing for an ACK2
   */
  public List<Envelope> receive(GossipMessage message, long nowNs) {
    advanceTo(nowNs);
    if (message.from().equals(self)) throw new IllegalArgumentException("a node does not gossip with itself: " + message);
    if (message instanceof GossipMessage.Syn syn) return List.of(new Envelope(syn.from(), onSyn(syn)));
    if (message instanceof GossipMessage.Ack ack) return List.of(new Envelope(ack.from(), onAck(ack, nowNs)));
    if (message instanceof GossipMessage.Ack2 ack2) {
      apply(ack2.updates(), nowNs);
      return List.of();
    }
    throw new IllegalStateException("no handler for " + message.getClass().getName());
  }

  /**
   * The node restarts as a new incarnation: its state becomes {@code generation} (larger than the
   * old one) at version 1, and it keeps the peers it knew (Cassandra reloads them from its system
   * tables) but starts every detector afresh, not convicted: arrival times from before the crash,
   * and the silence while it was down, say nothing about the peers now.
   *
   * @param generation the new incarnation, > the current one
   */
  public void restart(long generation) {
    if (generation <= local.generation()) {
      throw new IllegalArgumentException("generation must be > " + local.generation() + ", got " + generation);
    }
    local = new EndpointState(generation, 1, local.status());
    for (Peer peer : peers.values()) {
      peer.detector = settings.newDetector();
      peer.convicted = false;
    }
    reachabilityVersion++;
  }

  /** Announces a new status (e.g. LEAVING, then LEFT); it spreads with the next rounds. */
  public void announce(GossipStatus status) {
    local = local.withStatus(Objects.requireNonNull(status, "status"));
    statusVersion++;
  }

  private GossipMessage.Ack onSyn(GossipMessage.Syn syn) {
    List<GossipDigest> requests = new ArrayList<>();
    List<EndpointUpdate> updates = new ArrayList<>();
    for (GossipDigest d : syn.digests()) {
      EndpointState mine = stateOf(d.endpoint()).orElse(null);
      if (mine == null || d.generation() > mine.generation()) {
        requests.add(new GossipDigest(d.endpoint(), d.generation(), 0)); // send me everything
      } else if (d.generation() < mine.generation() || d.maxVersion() < mine.version()) {
        updates.add(new EndpointUpdate(d.endpoint(), mine));
      } else if (d.maxVersion() > mine.version()) {
        requests.add(new GossipDigest(d.endpoint(), d.generation(), mine.version()));
      }
    }
    return new GossipMessage.Ack(self, requests, updates);
  }

  private GossipMessage.Ack2 onAck(GossipMessage.Ack ack, long nowNs) {
    apply(ack.updates(), nowNs);
    List<EndpointUpdate> updates = new ArrayList<>();
    for (GossipDigest request : ack.requests()) {
      EndpointState mine = stateOf(request.endpoint()).orElse(null);
      if (mine != null && (mine.generation() != request.generation()
          ? mine.generation() > request.generation() : mine.version() > request.maxVersion())) {
        updates.add(new EndpointUpdate(request.endpoint(), mine));
      }
    }
    return new GossipMessage.Ack2(self, updates);
  }

  private void apply(List<EndpointUpdate> updates, long nowNs) {
    for (EndpointUpdate u : updates) {
      if (u.endpoint().equals(self)) continue;
      Peer peer = peers.get(u.endpoint());
      if (peer == null) {
        peer = new Peer(u.state(), settings.newDetector());
        peers.put(u.endpoint(), peer);
        statusVersion++;
      } else if (u.state().isNewerThan(peer.state)) {
        // A restart of a convicted peer: its old arrival times say nothing about the new one.
        if (u.state().generation() > peer.state.generation() && peer.convicted) peer.detector = settings.newDetector();
        if (peer.state.status() != u.state().status()) {
          reachabilityVersion++;
          statusVersion++;
        }
        peer.state = u.state();
      } else {
        continue;
      }
      peer.detector.heartbeat(nowNs);
      if (peer.convicted) reachabilityVersion++;
      peer.convicted = false;
    }
  }

  private void checkStatus(long nowNs) {
    for (Peer peer : peers.values()) {
      if (!peer.convicted && peer.state.status() != GossipStatus.LEFT
          && peer.detector.phi(nowNs) > settings.phiConvictThreshold()) {
        peer.convicted = true;
        convictions++;
        reachabilityVersion++;
      }
    }
  }

  /** Names of the peers not LEFT that are live ({@code live}) or convicted, sorted. */
  private SortedSet<String> peersWhere(boolean live) {
    return new TreeSet<>(peerList(live));
  }

  /** As {@link #peersWhere}, as a list: already sorted, since the peers' map is. */
  private List<String> peerList(boolean live) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Peer> e : peers.entrySet()) {
      Peer p = e.getValue();
      if (p.state.status() != GossipStatus.LEFT && p.convicted != live) out.add(e.getKey());
    }
    return out;
  }

  private void advanceTo(long nowNs) {
    if (nowNs < latestNs) throw new IllegalArgumentException("time went backwards: nowNs = " + nowNs + " < " + latestNs);
    latestNs = nowNs;
  }

  public String self() {
    return self;
  }

  public GossipSettings settings() {
    return settings;
  }

  /** This node's own state: its generation, heartbeat version and status. */
  public EndpointState localState() {
    return local;
  }

  /** The seeds other than this node, sorted. */
  public List<String> seeds() {
    return seeds;
  }

  /** What this node knows of {@code endpoint} (itself included); empty if it never heard of it. */
  public Optional<EndpointState> stateOf(String endpoint) {
    if (endpoint.equals(self)) return Optional.of(local);
    Peer peer = peers.get(endpoint);
    return peer == null ? Optional.empty() : Optional.of(peer.state);
  }

  /** Every node this node knows, itself included, sorted. */
  public SortedSet<String> knownEndpoints() {
    TreeSet<String> out = new TreeSet<>(peers.keySet());
    out.add(self);
    return Collections.unmodifiableSortedSet(out);
  }

  /**
   * Nodes this node takes for live, itself included (as Cassandra's getLiveMembers): known peers
   * not convicted at the last status check, or heard from since, and not LEFT.
   */
  public SortedSet<String> liveMembers() {
    SortedSet<String> out = peersWhere(true);
    out.add(self);
    return Collections.unmodifiableSortedSet(out);
  }

  /** Peers convicted by the failure detector and not heard from since, not LEFT; sorted. */
  public SortedSet<String> unreachableMembers() {
    return Collections.unmodifiableSortedSet(peersWhere(false));
  }

  /**
   * A number that changes whenever {@link #isUnreachable} may have changed for some peer (a
   * conviction, news of a convicted peer, a status change, a restart): callers may cache
   * reachability until it moves.
   */
  public long reachabilityVersion() {
    return reachabilityVersion;
  }

  /**
   * A number that changes whenever the status known of some node may have changed (news of a new
   * peer, a peer's new status, this node's own announcement): callers may cache statuses until it
   * moves.
   */
  public long statusVersion() {
    return statusVersion;
  }

  /** Whether {@code endpoint} is a peer convicted and not heard from since (and not LEFT). */
  public boolean isUnreachable(String endpoint) {
    Peer p = peers.get(endpoint);
    return p != null && p.convicted && p.state.status() != GossipStatus.LEFT;
  }

  /** How many times the status check has convicted a peer so far. */
  public long convictionCount() {
    return convictions;
  }

  /** One digest per known node, itself included, sorted by node: the body of a SYN. */
  public List<GossipDigest> digests() {
    List<GossipDigest> out = new ArrayList<>(peers.size() + 1);
    boolean selfAdded = false;
    for (Map.Entry<String, Peer> e : peers.entrySet()) {
      if (!selfAdded && e.getKey().compareTo(self) > 0) {
        out.add(local.digest(self));
        selfAdded = true;
      }
      out.add(e.getValue().state.digest(e.getKey()));
    }
    if (!selfAdded) out.add(local.digest(self));
    return out;
  }

  /**
   * φ of {@code endpoint} at {@code nowNs} (a query: it does not move the clock); 0 for this node
   * and for nodes never heard of.
   *
   * @param nowNs virtual time, ns, >= the last news of {@code endpoint}
   */
  public double phi(String endpoint, long nowNs) {
    Peer peer = peers.get(endpoint);
    return peer == null ? 0.0 : peer.detector.phi(nowNs);
  }

  /** When news of {@code endpoint} last arrived, ns; {@link Long#MIN_VALUE} if never (or itself). */
  public long lastHeartbeatNs(String endpoint) {
    Peer peer = peers.get(endpoint);
    return peer == null ? Long.MIN_VALUE : peer.detector.lastHeartbeatNs();
  }

  /** The mean inter-arrival time in {@code endpoint}'s detector window, ns; 0 if never heard of. */
  public double meanHeartbeatIntervalNs(String endpoint) {
    Peer peer = peers.get(endpoint);
    return peer == null ? 0.0 : peer.detector.meanIntervalNs();
  }

  /**
   * When {@code endpoint}'s φ will exceed the threshold if no news arrives first ({@link
   * PhiAccrualDetector#convictionTimeNs}); {@link Long#MAX_VALUE} if never heard of.
   */
  public long convictionTimeNs(String endpoint) {
    Peer peer = peers.get(endpoint);
    return peer == null ? Long.MAX_VALUE : peer.detector.convictionTimeNs(settings.phiConvictThreshold());
  }

  /** What this node holds about one peer. */
  private static final class Peer {
    EndpointState state;
    FailureDetector detector;
    boolean convicted;

    Peer(EndpointState state, FailureDetector detector) {
      this.state = state;
      this.detector = detector;
    }
  }
}
