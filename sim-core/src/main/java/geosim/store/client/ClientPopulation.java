package geosim.store.client;

import geosim.workload.LoadShape;
import java.util.Objects;

/**
 * The clients of one region: an open loop (Poisson arrivals at {@code ratePerSecond x
 * shape.factor(t)}, by thinning) when {@code clients} is 0, else a closed loop of {@code clients}
 * users who each send a request, wait for its answer (or its timeout), then think for an
 * exponential time of mean {@code thinkTimeNs}.
 *
 * @param region the topology region the clients are in
 * @param ratePerSecond base request rate of the open loop, per second, >= 0
 * @param shape the open loop's factor over time (in the region's local time)
 * @param clients users of the closed loop, 0 for an open loop, at most {@value #CLIENTS_MAX}
 * @param thinkTimeNs mean think time of the closed loop, ns, >= 0
 */
public record ClientPopulation(String region, double ratePerSecond, LoadShape shape, int clients, long thinkTimeNs) {
  /** Most users of one closed loop. Assumption: beyond it an open loop describes the load better. */
  public static final int CLIENTS_MAX = 1_000_000;

  public ClientPopulation {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(shape, "shape");
    if (!(ratePerSecond >= 0 && Double.isFinite(ratePerSecond))) {
      throw new IllegalArgumentException("ratePerSecond must be finite and >= 0, got " + ratePerSecond);
    }
    if (clients < 0 || clients > CLIENTS_MAX) {
      throw new IllegalArgumentException("clients must be in [0, " + CLIENTS_MAX + "], got " + clients);
    }
    if (thinkTimeNs < 0) throw new IllegalArgumentException("thinkTimeNs must be >= 0, got " + thinkTimeNs);
  }

  /** Whether the users wait for each answer before the next request. */
  public boolean closedLoop() {
    return clients > 0;
  }
}
