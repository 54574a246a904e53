package geosim.topology;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Round-trip times between regions, one per unordered pair, as measured between their WAN
 * routers. Symmetric by construction: {@code rttNs(a, b) == rttNs(b, a)}.
 *
 * @param rttNsByPair round-trip time in nanoseconds (> 0) by {@link #pairKey}; sorted
 */
public record RttTable(SortedMap<String, Long> rttNsByPair) {
  private static final char SEPARATOR = '|';

  public RttTable {
    TreeMap<String, Long> copy = new TreeMap<>(rttNsByPair);
    for (var entry : copy.entrySet()) {
      if (entry.getKey().indexOf(SEPARATOR) < 0) {
        throw new IllegalArgumentException("rttNsByPair key must be a pairKey, got '" + entry.getKey() + "'");
      }
      if (entry.getValue() == null || entry.getValue() <= 0) {
        throw new IllegalArgumentException("rtt between " + entry.getKey() + " must be > 0 ns, got " + entry.getValue());
      }
    }
    rttNsByPair = Collections.unmodifiableSortedMap(copy);
  }

  /** A table from {@code (a, b, rttNs)} entries, in either order. */
  public static RttTable of(List<Entry> entries) {
    TreeMap<String, Long> map = new TreeMap<>();
    for (Entry e : entries) {
      if (map.put(pairKey(e.a(), e.b()), e.rttNs()) != null) {
        throw new IllegalArgumentException("duplicate rtt between " + e.a() + " and " + e.b());
      }
    }
    return new RttTable(map);
  }

  /** One measured pair. */
  public record Entry(String a, String b, long rttNs) {}

  /** The key of an unordered pair of distinct regions: the two names sorted, joined by {@code |}. */
  public static String pairKey(String a, String b) {
    if (a.equals(b)) throw new IllegalArgumentException("a pair needs two different regions, got " + a + " twice");
    return a.compareTo(b) < 0 ? a + SEPARATOR + b : b + SEPARATOR + a;
  }

  /** Whether the table has the pair, in either order. */
  public boolean has(String a, String b) {
    return rttNsByPair.containsKey(pairKey(a, b));
  }

  /**
   * Round-trip time between two different regions, ns.
   *
   * @throws IllegalArgumentException when the pair is not in the table
   */
  public long rttNs(String a, String b) {
    Long rtt = rttNsByPair.get(pairKey(a, b));
    if (rtt == null) throw new IllegalArgumentException("no rtt between " + a + " and " + b);
    return rtt;
  }
}
