package geosim.elastic;

/**
 * The decision part of an autoscaler, kept apart from how its servers are counted: every
 * evaluation the {@link AutoscalingPolicy}'s answer is clamped to the bounds in force (min, max,
 * or a scheduled action's); below min or above max the fleet is corrected at once, otherwise a
 * scale-out waits for the cool-down and a scale-in for the scale-in cool-down and for no launch to
 * be pending (EC2 Auto Scaling does not scale in while it is still scaling out [1]). The fluid
 * {@link Autoscaler} counts its servers itself; the per-request store model's autoscaler actors
 * ({@code geosim.autoscale}) count real instances and ask this rule.
 *
 * <p>[1] Amazon EC2 Auto Scaling User Guide, "Target tracking scaling policies" and "Scaling
 * cooldowns".
 *
 * <pre>{@code
 * ScalingRule rule = new ScalingRule(settings);
 * int change = rule.decide(now, inService, launching, cpu); // +n to launch, -n to remove, 0
 * }</pre>
 */
public final class ScalingRule {
  private final AutoscalerSettings settings;
  private long lastScaleOutNs = Long.MIN_VALUE / 2;
  private long lastScaleNs = Long.MIN_VALUE / 2;

  public ScalingRule(AutoscalerSettings settings) {
    this.settings = settings;
  }

  /**
   * The change the fleet needs at {@code nowNs}, and the cool-downs restart when it is not 0.
   *
   * @param inService servers serving, >= 0
   * @param launching servers requested and not yet serving, >= 0
   * @param cpuUtilization mean CPU utilization of the servers in service over the last period,
   *     clamped to 0 to 1
   * @return servers to launch (> 0), to remove (< 0), or 0
   */
  public int decide(long nowNs, int inService, int launching, double cpuUtilization) {
    FleetObservation o = new FleetObservation(nowNs, inService, launching, Math.min(1, Math.max(0, cpuUtilization)));
    int[] bounds = settings.boundsAt(nowNs);
    int capacity = o.capacity();
    int target = Math.max(bounds[0], Math.min(bounds[1], settings.policy().desired(o)));
    int change = 0;
    if (capacity < bounds[0]) {
      change = bounds[0] - capacity;
    } else if (capacity > bounds[1]) {
      change = bounds[1] - capacity;
    } else if (target > capacity && nowNs - lastScaleOutNs >= settings.cooldownNs()) {
      change = target - capacity;
    } else if (target < capacity && launching == 0 && nowNs - lastScaleNs >= settings.scaleInCooldownNs()) {
      change = target - capacity;
    }
    if (change > 0) lastScaleOutNs = nowNs;
    if (change != 0) lastScaleNs = nowNs;
    return change;
  }

  public AutoscalerSettings settings() {
    return settings;
  }
}
