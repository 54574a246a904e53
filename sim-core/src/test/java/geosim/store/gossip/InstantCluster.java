package geosim.store.gossip;

import geosim.kernel.Seeds;
import geosim.kernel.StreamRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Test-only: gossipers driven in lockstep without the kernel. In a round every running node
 * ticks in name order, and every message is delivered at once, answers included, before the
 * next node ticks. Down nodes neither tick nor receive.
 */
final class InstantCluster {
  static final long S = 1_000_000_000L;

  final TreeMap<String, Gossiper> nodes = new TreeMap<>();
  private final TreeMap<String, StreamRandom> randoms = new TreeMap<>();
  private final TreeSet<String> down = new TreeSet<>();
  private final List<Envelope> sent = new ArrayList<>();
  private long nowNs;

  /** {@code count} nodes {@code n00, n01, ...}, all with seed {@code n00}, streams from {@code seed}. */
  InstantCluster(int count, GossipSettings settings, long seed) {
    for (int i = 0; i < count; i++) {
      String name = String.format("n%02d", i);
      nodes.put(name, new Gossiper(name, 0, List.of("n00"), settings));
      randoms.put(name, new StreamRandom(Seeds.streamSeed(seed, name)));
    }
  }

  Gossiper node(String name) {
    return nodes.get(name);
  }

  /** Runs {@code count} rounds, one gossip interval apart, and returns the time of the last. */
  long rounds(int count) {
    for (int i = 0; i < count; i++) round();
    return nowNs;
  }

  void round() {
    nowNs += nodes.firstEntry().getValue().settings().intervalNs();
    for (Map.Entry<String, Gossiper> e : nodes.entrySet()) {
      if (down.contains(e.getKey())) continue;
      deliver(e.getValue().tick(nowNs, randoms.get(e.getKey())));
    }
  }

  void deliver(List<Envelope> envelopes) {
    ArrayDeque<Envelope> queue = new ArrayDeque<>(envelopes);
    while (!queue.isEmpty()) {
      Envelope e = queue.poll();
      sent.add(e);
      if (!down.contains(e.to())) queue.addAll(nodes.get(e.to()).receive(e.message(), nowNs));
    }
  }

  void crash(String name) {
    down.add(name);
  }

  /** Replaces a node by a restarted one with {@code generation}. */
  void restart(String name, long generation) {
    Gossiper old = nodes.get(name);
    nodes.put(name, new Gossiper(name, generation, old.seeds(), old.settings()));
    down.remove(name);
  }

  long nowNs() {
    return nowNs;
  }

  /** Every message delivered or dropped so far, in order. */
  List<Envelope> sent() {
    return sent;
  }

  /** What each node knows: node -> (endpoint -> state), for comparing runs. */
  Map<String, Map<String, EndpointState>> views() {
    Map<String, Map<String, EndpointState>> out = new TreeMap<>();
    for (Map.Entry<String, Gossiper> e : nodes.entrySet()) {
      Map<String, EndpointState> view = new TreeMap<>();
      for (String endpoint : e.getValue().knownEndpoints()) view.put(endpoint, e.getValue().stateOf(endpoint).orElseThrow());
      out.put(e.getKey(), view);
    }
    return out;
  }
}
