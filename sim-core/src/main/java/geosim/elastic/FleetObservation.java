package geosim.elastic;

/**
 * What an autoscaling policy sees of a fleet at an evaluation, like a CloudWatch alarm's view of
 * an Auto Scaling group.
 *
 * @param nowNs virtual time of the evaluation, >= 0
 * @param inService servers serving requests, >= 0
 * @param launching servers requested but still provisioning, >= 0
 * @param cpuUtilization mean CPU utilization of the servers in service over the last evaluation
 *     period, 0 to 1 (a saturated fleet shows 1, however large the backlog: the metric is capped)
 */
public record FleetObservation(long nowNs, int inService, int launching, double cpuUtilization) {
  public FleetObservation {
    if (inService < 0 || launching < 0) {
      throw new IllegalArgumentException("server counts must be >= 0, got " + inService + ", " + launching);
    }
    if (!(cpuUtilization >= 0 && cpuUtilization <= 1)) {
      throw new IllegalArgumentException("cpuUtilization must be in [0, 1], got " + cpuUtilization);
    }
  }

  /** Servers the fleet will have once the launching ones are up. */
  public int capacity() {
    return inService + launching;
  }
}
