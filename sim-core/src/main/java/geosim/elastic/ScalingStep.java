package geosim.elastic;

/**
 * One step of a {@link StepScaling} policy: while utilization is in {@code [lower, upper)}, change
 * the capacity by {@code change} times itself (EC2's PercentChangeInCapacity adjustment).
 *
 * @param lower lowest utilization of the step, 0 to 1
 * @param upper utilization above the step, above {@code lower}, at most 1 (1 includes 1 itself)
 * @param change capacity change as a fraction, e.g. 0.5 adds half, -0.2 removes a fifth; > -1
 */
public record ScalingStep(double lower, double upper, double change) {
  public ScalingStep {
    if (!(lower >= 0 && lower < upper && upper <= 1)) {
      throw new IllegalArgumentException("need 0 <= lower < upper <= 1, got " + lower + ", " + upper);
    }
    if (!(change > -1 && Double.isFinite(change))) throw new IllegalArgumentException("change must be > -1, got " + change);
  }

  /** True when {@code utilization} falls in this step. */
  boolean covers(double utilization) {
    return utilization >= lower && (utilization < upper || upper == 1);
  }
}
