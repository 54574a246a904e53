package geosim.queue;

/**
 * One validation setting: c cores, Poisson arrivals at {@code arrivalRatePerS}, service time mean
 * {@value #SERVICE_MS} ms, each replication running {@code durationS} virtual seconds.
 */
record ValidationCase(String label, int servers, double arrivalRatePerS,
    ServiceDistribution distribution, long durationS) {
  static final int SERVICE_MS = 10;

  ValidationCase {
    if (distribution == ServiceDistribution.DETERMINISTIC && servers != 1) {
      throw new IllegalArgumentException("only M/D/1 has a closed form here");
    }
  }

  double rho() {
    return arrivalRatePerS * SERVICE_MS / 1000.0 / servers;
  }

  /** The theory's mean response time in milliseconds. */
  double theoryMs() {
    double serviceS = SERVICE_MS / 1000.0;
    return 1000 * (distribution == ServiceDistribution.DETERMINISTIC
        ? QueueTheory.md1ResponseS(arrivalRatePerS, serviceS)
        : QueueTheory.mmcResponseS(servers, arrivalRatePerS, serviceS));
  }

  @Override
  public String toString() {
    return label;
  }
}
