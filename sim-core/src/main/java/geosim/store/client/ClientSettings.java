package geosim.store.client;

import geosim.workload.KeyChooser;
import geosim.workload.OperationMix;
import java.util.List;
import java.util.Objects;

/**
 * The store's client populations and how they reach the store ({@code store.clients}, with the
 * operation mix and key popularity of {@code store.workload}).
 *
 * @param populations one per region at most, in config order; not empty
 * @param routing how a client picks a coordinator in the region it uses
 * @param mix the kinds of requests; a scan of n keys is n reads of consecutive keys (the store
 *     has no ranges), a read-modify-write a read and then a write of its key
 * @param keys which keys the requests touch
 * @param accessLatencyNs one-way delay from a client to a coordinator of its own region, ns, > 0
 * @param requestTimeoutNs time after which a client gives up on a request, ns, > 0
 * @param failoverAfter consecutive failed requests after which the clients of a region use the
 *     next nearest region, >= 1
 * @param failbackNs how long a client avoids a coordinator (or app server) that timed out, and
 *     stays on another region after a failover before trying its own again, ns, > 0
 * @param app the app tier the clients go through, or null when they call the store directly
 */
public record ClientSettings(List<ClientPopulation> populations, Routing routing, OperationMix mix, KeyChooser keys,
    long accessLatencyNs, long requestTimeoutNs, int failoverAfter, long failbackNs, AppSettings app) {
  /** Longest scan in keys: keeps a scan's part numbers within {@link #PARTS_BITS} bits. */
  public static final int SCAN_LENGTH_MAX = 1000;
  /** Bits of a store request id that number the parts of one client request. */
  static final int PARTS_BITS = 10;

  public ClientSettings {
    populations = List.copyOf(populations);
    if (populations.isEmpty()) throw new IllegalArgumentException("populations must not be empty");
    Objects.requireNonNull(routing, "routing");
    Objects.requireNonNull(mix, "mix");
    Objects.requireNonNull(keys, "keys");
    if (mix.scanLengthMax() > SCAN_LENGTH_MAX) {
      throw new IllegalArgumentException("mix.scanLengthMax must be <= " + SCAN_LENGTH_MAX + ", got " + mix.scanLengthMax());
    }
    if (accessLatencyNs <= 0) throw new IllegalArgumentException("accessLatencyNs must be > 0, got " + accessLatencyNs);
    if (requestTimeoutNs <= 0) throw new IllegalArgumentException("requestTimeoutNs must be > 0, got " + requestTimeoutNs);
    if (failoverAfter < 1) throw new IllegalArgumentException("failoverAfter must be >= 1, got " + failoverAfter);
    if (failbackNs <= 0) throw new IllegalArgumentException("failbackNs must be > 0, got " + failbackNs);
  }

  /** These settings with {@code app} as the app tier. */
  public ClientSettings withApp(AppSettings app) {
    return new ClientSettings(populations, routing, mix, keys, accessLatencyNs, requestTimeoutNs, failoverAfter, failbackNs,
        app);
  }
}
