package geosim.elastic;

/**
 * Decides how many servers a fleet should have. Implementations are pure functions of the
 * observation (labs may write their own and plug them into an {@link Autoscaler}); the
 * autoscaler then clamps the answer to its bounds and applies cool-downs and delays.
 */
@FunctionalInterface
public interface AutoscalingPolicy {
  /** The desired number of servers, >= 0 (before min and max are applied). */
  int desired(FleetObservation observation);

  /** No scaling: the fleet keeps the capacity it has (a fixed fleet, still held within min and max). */
  AutoscalingPolicy NONE = FleetObservation::capacity;
}
