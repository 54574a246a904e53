package geosim.elastic;

import java.util.List;
import java.util.Objects;

/**
 * How an {@link Autoscaler} behaves. Times are virtual nanoseconds. Defaults and sources are in
 * {@code reference.conf} (block {@code fleet.autoscaler}) and docs/model.md.
 *
 * @param policy decides the desired size
 * @param min fewest servers, >= 1
 * @param max most servers, >= min
 * @param schedule scheduled bounds, sorted by time; each replaces min and max from its time on
 * @param cooldownNs after a scale-out, no further scale-out until this has passed, >= 0
 * @param scaleInCooldownNs after any scaling, no scale-in until this has passed, >= 0
 * @param provisioningDelayNs from the launch request until a server serves, >= 0
 * @param drainNs how long a removed server stays (finishing its requests, still billed), >= 0
 * @param evaluationNs time between two evaluations, > 0
 */
public record AutoscalerSettings(
    AutoscalingPolicy policy,
    int min,
    int max,
    List<ScheduledAction> schedule,
    long cooldownNs,
    long scaleInCooldownNs,
    long provisioningDelayNs,
    long drainNs,
    long evaluationNs) {

  public AutoscalerSettings {
    Objects.requireNonNull(policy, "policy");
    schedule = List.copyOf(schedule);
    if (min < 1 || max < min) throw new IllegalArgumentException("need 1 <= min <= max, got " + min + ", " + max);
    for (int i = 1; i < schedule.size(); i++) {
      if (schedule.get(i).atNs() < schedule.get(i - 1).atNs()) throw new IllegalArgumentException("schedule must be sorted");
    }
    if (cooldownNs < 0 || scaleInCooldownNs < 0 || provisioningDelayNs < 0 || drainNs < 0) {
      throw new IllegalArgumentException("cool-downs and delays must be >= 0");
    }
    if (evaluationNs <= 0) throw new IllegalArgumentException("evaluationNs must be > 0, got " + evaluationNs);
  }

  /** A fleet that never changes: {@code servers} from start to end. */
  public static AutoscalerSettings fixed(int servers) {
    return new AutoscalerSettings(AutoscalingPolicy.NONE, servers, servers, List.of(), 0, 0, 0, 0, Long.MAX_VALUE);
  }

  /** The bounds in force at {@code nowNs}: {min, max}. */
  int[] boundsAt(long nowNs) {
    int lo = min;
    int hi = max;
    for (ScheduledAction a : schedule) {
      if (a.atNs() > nowNs) break;
      lo = a.min();
      hi = a.max();
    }
    return new int[] {lo, hi};
  }
}
