package geosim.store.gossip;

import geosim.kernel.StreamRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Whom a node sends its SYN to in one round, by Cassandra's rules (Gossiper.GossipTask.run,
 * doGossipToLiveMember, maybeGossipToUnreachableMember, maybeGossipToSeed), for {@code l} live
 * peers, {@code u} unreachable peers and {@code s} seeds:
 * <ol>
 *   <li>one live peer, uniformly at random;
 *   <li>with probability {@code u / (l + 1)}, one unreachable peer, to see whether it is back;
 *   <li>if the live peer was not a seed, or {@code l < s}: a seed, always when {@code l = 0}
 *       (how a fresh node joins), else with probability {@code s / (l + u)}. This keeps groups
 *       of nodes from gossiping only among themselves (CASSANDRA-150).
 * </ol>
 * Every choice draws from the node's own stream, so a seed reproduces the same targets.
 */
final class GossipTargets {
  private GossipTargets() {}

  /**
   * @param live live peers, sorted
   * @param unreachable convicted peers, sorted
   * @param seeds seeds other than the node itself, sorted
   * @return 0 to 3 targets; the same node may appear twice (a live peer that is also the seed)
   */
  static List<String> choose(List<String> live, List<String> unreachable, List<String> seeds, StreamRandom random) {
    List<String> out = new ArrayList<>(3);
    boolean gossipedToSeed = false;
    if (!live.isEmpty()) {
      String to = pick(live, random);
      out.add(to);
      gossipedToSeed = Collections.binarySearch(seeds, to) >= 0;
    }
    if (!unreachable.isEmpty() && random.nextDouble() < unreachable.size() / (live.size() + 1.0)) {
      out.add(pick(unreachable, random));
    }
    if ((!gossipedToSeed || live.size() < seeds.size()) && !seeds.isEmpty()) {
      if (live.isEmpty() || random.nextDouble() <= seeds.size() / (double) (live.size() + unreachable.size())) {
        out.add(pick(seeds, random));
      }
    }
    return out;
  }

  private static String pick(List<String> from, StreamRandom random) {
    return from.get(random.nextInt(from.size()));
  }
}
