package geosim.network;

import java.util.Arrays;

/**
 * Links cut from {@code startNs} until {@code endNs}: a network partition, or a cable pulled.
 *
 * @param startNs virtual time the cut starts, ns, >= 0
 * @param endNs virtual time it heals, ns, > {@code startNs}; {@link Long#MAX_VALUE} for never
 * @param linkIds the directed links cut, each >= 0; copied
 */
public record TimedCut(long startNs, long endNs, int[] linkIds) {
  public TimedCut {
    if (startNs < 0) throw new IllegalArgumentException("startNs must be >= 0, got " + startNs);
    if (endNs <= startNs) throw new IllegalArgumentException("endNs must be > startNs " + startNs + ", got " + endNs);
    linkIds = linkIds.clone();
    for (int id : linkIds) {
      if (id < 0) throw new IllegalArgumentException("linkIds must be >= 0, got " + id);
    }
  }

  /** A copy of the cut link ids. */
  @Override
  public int[] linkIds() {
    return linkIds.clone();
  }

  boolean activeAt(long atNs) {
    return startNs <= atNs && atNs < endNs;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimedCut c && startNs == c.startNs && endNs == c.endNs && Arrays.equals(linkIds, c.linkIds);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(startNs) * 31 + Long.hashCode(endNs) * 17 + Arrays.hashCode(linkIds);
  }

  @Override
  public String toString() {
    return "TimedCut[startNs=" + startNs + ", endNs=" + endNs + ", linkIds=" + Arrays.toString(linkIds) + "]";
  }
}
