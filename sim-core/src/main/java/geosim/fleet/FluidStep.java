package geosim.fleet;

/**
 * One tick of a region's fleet as a fluid: {@code N} servers of {@code c} cores, each request
 * {@code s} seconds of CPU, serve at most {@code K = N c / s} requests per second. While there is
 * no backlog and {@code lambda < K} the fleet is stable and each server is an M/M/c queue fed
 * {@code lambda / N}. Otherwise the backlog Q changes as {@code dQ/dt = lambda - K}; requests
 * that would wait longer than the timeout ({@code Q > K timeout}) are dropped, and a served
 * request waits about the time to work off the mean backlog, {@code Q / K} (FIFO), before its
 * service. This is the fluid approximation of an overloaded queue (a deterministic flow when
 * arrivals exceed capacity), e.g. M. Harchol-Balter, Performance Modeling and Design of Computer
 * Systems, 2013; stated in docs/model.md as a simplification.
 *
 * @param served requests completed in the tick, >= 0
 * @param dropped requests dropped for waiting beyond the timeout, >= 0
 * @param backlog requests queued at the end of the tick, >= 0
 * @param busyCoreS core-seconds of CPU spent, >= 0
 * @param waitS the backlog's wait for a served request, seconds; NaN when the fleet is stable
 */
record FluidStep(double served, double dropped, double backlog, double busyCoreS, double waitS) {

  /** True when the tick ran as M/M/c queues (no backlog, arrivals below capacity). */
  boolean stable() {
    return Double.isNaN(waitS);
  }

  /**
   * The tick of {@code dtS} seconds starting with {@code backlog} queued, arrival rate {@code
   * lambdaPerS}, {@code servers} servers of {@code cores} cores, service {@code serviceS} seconds
   * and a timeout of {@code timeoutS} seconds.
   */
  static FluidStep of(double backlog, double lambdaPerS, FleetShape fleet, double dtS) {
    double capacityPerS = fleet.servers() * fleet.cores() / fleet.serviceS();
    double arrivals = lambdaPerS * dtS;
    if (backlog <= 0 && lambdaPerS < capacityPerS) {
      return new FluidStep(arrivals, 0, 0, arrivals * fleet.serviceS(), Double.NaN);
    }
    double end = backlog + arrivals - capacityPerS * dtS;
    double served = end <= 0 ? backlog + arrivals : capacityPerS * dtS;
    end = Math.max(0, end);
    // Jobs never time out (an infinite timeout): no limit, even with no capacity (0 x infinity is NaN).
    double limit = Double.isInfinite(fleet.timeoutS()) ? Double.POSITIVE_INFINITY : capacityPerS * fleet.timeoutS();
    double dropped = Math.max(0, end - limit);
    end -= dropped;
    double waitS = capacityPerS == 0 ? fleet.timeoutS() : Math.min(fleet.timeoutS(), (backlog + end) / 2 / capacityPerS);
    return new FluidStep(served, dropped, end, served * fleet.serviceS(), waitS);
  }

  /**
   * The servers of a tick.
   *
   * @param servers servers in service, >= 0
   * @param cores cores per server, >= 1
   * @param serviceS CPU seconds per request, > 0
   * @param timeoutS longest wait before a request is dropped, seconds, > 0; infinite for jobs
   */
  record FleetShape(int servers, int cores, double serviceS, double timeoutS) {}
}
