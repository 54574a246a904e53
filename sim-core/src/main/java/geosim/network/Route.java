package geosim.network;

import java.util.List;
import java.util.Objects;

/**
 * The path of a flow from one server to another: directed links, each starting where the one
 * before ends. Empty when a server sends to itself.
 *
 * @param from sending server's actor path
 * @param to receiving server's actor path
 * @param hops in order from {@code from} to {@code to}; contiguous
 */
public record Route(String from, String to, List<Hop> hops) {
  public Route {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!(hops instanceof CheckedHops)) { // built by IndexedRoutes: contiguous and immutable already
      hops = List.copyOf(hops);
      checkContiguous(from, to, hops);
    }
  }

  private static void checkContiguous(String from, String to, List<Hop> hops) {
    String at = from;
    for (Hop hop : hops) {
      if (!hop.link().from().equals(at)) {
        throw new IllegalArgumentException("hops must be contiguous: " + hop.link() + " does not start at " + at);
      }
      at = hop.link().to();
    }
    if (!at.equals(to)) throw new IllegalArgumentException("hops end at " + at + ", not at " + to);
  }

  /** Sum of the hops' one-way propagation latencies, ns: the route's time with empty queues and zero-size messages. */
  public long propagationNs() {
    long total = 0;
    for (Hop hop : hops) total += hop.link().spec().latencyNs();
    return total;
  }

  /** The hops' link ids, in order. */
  public int[] linkIds() {
    int[] ids = new int[hops.size()];
    for (int i = 0; i < ids.length; i++) ids[i] = hops.get(i).linkId();
    return ids;
  }

  /** Smallest bandwidth along the route, Gbit/s; infinite for an empty route. */
  public double bottleneckGbps() {
    double min = Double.POSITIVE_INFINITY;
    for (Hop hop : hops) min = Math.min(min, hop.link().spec().bandwidthGbps());
    return min;
  }
}
