package geosim.store.node;

import geosim.kernel.Seeds;
import geosim.kernel.StreamRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The store servers' clocks. A coordinator stamps each write with its own clock in microseconds,
 * as Cassandra's coordinator does when the client gives no timestamp [1]; replicas keep the
 * write with the latest timestamp (last write wins), so a clock ahead of the others can make an
 * older write win over a newer one and lose it. Each server's clock runs at the right rate with a
 * constant offset from true time: drawn from a normal distribution with mean 0 and standard
 * deviation {@code skewStddevNs} (one draw per server, in server order, from the run's stream
 * {@code store/clock-offsets}), unless {@code offsetsNs} fixes it.
 *
 * <p>Example: skew 0 and {@code offsetsNs = {us-east/use1-a/rack-1/srv-1 = 1e9}}: that server's
 * writes carry timestamps one second ahead of everyone else's.
 *
 * <p>[1] Apache Cassandra documentation, CQL "Update" (USING TIMESTAMP: by default the
 * coordinator's current time in microseconds is used).
 *
 * @param skewStddevNs standard deviation of the random offsets, ns, >= 0 (0: no random skew)
 * @param offsetsNs fixed offsets by server path ({@code region/datacenter/rack/server}), ns, any sign
 */
public record ClockSettings(long skewStddevNs, SortedMap<String, Long> offsetsNs) {
  /** Largest offset or skew: one day. Assumption: a clock off by more is a broken server, not skew. */
  public static final long OFFSET_NS_MAX = 86_400_000_000_000L;

  /** Perfect clocks. */
  public static final ClockSettings NONE = new ClockSettings(0, new TreeMap<>());

  public ClockSettings {
    if (skewStddevNs < 0 || skewStddevNs > OFFSET_NS_MAX) {
      throw new IllegalArgumentException("skewStddevNs must be between 0 and " + OFFSET_NS_MAX + ", got " + skewStddevNs);
    }
    for (Map.Entry<String, Long> e : Objects.requireNonNull(offsetsNs, "offsetsNs").entrySet()) {
      if (Math.abs(e.getValue()) > OFFSET_NS_MAX) {
        throw new IllegalArgumentException("offset of " + e.getKey() + " must be within +-" + OFFSET_NS_MAX
            + " ns, got " + e.getValue());
      }
    }
    offsetsNs = new TreeMap<>(offsetsNs);
  }

  /**
   * Every server's clock offset, ns, in server order.
   *
   * @param serverPaths the servers' paths, in server order
   * @throws IllegalArgumentException when {@code offsetsNs} names a server not in {@code serverPaths}
   */
  public long[] offsetsNs(List<String> serverPaths, long seed) {
    long[] offsets = new long[serverPaths.size()];
    if (skewStddevNs > 0) {
      StreamRandom random = new StreamRandom(Seeds.streamSeed(seed, "store/clock-offsets"));
      for (int i = 0; i < offsets.length; i++) {
        double drawn = random.nextGaussian() * skewStddevNs;
        offsets[i] = Math.round(Math.max(-OFFSET_NS_MAX, Math.min(OFFSET_NS_MAX, drawn)));
      }
    }
    for (Map.Entry<String, Long> e : offsetsNs.entrySet()) {
      int server = serverPaths.indexOf(e.getKey());
      if (server < 0) throw new IllegalArgumentException("no server '" + e.getKey() + "' for a clock offset");
      offsets[server] = e.getValue();
    }
    return offsets;
  }
}
