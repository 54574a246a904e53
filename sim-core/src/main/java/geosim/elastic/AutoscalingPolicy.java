package geosim.elastic;

/**
 * Decides how many servers a fleet should have: an extension point for students. Implementations
 * are pure functions of the observation; the autoscaler then clamps the answer to its bounds and
 * applies cool-downs and delays. The reference implementations are {@link TargetTracking} and
 * {@link StepScaling}.
 *
 * <p>A student's class ({@code fleet.autoscaler.class}) must be public, implement this interface
 * and have a public no-argument constructor; it replaces {@code target-tracking} or {@code step}
 * (with {@code policy = none} the fleet stays fixed). One instance serves every region's
 * autoscaler, so it must keep no state; it must be deterministic (no clock, no randomness).
 * Example, one server per 20 % of CPU above 50 %: {@code return o.inService() + (int)
 * Math.ceil(Math.max(0, o.cpuUtilization() - 0.5) / 0.2 * o.inService());}
 */
@FunctionalInterface
public interface AutoscalingPolicy {
  /** The desired number of servers, >= 0 (before min and max are applied). */
  int desired(FleetObservation observation);

  /** No scaling: the fleet keeps the capacity it has (a fixed fleet, still held within min and max). */
  AutoscalingPolicy NONE = FleetObservation::capacity;
}
