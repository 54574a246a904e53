package geosim.store.gossip;

import static geosim.store.gossip.InstantCluster.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.StreamRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GossiperTest {
  private static final GossipSettings CASSANDRA = GossipSettings.cassandra();

  private static Gossiper node(String name, String... seeds) {
    return new Gossiper(name, 0, List.of(seeds), CASSANDRA);
  }

  private static EndpointUpdate update(String endpoint, long generation, long version) {
    return new EndpointUpdate(endpoint, new EndpointState(generation, version, GossipStatus.NORMAL));
  }

  /** Hands {@code g} states as if they came in an ACK2 from a third node. */
  private static void learn(Gossiper g, long nowNs, EndpointUpdate... updates) {
    assertEquals(List.of(), g.receive(new GossipMessage.Ack2("someone-else", List.of(updates)), nowNs));
  }

  /** A full SYN, ACK, ACK2 exchange started by {@code from} towards {@code to}; returns the ACK. */
  private static GossipMessage.Ack exchange(Gossiper from, Gossiper to, long nowNs) {
    List<Envelope> ack = to.receive(new GossipMessage.Syn(from.self(), from.digests()), nowNs);
    assertEquals(1, ack.size());
    assertEquals(from.self(), ack.get(0).to());
    List<Envelope> ack2 = from.receive(ack.get(0).message(), nowNs);
    assertEquals(to.self(), ack2.get(0).to());
    assertEquals(List.of(), to.receive(ack2.get(0).message(), nowNs));
    return (GossipMessage.Ack) ack.get(0).message();
  }

  @Test
  void aNodeWithNoLivePeerGossipsToASeedAndALoneSeedStaysQuiet() {
    Gossiper fresh = node("b", "a");
    List<Envelope> out = fresh.tick(S, new StreamRandom(1));
    assertEquals(1, out.size());
    assertEquals("a", out.get(0).to());
    GossipMessage.Syn syn = (GossipMessage.Syn) out.get(0).message();
    assertEquals(List.of(new GossipDigest("b", 0, 2)), syn.digests()); // the round bumped version 1 to 2
    assertEquals(List.of(), node("a", "a").tick(S, new StreamRandom(1)));
  }

  @Test
  void oneExchangeLeavesBothSidesAgreeingOnEveryNodeInTheSyn() {
    Gossiper a = node("a");
    Gossiper b = node("b");
    learn(a, 0, update("c", 0, 5));
    learn(b, 0, update("c", 0, 9), update("d", 3, 2));
    GossipMessage.Ack ack = exchange(a, b, S);
    // b knew nothing of a: it asks for everything (version 0); it is ahead on c: it sends c.
    assertEquals(List.of(new GossipDigest("a", 0, 0)), ack.requests());
    assertEquals(List.of(update("c", 0, 9)), ack.updates());
    for (GossipDigest d : a.digests()) assertEquals(a.stateOf(d.endpoint()), b.stateOf(d.endpoint()), d.endpoint());
    // As in Cassandra, an exchange covers only the SYN's nodes: d and b reach a when b starts a round.
    assertEquals(Optional.empty(), a.stateOf("d"));
    exchange(b, a, 2 * S);
    assertEquals(a.knownEndpoints(), b.knownEndpoints());
    for (String e : a.knownEndpoints()) assertEquals(a.stateOf(e), b.stateOf(e), e);
  }

  @Test
  void theReceiverAsksOnlyForWhatIsNewerThanItsOwnVersion() {
    Gossiper a = node("a");
    Gossiper b = node("b");
    learn(a, 0, update("c", 0, 9));
    learn(b, 0, update("c", 0, 5));
    GossipMessage.Ack ack = exchange(a, b, S);
    assertTrue(ack.requests().contains(new GossipDigest("c", 0, 5)), ack.toString());
    assertEquals(Optional.of(new EndpointState(0, 9, GossipStatus.NORMAL)), b.stateOf("c"));
  }

  @Test
  void aNewerGenerationWinsOverAHigherVersion() {
    Gossiper a = node("a");
    Gossiper b = node("b");
    learn(a, 0, update("c", 0, 50));
    learn(b, 0, update("c", 1, 2));
    exchange(a, b, S);
    assertEquals(Optional.of(new EndpointState(1, 2, GossipStatus.NORMAL)), a.stateOf("c"));
    exchange(b, a, 2 * S);
    assertEquals(Optional.of(new EndpointState(1, 2, GossipStatus.NORMAL)), b.stateOf("c"));
  }

  @Test
  void gossipAboutTheNodeItselfIsIgnored() {
    Gossiper a = node("a");
    learn(a, 0, update("a", 7, 70));
    assertEquals(new EndpointState(0, 1, GossipStatus.NORMAL), a.localState());
    assertEquals(Set.of("a"), a.knownEndpoints());
  }

  @Test
  void everyNodeLearnsEveryHeartbeatVersionWithinAFewRounds() {
    InstantCluster c = new InstantCluster(32, CASSANDRA, 7);
    c.rounds(12);
    for (Gossiper g : c.nodes.values()) assertEquals(32, g.knownEndpoints().size(), g.self() + " knows " + g.knownEndpoints());
    // Versions every node had after round 12 reach every other node within 5 more rounds. Push-pull
    // gossip spreads a rumour in about log3(n) + O(log log n) rounds (Karp et al., FOCS 2000).
    java.util.Map<String, Long> versions = new java.util.TreeMap<>();
    for (Gossiper g : c.nodes.values()) versions.put(g.self(), g.localState().version());
    c.rounds(5);
    for (Gossiper g : c.nodes.values()) {
      for (String e : versions.keySet()) {
        long known = g.stateOf(e).orElseThrow().version();
        assertTrue(known >= versions.get(e), g.self() + " knows " + e + " at " + known + " < " + versions.get(e));
        assertTrue(known <= c.node(e).localState().version(), "nobody is ahead of the node itself");
      }
    }
  }

  @Test
  void aSilentPeerIsConvictedWhenPhiCrossesTheThresholdAndRevivedByANewGeneration() {
    InstantCluster c = new InstantCluster(3, CASSANDRA, 3);
    c.rounds(60);
    Gossiper observer = c.node("n00");
    assertEquals(Set.of("n00", "n01", "n02"), observer.liveMembers());
    c.crash("n02");
    long convictAt = observer.convictionTimeNs("n02");
    long lastNews = observer.lastHeartbeatNs("n02");
    double mean = observer.meanHeartbeatIntervalNs("n02");
    assertEquals(lastNews + 8 * mean * Math.log(10), convictAt, 1.0);
    while (c.nowNs() + S < convictAt) {
      c.round();
      assertTrue(observer.liveMembers().contains("n02"), "still live at " + c.nowNs());
    }
    c.round(); // the first round at or after the crossing convicts
    assertTrue(c.nowNs() >= convictAt);
    assertEquals(Set.of("n02"), observer.unreachableMembers());
    assertTrue(observer.isUnreachable("n02"));
    assertEquals(Set.of("n00", "n01"), observer.liveMembers());
    c.restart("n02", 1);
    while (observer.stateOf("n02").orElseThrow().generation() == 0) c.round();
    assertEquals(Set.of(), observer.unreachableMembers());
    assertTrue(observer.liveMembers().contains("n02"));
    // The restart reset the detector: its window holds the initial guess, twice the interval.
    assertEquals(2.0 * S, observer.meanHeartbeatIntervalNs("n02"));
  }

  @Test
  void aNodeThatLeftIsNeitherLiveNorUnreachableNorATarget() {
    InstantCluster c = new InstantCluster(3, CASSANDRA, 5);
    c.rounds(20);
    c.node("n02").announce(GossipStatus.LEAVING);
    c.rounds(5);
    Gossiper observer = c.node("n00");
    assertEquals(GossipStatus.LEAVING, observer.stateOf("n02").orElseThrow().status());
    assertTrue(observer.liveMembers().contains("n02"));
    c.node("n02").announce(GossipStatus.LEFT);
    c.rounds(5);
    assertEquals(GossipStatus.LEFT, observer.stateOf("n02").orElseThrow().status());
    assertEquals(Set.of("n00", "n01"), observer.liveMembers());
    c.crash("n02");
    int sentBefore = c.sent().size();
    c.rounds(100);
    assertEquals(Set.of(), observer.unreachableMembers());
    for (Envelope e : c.sent().subList(sentBefore, c.sent().size())) assertNotEquals("n02", e.to());
  }

  @Test
  void anUnreachablePeerIsTriedWithProbabilityUnreachableOverLivePlusOne() {
    Gossiper a = node("a");
    StreamRandom random = new StreamRandom(11);
    learn(a, 0, update("b", 0, 1), update("c", 0, 1), update("d", 0, 1), update("e", 0, 1));
    int toE = 0;
    int ticks = 20_000;
    for (int round = 1; round <= 60 + ticks; round++) {
      long now = round * S;
      learn(a, now, update("b", 0, round + 1), update("c", 0, round + 1), update("d", 0, round + 1));
      List<Envelope> out = a.tick(now, random);
      if (round <= 60) continue; // e is convicted after 8 x 2 s x ln 10 = 37 s
      assertEquals(Set.of("e"), a.unreachableMembers());
      for (Envelope env : out) if (env.to().equals("e")) toE++;
    }
    double p = 1.0 / (3 + 1);
    double sigma = Math.sqrt(p * (1 - p) / ticks);
    assertEquals(p, toE / (double) ticks, 4 * sigma, "SYNs to the unreachable node per round");
  }

  @Test
  void aSeedIsAddedWithProbabilitySeedsOverKnownPeersWhenTheLiveTargetWasNotOne() {
    Gossiper a = node("a", "s");
    StreamRandom random = new StreamRandom(13);
    int withSeed = 0;
    int ticks = 20_000;
    for (int round = 1; round <= ticks; round++) {
      long now = round * S;
      learn(a, now, update("s", 0, round), update("b", 0, round), update("c", 0, round), update("d", 0, round));
      List<Envelope> out = a.tick(now, random);
      if (out.size() == 2) {
        withSeed++;
        assertEquals("s", out.get(1).to());
      }
    }
    // The live target is not the seed with probability 3/4; then the seed is added with 1/4.
    double p = 3.0 / 4 * 1.0 / 4;
    assertEquals(p, withSeed / (double) ticks, 4 * Math.sqrt(p * (1 - p) / ticks));
  }

  @Test
  void theSameSeedGivesTheSameMessagesAndAnotherSeedOtherOnes() {
    InstantCluster one = new InstantCluster(12, CASSANDRA, 99);
    InstantCluster two = new InstantCluster(12, CASSANDRA, 99);
    InstantCluster other = new InstantCluster(12, CASSANDRA, 100);
    one.rounds(30);
    two.rounds(30);
    other.rounds(30);
    assertEquals(one.sent(), two.sent());
    assertEquals(one.views(), two.views());
    assertNotEquals(one.sent(), other.sent());
  }

  @Test
  void timeMustNotGoBackwardsAndNodesDoNotGossipWithThemselves() {
    Gossiper a = node("a");
    a.tick(5 * S, new StreamRandom(1));
    assertThrows(IllegalArgumentException.class, () -> a.tick(4 * S, new StreamRandom(1)));
    assertThrows(IllegalArgumentException.class, () -> a.receive(new GossipMessage.Ack2("b", List.of()), 4 * S));
    assertThrows(IllegalArgumentException.class, () -> a.receive(new GossipMessage.Syn("a", List.of()), 6 * S));
    assertThrows(IllegalArgumentException.class, () -> node(" "));
    assertThrows(IllegalArgumentException.class, () -> node("a", ""));
  }

  @Test
  void unknownNodesHaveNoSuspicionAndTheNodeCountsItselfLive() {
    Gossiper a = node("a");
    assertEquals(0.0, a.phi("nobody", 100 * S));
    assertEquals(0.0, a.phi("a", 100 * S));
    assertEquals(Long.MAX_VALUE, a.convictionTimeNs("nobody"));
    assertEquals(Set.of("a"), a.liveMembers());
    assertFalse(a.isUnreachable("nobody"));
  }

  @Test
  void messagesCopyTheirListsAndValidateTheirFields() {
    List<GossipDigest> digests = new ArrayList<>(List.of(new GossipDigest("a", 0, 1)));
    GossipMessage.Syn syn = new GossipMessage.Syn("a", digests);
    digests.add(new GossipDigest("b", 0, 1));
    assertEquals(1, syn.digests().size());
    assertThrows(UnsupportedOperationException.class, () -> syn.digests().add(new GossipDigest("c", 0, 1)));
    assertThrows(NullPointerException.class, () -> new GossipMessage.Ack("a", List.of(), null));
    assertThrows(IllegalArgumentException.class, () -> new GossipDigest("a", -1, 0));
    assertThrows(IllegalArgumentException.class, () -> new GossipDigest("a", 0, -1));
    assertThrows(IllegalArgumentException.class, () -> new EndpointState(0, 0, GossipStatus.NORMAL));
    assertThrows(IllegalArgumentException.class, () -> new Envelope("", syn));
  }

  @Test
  void newerMeansALaterGenerationOrTheSameGenerationAndAHigherVersion() {
    EndpointState base = new EndpointState(3, 10, GossipStatus.NORMAL);
    assertTrue(new EndpointState(4, 1, GossipStatus.NORMAL).isNewerThan(base));
    assertTrue(new EndpointState(3, 11, GossipStatus.NORMAL).isNewerThan(base));
    assertFalse(new EndpointState(3, 10, GossipStatus.LEFT).isNewerThan(base));
    assertFalse(new EndpointState(2, 99, GossipStatus.NORMAL).isNewerThan(base));
  }

  @Test
  void everyMessageTypeHasAHandler() {
    Gossiper a = node("a");
    for (Class<?> type : GossipMessage.class.getPermittedSubclasses()) {
      GossipMessage m = type == GossipMessage.Syn.class ? new GossipMessage.Syn("b", List.of())
          : type == GossipMessage.Ack.class ? new GossipMessage.Ack("b", List.of(), List.of())
          : new GossipMessage.Ack2("b", List.of());
      assertEquals(type, m.getClass());
      a.receive(m, S); // no IllegalStateException
    }
  }

  @Test
  void aRestartIsANewGenerationThatKeepsItsPeersButForgetsTheirSilence() {
    Gossiper a = node("a");
    learn(a, 0, update("b", 0, 5));
    a.tick(60 * S, new StreamRandom(1)); // 60 s of silence: b convicted
    assertTrue(a.isUnreachable("b"));
    a.restart(1);
    assertEquals(new EndpointState(1, 1, GossipStatus.NORMAL), a.localState());
    assertFalse(a.isUnreachable("b"), "a fresh detector convicts nobody");
    assertEquals(0.0, a.phi("b", 70 * S));
    assertTrue(a.knownEndpoints().contains("b"));
    learn(a, 71 * S, update("b", 0, 6));
    assertTrue(a.liveMembers().contains("b"));
    assertThrows(IllegalArgumentException.class, () -> a.restart(1));
  }
}
