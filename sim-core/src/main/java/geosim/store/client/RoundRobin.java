package geosim.store.client;

/**
 * Round robin: the first usable server from the turn on ({@code store.app.balancing =
 * round-robin}; AWS Application Load Balancer's default routing algorithm).
 */
public final class RoundRobin implements LoadBalancingPolicy {
  @Override
  public int pick(int[] outstanding, boolean[] usable, int next) {
    int n = usable.length;
    for (int i = 0; i < n; i++) {
      int a = (next + i) % n;
      if (usable[a]) return a;
    }
    return -1;
  }
}
