package geosim.network;

import java.util.Objects;

/**
 * Link {@code linkId} in {@code condition} from {@code startNs} until {@code endNs}: one link of a
 * link-degradation fault, as the {@link LinkSchedule} takes it.
 *
 * @param startNs virtual time it starts, ns, >= 0
 * @param endNs virtual time it ends, ns, > {@code startNs}; {@link Long#MAX_VALUE} for never
 * @param linkId the directed link, >= 0
 * @param condition what the link does meanwhile
 */
public record TimedDegradation(long startNs, long endNs, int linkId, LinkCondition condition) {
  public TimedDegradation {
    if (startNs < 0) throw new IllegalArgumentException("startNs must be >= 0, got " + startNs);
    if (endNs <= startNs) throw new IllegalArgumentException("endNs must be > startNs " + startNs + ", got " + endNs);
    if (linkId < 0) throw new IllegalArgumentException("linkId must be >= 0, got " + linkId);
    Objects.requireNonNull(condition, "condition");
  }

  boolean activeAt(long atNs) {
    return startNs <= atNs && atNs < endNs;
  }
}
