package geosim.network;

import geosim.topology.Link;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the links of a route do to a message in {@link NetworkMode#PATHS}: each link costs its
 * propagation plus the message's serialization at the link's residual rate (capacity minus the
 * {@link LinkSchedule}'s background rate), both as an empty {@link EgressPort} of that link would
 * give them, and a link cut at the send time loses it; a degraded link ({@link LinkCondition})
 * serializes at its reduced residual rate, adds its extra latency, and tells its loss
 * ({@link #lossAt}) for the sender to draw. No queueing: the network beyond the
 * sender's NIC is taken to be uncongested by foreground traffic, and the schedule's state is
 * sampled once, at the send time, for the whole route.
 *
 * <p>Example: 1500 B over srv - tor - srv at 10 Gbit/s, 20 us per link: the NIC port gives 1200
 * + 20,000 ns to the ToR, {@link #delayNs} adds 1200 + 20,000 ns for the ToR's link down.
 *
 * <p>Read-only once built, so actors in every partition may share it.
 */
public final class PathTimes {
  private final double[] bandwidthBps;
  private final long[] propagationNs;
  /** Per link: the times its state changes, or null when it never does; and its state from each. */
  private final long[][] changeAtNs;
  private final double[][] backgroundBps;
  private final boolean[][] cut;
  private final LinkCondition[][] condition;
  /** True when no link ever changes: no cut, no background, the common case answered without a look. */
  private final boolean steady;

  /**
   * @param links every directed link, by id
   * @param schedule the background rates and cuts of those links over the run
   */
  public PathTimes(List<Link> links, LinkSchedule schedule) {
    int n = links.size();
    bandwidthBps = new double[n];
    propagationNs = new long[n];
    for (int id = 0; id < n; id++) {
      bandwidthBps[id] = links.get(id).spec().bandwidthGbps() * 1e9;
      propagationNs[id] = links.get(id).spec().latencyNs();
    }
    List<List<LinkChange>> byLink = new ArrayList<>(n);
    for (int id = 0; id < n; id++) byLink.add(null);
    for (LinkChange c : schedule.changes()) {
      if (byLink.get(c.linkId()) == null) byLink.set(c.linkId(), new ArrayList<>());
      byLink.get(c.linkId()).add(c);
    }
    steady = schedule.changes().isEmpty();
    changeAtNs = new long[n][];
    backgroundBps = new double[n][];
    cut = new boolean[n][];
    condition = new LinkCondition[n][];
    for (int id = 0; id < n; id++) {
      List<LinkChange> changes = byLink.get(id);
      if (changes == null) continue;
      changeAtNs[id] = new long[changes.size()];
      backgroundBps[id] = new double[changes.size()];
      cut[id] = new boolean[changes.size()];
      condition[id] = new LinkCondition[changes.size()];
      for (int k = 0; k < changes.size(); k++) {
        changeAtNs[id][k] = changes.get(k).atNs();
        condition[id][k] = changes.get(k).condition();
        backgroundBps[id][k] = Math.min(changes.get(k).backgroundBps(), capacityBps(id, k));
        cut[id][k] = changes.get(k).cut();
      }
    }
  }

  /** The index of the first hop of {@code route}, from hop {@code fromHop} on, whose link is cut at {@code atNs}; -1 when none is. */
  public int firstCutHop(Route route, int fromHop, long atNs) {
    if (steady) return -1;
    List<Hop> hops = route.hops();
    for (int h = fromHop; h < hops.size(); h++) {
      int id = hops.get(h).linkId();
      int k = stateAt(id, atNs);
      if (k >= 0 && cut[id][k]) return h;
    }
    return -1;
  }

  /**
   * The time hops {@code fromHop} to the end of {@code route} take a message of {@code sizeBytes}
   * sent at {@code atNs}, ns: per link, serialization at its residual rate then and propagation;
   * {@link EgressPort#NEVER} when a link has no residual capacity then (the message would stall).
   */
  public long delayNs(Route route, int fromHop, long sizeBytes, long atNs) {
    List<Hop> hops = route.hops();
    double bits = 8.0 * sizeBytes;
    long total = 0;
    for (int h = fromHop; h < hops.size(); h++) {
      int id = hops.get(h).linkId();
      int k = steady ? -1 : stateAt(id, atNs);
      double residual = k < 0 ? bandwidthBps[id] : capacityBps(id, k) - backgroundBps[id][k];
      if (residual <= 0) return EgressPort.NEVER;
      double ns = EgressPort.drainNs(bits, residual);
      long wire = k < 0 ? propagationNs[id] : saturatedAdd(propagationNs[id], condition[id][k].extraLatencyNs());
      if (ns >= EgressPort.NEVER - total - (double) wire) return EgressPort.NEVER;
      total += (long) ns + wire;
    }
    return total;
  }

  /** The chance a frame that enters link {@code linkId} at {@code atNs} is lost on it (its degradation), 0 to 1. */
  public double lossAt(int linkId, long atNs) {
    if (steady) return 0;
    int k = stateAt(linkId, atNs);
    return k < 0 ? 0 : condition[linkId][k].lossProbability();
  }

  /** Link {@code id}'s capacity in its {@code k}-th state, bit/s: its bandwidth times its condition's factor. */
  private double capacityBps(int id, int k) {
    return bandwidthBps[id] * condition[id][k].capacityFactor();
  }

  private static long saturatedAdd(long a, long b) {
    return a > EgressPort.NEVER - b ? EgressPort.NEVER : a + b;
  }

  /** Index of the last change of link {@code id} at or before {@code atNs}; -1 when none. */
  private int stateAt(int id, long atNs) {
    long[] times = changeAtNs[id];
    if (times == null || atNs < times[0]) return -1;
    int k = Arrays.binarySearch(times, atNs);
    if (k < 0) return -k - 2;
    while (k + 1 < times.length && times[k + 1] == atNs) k++;
    return k;
  }
}
