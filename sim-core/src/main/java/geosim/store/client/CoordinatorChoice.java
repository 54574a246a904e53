package geosim.store.client;

import geosim.fabric.Fabric;
import geosim.kernel.StreamRandom;
import geosim.store.ring.ReplicaPlacement;
import java.util.Arrays;

/**
 * A client's choice of coordinator ({@link Routing}) among the servers of one region, skipping
 * those it avoids: a server whose request timed out is avoided for a while, as a driver marks a
 * host down when its connection fails and retries it later, with exponential backoff: the first
 * time for the failback time, then twice as long after every further timeout, at most {@link
 * #AVOID_NS_MAX}, until a request to it succeeds. The client knows nothing of the store's gossip:
 * it learns only from its own requests. Private to one client actor.
 *
 * <p>[1] DataStax Java driver 3.x, {@code Policies.defaultReconnectionPolicy()}: {@code new
 * ExponentialReconnectionPolicy(1000, 10 * 60 * 1000)}, a base delay of 1 s doubling up to 10 min.
 */
final class CoordinatorChoice {
  private final Fabric fabric;
  private final ReplicaPlacement placement;
  private final Routing routing;
  private final int[] cursor;
  private final long[] avoidUntilNs;
  private final int[] local;
  private final int[] strikes;
  /** Longest avoidance: 10 minutes, the driver's maximum reconnection delay [1]. */
  static final long AVOID_NS_MAX = 600_000_000_000L;

  CoordinatorChoice(Fabric fabric, ReplicaPlacement placement, Routing routing) {
    this.fabric = fabric;
    this.placement = placement;
    this.routing = routing;
    this.cursor = new int[fabric.regionCount()];
    this.avoidUntilNs = new long[fabric.serverCount()];
    this.local = new int[Math.max(1, placement.replicaCount())];
    this.strikes = new int[fabric.serverCount()];
  }

  /** The coordinator of a request for {@code key} in {@code region}, or -1 when every server there is avoided. */
  int pick(long key, int region, long nowNs, StreamRandom random) {
    if (routing == Routing.TOKEN_AWARE) {
      int n = 0;
      for (int replica : placement.replicas(key)) {
        if (fabric.regionOf(replica) == region && avoidUntilNs[replica] <= nowNs && n < local.length) local[n++] = replica;
      }
      if (n > 0) return local[n == 1 ? 0 : random.nextInt(n)];
    }
    return roundRobin(region, nowNs);
  }

  private int roundRobin(int region, long nowNs) {
    int first = fabric.firstServerOf(region);
    int count = fabric.firstServerOf(region + 1) - first;
    for (int i = 0; i < count; i++) {
      int server = first + (cursor[region] + i) % count;
      if (avoidUntilNs[server] <= nowNs) {
        cursor[region] = (cursor[region] + i + 1) % count;
        return server;
      }
    }
    return -1;
  }

  /** A request to {@code server} timed out: avoid it for {@code baseNs} x 2^(timeouts in a row - 1), at most {@link #AVOID_NS_MAX}. */
  void avoid(int server, long nowNs, long baseNs) {
    int k = Math.min(strikes[server]++, 20);
    long forNs = Math.min(AVOID_NS_MAX, baseNs << k < 0 ? AVOID_NS_MAX : baseNs << k);
    avoidUntilNs[server] = Math.max(avoidUntilNs[server], nowNs + Math.max(baseNs, forNs));
  }

  /** A request to {@code server} succeeded: its backoff starts over. */
  void succeeded(int server) {
    strikes[server] = 0;
  }

  /** Forgets every avoided server of {@code region} (after a failover back to it). */
  void forgive(int region) {
    Arrays.fill(avoidUntilNs, fabric.firstServerOf(region), fabric.firstServerOf(region + 1), 0L);
  }
}
