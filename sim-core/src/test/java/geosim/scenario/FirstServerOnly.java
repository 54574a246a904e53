package geosim.scenario;

import geosim.store.client.LoadBalancingPolicy;

/** A deliberately bad load-balancing policy for {@link LoadBalancingExtensionTest}: always the first usable server. */
public final class FirstServerOnly implements LoadBalancingPolicy {
  @Override
  public int pick(int[] outstanding, boolean[] usable, int next) {
    for (int a = 0; a < usable.length; a++) {
      if (usable[a]) return a;
    }
    return -1;
  }
}
