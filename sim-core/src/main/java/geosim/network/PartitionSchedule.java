package geosim.network;

import geosim.topology.Link;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The partitions of a run ({@link PartitionSpec}) as a read-only table built before it starts,
 * by start time: whether a frame leaving its sender now crosses one. Only a route's two ends
 * matter, and they are its first link's sending end and its last link's receiving end, so each
 * partition keeps, per link id, the side of each end (0 outside both sides): a check reads two
 * bytes per partition started by then and allocates nothing.
 *
 * <pre>{@code
 * PartitionSchedule p = PartitionSchedule.of(specs, routes.links()); // null: no partition at all
 * if (p != null && p.separates(frame.route(), now)) ... // lost at its first hop
 * }</pre>
 *
 * <p>Background flows (storms, streaming) are fluid rates on links, not frames, and are not
 * filtered (docs/faults.md).
 */
public final class PartitionSchedule {
  private final long[] startNs;
  private final long[] endNs;
  /** Per partition, per link id: the side of the link's sending end, 1 or 2, 0 outside both. */
  private final byte[][] fromSide;
  /** Per partition, per link id: the side of the link's receiving end. */
  private final byte[][] toSide;

  private PartitionSchedule(List<PartitionSpec> byStart, List<Link> links) {
    int n = byStart.size();
    startNs = new long[n];
    endNs = new long[n];
    fromSide = new byte[n][links.size()];
    toSide = new byte[n][links.size()];
    for (int p = 0; p < n; p++) {
      PartitionSpec spec = byStart.get(p);
      startNs[p] = spec.startNs();
      endNs[p] = spec.endNs();
      for (int id = 0; id < links.size(); id++) {
        fromSide[p][id] = (byte) spec.sideOf(links.get(id).from());
        toSide[p][id] = (byte) spec.sideOf(links.get(id).to());
      }
    }
  }

  /**
   * The schedule of {@code partitions} over {@code links} (by link id), or null when there are no
   * partitions: then a sender need not look at all.
   */
  public static PartitionSchedule of(List<PartitionSpec> partitions, List<Link> links) {
    if (partitions.isEmpty()) return null;
    List<PartitionSpec> byStart = new ArrayList<>(partitions);
    byStart.sort(Comparator.comparingLong(PartitionSpec::startNs)); // stable: ties keep the given order
    return new PartitionSchedule(byStart, links);
  }

  /**
   * Whether a frame on {@code route} sent at {@code nowNs} goes from one side of a partition on at
   * that time ({@code start <= now < end}) to the other; false for an empty route.
   */
  public boolean separates(Route route, long nowNs) {
    List<Hop> hops = route.hops();
    if (hops.isEmpty()) return false;
    int first = hops.get(0).linkId();
    int last = hops.get(hops.size() - 1).linkId();
    for (int p = 0; p < startNs.length && startNs[p] <= nowNs; p++) {
      if (nowNs >= endNs[p]) continue;
      int a = fromSide[p][first];
      int b = toSide[p][last];
      if (a != 0 && b != 0 && a != b) return true;
    }
    return false;
  }
}
