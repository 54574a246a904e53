package geosim.elastic;

/**
 * Target tracking on CPU utilization, as in EC2 Auto Scaling [1]: the fleet is resized in
 * proportion to how far the metric is from its target, {@code desired = ceil(inService *
 * utilization / target)}. Because the measured utilization is capped at 1, a saturated fleet
 * grows at most by the factor {@code 1 / target} per evaluation: that is why a steep ramp
 * outruns it.
 *
 * <p>[1] Amazon EC2 Auto Scaling User Guide, "Target tracking scaling policies".
 *
 * @param target the utilization to hold, above 0 and at most 1
 */
public record TargetTracking(double target) implements AutoscalingPolicy {
  /** Tolerance so that a fleet exactly at target does not round up by floating-point noise. */
  private static final double EPSILON = 1e-9;

  public TargetTracking {
    if (!(target > 0 && target <= 1)) throw new IllegalArgumentException("target must be in (0, 1], got " + target);
  }

  @Override
  public int desired(FleetObservation o) {
    if (o.inService() == 0) return o.capacity();
    double wanted = o.inService() * o.cpuUtilization() / target;
    return (int) Math.min(Integer.MAX_VALUE, Math.ceil(wanted - EPSILON));
  }
}
