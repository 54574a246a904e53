package geosim.store.client;

/**
 * Least outstanding requests: the usable server with the fewest of this client's requests in
 * flight, ties in turn from the round-robin position, so equal servers still take turns ({@code
 * store.app.balancing = least-outstanding}; AWS Classic Load Balancer for HTTP, an option of the
 * Application Load Balancer).
 */
public final class LeastOutstanding implements LoadBalancingPolicy {
  @Override
  public int pick(int[] outstanding, boolean[] usable, int next) {
    int n = usable.length;
    int best = -1;
    for (int i = 0; i < n; i++) {
      int a = (next + i) % n;
      if (usable[a] && (best < 0 || outstanding[a] < outstanding[best])) best = a;
    }
    return best;
  }
}
