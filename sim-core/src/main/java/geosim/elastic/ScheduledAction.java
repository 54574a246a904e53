package geosim.elastic;

/**
 * Scheduled scaling, as in EC2 Auto Scaling's scheduled actions: from {@code atNs} on, the fleet's
 * bounds are {@code [min, max]} (until a later action).
 *
 * @param atNs virtual time the bounds take effect, >= 0
 * @param min fewest servers, 1 to {@code max}
 * @param max most servers, >= min
 */
public record ScheduledAction(long atNs, int min, int max) {
  public ScheduledAction {
    if (atNs < 0) throw new IllegalArgumentException("atNs must be >= 0, got " + atNs);
    if (min < 1 || max < min) throw new IllegalArgumentException("need 1 <= min <= max, got " + min + ", " + max);
  }
}
