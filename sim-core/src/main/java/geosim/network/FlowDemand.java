package geosim.network;

import java.util.Arrays;

/**
 * A fluid flow asking for link capacity: a demanded rate over a set of links.
 *
 * @param demandBps rate the flow would use if nothing held it back, bit/s, >= 0; may be
 *     infinite (a bulk transfer that takes what it gets) when the flow crosses at least one link
 * @param linkIds indices into the capacity array of {@link MaxMinFairShare#allocate}, each >= 0,
 *     no duplicates; copied
 */
public record FlowDemand(double demandBps, int[] linkIds) {
  public FlowDemand {
    if (!(demandBps >= 0)) throw new IllegalArgumentException("demandBps must be >= 0, got " + demandBps);
    linkIds = linkIds.clone();
    if (Double.isInfinite(demandBps) && linkIds.length == 0) {
      throw new IllegalArgumentException("a flow with infinite demandBps must cross at least one link");
    }
    int[] sorted = linkIds.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] < 0) throw new IllegalArgumentException("linkIds must be >= 0, got " + sorted[i]);
      if (i > 0 && sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException("linkIds must not repeat, got " + sorted[i] + " twice");
      }
    }
  }

  /** A copy of the link ids. */
  @Override
  public int[] linkIds() {
    return linkIds.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlowDemand f
        && Double.compare(demandBps, f.demandBps) == 0 && Arrays.equals(linkIds, f.linkIds);
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(demandBps) + Arrays.hashCode(linkIds);
  }

  @Override
  public String toString() {
    return "FlowDemand[demandBps=" + demandBps + ", linkIds=" + Arrays.toString(linkIds) + "]";
  }
}
