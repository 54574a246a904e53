import geosim.elastic.AutoscalingPolicy;
import geosim.elastic.FleetObservation;

/**
 * Lab 5's reference solution: target tracking on CPU at 70 %, as EC2 Auto Scaling's target
 * tracking policies work ("Target tracking scaling policies", Amazon EC2 Auto Scaling User Guide):
 * resize the fleet in proportion to how far the utilization is from the target,
 * desired = ceil(in service x utilization / target). Run it with
 * {@code ./geosim lab check 5 --student-dir docs/labs/instructor/05-launch-day/policy}.
 */
public class CpuTargetPolicy implements AutoscalingPolicy {
  private static final double TARGET = 0.7;

  @Override
  public int desired(FleetObservation o) {
    if (o.inService() == 0) return o.capacity();
    // 1e-9: a fleet exactly at the target must not round up by floating-point noise.
    return (int) Math.ceil(o.inService() * o.cpuUtilization() / TARGET - 1e-9);
  }
}
