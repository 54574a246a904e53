package geosim.store.client;

/**
 * How the clients of one region pick the app server of their next request: an extension point
 * for students. Each client actor has its own instance (it may keep state, e.g. a rotation of
 * its own); the reference implementations are {@link RoundRobin} and {@link LeastOutstanding}
 * (AWS Elastic Load Balancing's two algorithms).
 *
 * <p>A student's class ({@code store.app.balancer-class}) must be public, implement this
 * interface and have a public no-argument constructor; it replaces {@code store.app.balancing}.
 * It must be deterministic: no clock, no randomness, no state shared between instances.
 */
public interface LoadBalancingPolicy {
  /**
   * The app server for the next request, as an index into the region's servers.
   *
   * @param outstanding this client's requests in flight at each of the region's app servers
   *     (read only; length = app servers per region)
   * @param usable whether each server may take the request now (false for a while after one of
   *     its requests timed out, and while an app autoscaler has it out of service)
   * @param next the server after the one picked last, 0 to length − 1 (round robin's turn)
   * @return an index whose {@code usable} is true, or −1 when none is usable
   */
  int pick(int[] outstanding, boolean[] usable, int next);
}
