package geosim.elastic;

import java.util.List;

/**
 * Step scaling, as in EC2 Auto Scaling [1]: the first step whose utilization band holds the
 * measurement changes the capacity by its fraction, at least one server either way; utilization
 * outside every step leaves the capacity alone.
 *
 * <p>[1] Amazon EC2 Auto Scaling User Guide, "Step and simple scaling policies".
 *
 * @param steps the bands, checked in order
 */
public record StepScaling(List<ScalingStep> steps) implements AutoscalingPolicy {
  public StepScaling {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) throw new IllegalArgumentException("step scaling needs at least one step");
  }

  @Override
  public int desired(FleetObservation o) {
    for (ScalingStep step : steps) {
      if (!step.covers(o.cpuUtilization()) || step.change() == 0) continue;
      int capacity = o.capacity();
      long delta = (long) Math.ceil(Math.abs(capacity * step.change()));
      long changed = capacity + Math.max(1, delta) * (long) Math.signum(step.change());
      return (int) Math.max(0, Math.min(Integer.MAX_VALUE, changed));
    }
    return o.capacity();
  }
}
