package geosim.store.client;

/**
 * The load balancer of one region's clients over the app servers ({@link AppSettings.Balancing}):
 * round robin, or least outstanding requests (the fewest of this client's requests in flight, ties
 * in round-robin order, so equal servers still take turns). An app server whose request timed out
 * is avoided for a while. App server {@code a} is number {@code a % perRegion} of region {@code a
 * / perRegion}. Private to one client actor.
 *
 * <p>[1] AWS Elastic Load Balancing: a Classic Load Balancer routes HTTP requests to the instance
 * with the least outstanding requests and TCP connections round robin; an Application Load
 * Balancer routes round robin by default, least outstanding requests as an option.
 */
final class AppBalancer {
  private final AppSettings.Balancing balancing;
  private final int perRegion;
  private final int[] outstanding;
  private final long[] avoidUntilNs;
  private final int[] cursor;

  AppBalancer(AppSettings.Balancing balancing, int perRegion, int regions) {
    this.balancing = balancing;
    this.perRegion = perRegion;
    this.outstanding = new int[perRegion * regions];
    this.avoidUntilNs = new long[perRegion * regions];
    this.cursor = new int[regions];
  }

  /** The app server of the next request in {@code region}, or -1 when all of its servers are avoided. */
  int pick(int region, long nowNs) {
    int best = -1;
    for (int i = 0; i < perRegion; i++) {
      int a = region * perRegion + (cursor[region] + i) % perRegion;
      if (avoidUntilNs[a] > nowNs) continue;
      if (best < 0 || (balancing == AppSettings.Balancing.LEAST_OUTSTANDING && outstanding[a] < outstanding[best])) best = a;
      if (balancing == AppSettings.Balancing.ROUND_ROBIN) break;
    }
    if (best >= 0) {
      cursor[region] = (best % perRegion + 1) % perRegion;
      outstanding[best]++;
    }
    return best;
  }

  /** A request to app server {@code a} has finished (answered or timed out). */
  void done(int a) {
    outstanding[a]--;
  }

  void avoid(int a, long untilNs) {
    avoidUntilNs[a] = Math.max(avoidUntilNs[a], untilNs);
  }

  /** The region of app server {@code a}. */
  int regionOf(int a) {
    return a / perRegion;
  }
}
