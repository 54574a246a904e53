package geosim.store.client;

/**
 * The load balancer of one region's clients over the app servers: it keeps the state (this
 * client's requests in flight per server, servers avoided for a while after a timeout, the
 * round-robin turn of each region) and asks its {@link LoadBalancingPolicy} (round robin, least
 * outstanding requests, or a class of one's own) which server takes the next request; a server an
 * autoscaler has not provisioned, or is draining, is not usable. App server
 * {@code a} is number {@code a % perRegion} of region {@code a / perRegion}. Private to one client
 * actor.
 *
 * <p>[1] AWS Elastic Load Balancing: a Classic Load Balancer routes HTTP requests to the instance
 * with the least outstanding requests and TCP connections round robin; an Application Load
 * Balancer routes round robin by default, least outstanding requests as an option.
 */
final class AppBalancer {
  private final LoadBalancingPolicy policy;
  private final int perRegion;
  private final int[] outstanding;
  private final long[] avoidUntilNs;
  private final int[] cursor;
  private final int[] regionOutstanding;
  private final boolean[] usable;
  private final boolean[] inService;

  AppBalancer(LoadBalancingPolicy policy, int perRegion, int regions) {
    this(policy, perRegion, regions, perRegion);
  }

  /**
   * @param inServicePerRegion app servers of each region in service at the start (the first ones;
   *     the others are slots an autoscaler may provision later), 0 to {@code perRegion}
   */
  AppBalancer(LoadBalancingPolicy policy, int perRegion, int regions, int inServicePerRegion) {
    this.policy = policy;
    this.perRegion = perRegion;
    this.inService = new boolean[perRegion * regions];
    for (int a = 0; a < inService.length; a++) inService[a] = a % perRegion < inServicePerRegion;
    this.outstanding = new int[perRegion * regions];
    this.avoidUntilNs = new long[perRegion * regions];
    this.cursor = new int[regions];
    this.regionOutstanding = new int[perRegion];
    this.usable = new boolean[perRegion];
  }

  /** The app server of the next request in {@code region}, or -1 when all of its servers are avoided. */
  int pick(int region, long nowNs) {
    int base = region * perRegion;
    for (int i = 0; i < perRegion; i++) {
      regionOutstanding[i] = outstanding[base + i];
      usable[i] = inService[base + i] && avoidUntilNs[base + i] <= nowNs;
    }
    int chosen = policy.pick(regionOutstanding, usable, cursor[region]);
    if (chosen < 0) return -1;
    if (chosen >= perRegion || !usable[chosen]) {
      throw new IllegalStateException(policy.getClass().getName() + " picked app server " + chosen
          + ", which is not a usable one of 0.." + (perRegion - 1) + " at " + nowNs + " ns");
    }
    cursor[region] = (chosen + 1) % perRegion;
    outstanding[base + chosen]++;
    return base + chosen;
  }

  /** A request to app server {@code a} has finished (answered or timed out). */
  void done(int a) {
    outstanding[a]--;
  }

  /** App server {@code a} takes new requests from now on, or no longer (an autoscaler's scale-out or scale-in). */
  void inService(int a, boolean yes) {
    inService[a] = yes;
  }

  void avoid(int a, long untilNs) {
    avoidUntilNs[a] = Math.max(avoidUntilNs[a], untilNs);
  }

  /** The region of app server {@code a}. */
  int regionOf(int a) {
    return a / perRegion;
  }
}
