package geosim.store.node;

/**
 * What a store server has cost and used so far, for the time series of cost: the scenario layer
 * prices it (the store knows no prices; {@code geosim.scenario.StoreCost}) and the server asks at
 * every snapshot boundary. A pure function of its arguments, so one meter serves every server of
 * every partition as a read-only structure built before the run.
 */
@FunctionalInterface
public interface ServerMeter {
  /** No meter: the store writes no cost or energy series. */
  ServerMeter NONE = (server, atNs, cpuUtilization, diskUtilization) -> new Metered(0, 0);

  /**
   * The cumulative cost and facility energy of server {@code server} over {@code [0, atNs]}.
   *
   * @param server the server's index in {@code Topology.servers()}
   * @param atNs end of the span, ns, >= 0
   * @param cpuUtilization the server's mean CPU utilization over the span, 0 to 1
   * @param diskUtilization its disk's mean utilization over the span, 0 to 1
   */
  Metered at(int server, long atNs, double cpuUtilization, double diskUtilization);

  /**
   * A cumulative cost and energy.
   *
   * @param microUsd cost, whole micro-dollars, >= 0
   * @param joules facility energy, whole joules, >= 0
   */
  record Metered(long microUsd, long joules) {
    public Metered {
      if (microUsd < 0 || joules < 0) {
        throw new IllegalArgumentException("microUsd and joules must be >= 0, got " + microUsd + ", " + joules);
      }
    }
  }
}
