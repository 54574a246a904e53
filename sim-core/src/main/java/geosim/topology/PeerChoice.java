package geosim.topology;

import geosim.kernel.StreamRandom;

/**
 * Picks a random communication peer for a server, when servers are numbered so that each
 * region's servers form one contiguous block: with probability {@code remoteFraction} a server of
 * another region, otherwise another server of the same region, uniformly in both cases.
 */
public final class PeerChoice {
  private PeerChoice() {}

  /**
   * @param firstServer index of each region's first server, plus the total count at the end
   * @param region the region of {@code server}
   * @param remoteFraction probability of a remote peer, 0 to 1
   * @return the peer's index, or -1 when the server has no peer at all
   */
  public static int choose(int[] firstServer, int region, int server, double remoteFraction,
      StreamRandom random) {
    int total = firstServer[firstServer.length - 1];
    int local = firstServer[region + 1] - firstServer[region] - 1;
    int remote = total - local - 1;
    boolean goRemote = remote > 0 && (local == 0 || random.nextDouble() < remoteFraction);
    if (goRemote) {
      int k = random.nextInt(remote);
      return k < firstServer[region] ? k : k + local + 1;
    }
    if (local == 0) return -1;
    int k = firstServer[region] + random.nextInt(local);
    return k < server ? k : k + 1;
  }
}
