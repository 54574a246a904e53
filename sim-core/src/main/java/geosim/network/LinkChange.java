package geosim.network;

import java.util.Objects;

/**
 * From {@code atNs} on, link {@code linkId} carries {@code backgroundBps} of background flows,
 * is cut or not, and is in {@code condition} (degraded or not). See {@link LinkSchedule}.
 *
 * @param atNs virtual time of the change, ns, >= 0
 * @param linkId the directed link, >= 0
 * @param backgroundBps rate background flows take, bit/s, 0 to the link's capacity (as the
 *     condition leaves it); 0 while cut
 * @param cut true while the link is cut (a message offered to it is lost)
 * @param condition added latency, loss and capacity factor ({@link LinkCondition#NORMAL} when not degraded)
 */
public record LinkChange(long atNs, int linkId, double backgroundBps, boolean cut, LinkCondition condition) {
  public LinkChange {
    if (atNs < 0) throw new IllegalArgumentException("atNs must be >= 0, got " + atNs);
    if (linkId < 0) throw new IllegalArgumentException("linkId must be >= 0, got " + linkId);
    if (!(backgroundBps >= 0)) throw new IllegalArgumentException("backgroundBps must be >= 0, got " + backgroundBps);
    Objects.requireNonNull(condition, "condition");
  }

  /** A change of background rate or cut state on a link that is not degraded. */
  public LinkChange(long atNs, int linkId, double backgroundBps, boolean cut) {
    this(atNs, linkId, backgroundBps, cut, LinkCondition.NORMAL);
  }
}
