package geosim.ping;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Parameters of the placeholder ping model: every server sends pings at exponential intervals,
 * to a server of its own region or, with probability {@code remoteFraction}, of another region;
 * the target answers after an exponential service time. All times are virtual nanoseconds.
 *
 * <p>Example: two regions {@code us-east} and {@code eu-west} with {@code rttNs = {"eu-west|us-east"
 * = 75_000_000}} give {@code rttNs("us-east", "eu-west") == 75_000_000} and {@code
 * rttNs("us-east", "us-east") == localRttNs}.
 *
 * @param regions the regions in file order, at least one, names unique
 * @param rttNs round-trip time per pair of distinct regions, keyed {@code "a|b"} with {@code a < b}
 *     lexicographically; exactly one entry per pair, each > 0
 * @param localRttNs round trip between two servers of the same region, > 0
 * @param intervalMeanNs mean time between two pings one server sends, > 0
 * @param serviceTimeMeanNs mean time a server takes to answer one ping, >= 0
 * @param remoteFraction probability that a ping goes to another region, 0 to 1
 */
public record PingSettings(
    List<PingRegion> regions,
    SortedMap<String, Long> rttNs,
    long localRttNs,
    long intervalMeanNs,
    long serviceTimeMeanNs,
    double remoteFraction) {

  public PingSettings {
    regions = List.copyOf(regions);
    rttNs = Collections.unmodifiableSortedMap(new TreeMap<>(rttNs));
    requireRegions(regions);
    requirePairs(regions, rttNs);
    requirePositive("localRttNs", localRttNs);
    requirePositive("intervalMeanNs", intervalMeanNs);
    if (serviceTimeMeanNs < 0) {
      throw new IllegalArgumentException("serviceTimeMeanNs must be >= 0, got " + serviceTimeMeanNs);
    }
    if (!(remoteFraction >= 0 && remoteFraction <= 1)) {
      throw new IllegalArgumentException("remoteFraction must be between 0 and 1, got " + remoteFraction);
    }
  }

  /** The key of a pair of distinct regions in {@link #rttNs()}: {@code "a|b"} with {@code a < b}. */
  public static String pairKey(String regionA, String regionB) {
    return regionA.compareTo(regionB) < 0 ? regionA + "|" + regionB : regionB + "|" + regionA;
  }

  /**
   * Round-trip time between two regions in nanoseconds; symmetric, and {@link #localRttNs()} when
   * both are the same region.
   *
   * @throws IllegalArgumentException when a region is not one of {@link #regions()}
   */
  public long rttNs(String regionA, String regionB) {
    if (regionA.equals(regionB)) {
      if (!isRegion(regionA)) throw unknownRegion(regionA);
      return localRttNs;
    }
    Long rtt = rttNs.get(pairKey(regionA, regionB));
    if (rtt == null) throw unknownRegion(isRegion(regionA) ? regionB : regionA);
    return rtt;
  }

  private boolean isRegion(String name) {
    return regions.stream().anyMatch(r -> r.name().equals(name));
  }

  private IllegalArgumentException unknownRegion(String name) {
    return new IllegalArgumentException("unknown region '" + name + "', regions are " + regionNames(regions));
  }

  private static List<String> regionNames(List<PingRegion> regions) {
    return regions.stream().map(PingRegion::name).toList();
  }

  private static void requireRegions(List<PingRegion> regions) {
    if (regions.isEmpty()) throw new IllegalArgumentException("regions must not be empty");
    if (new TreeSet<>(regionNames(regions)).size() != regions.size()) {
      throw new IllegalArgumentException("region names must be unique, got " + regionNames(regions));
    }
  }

  private static void requirePairs(List<PingRegion> regions, SortedMap<String, Long> rttNs) {
    TreeSet<String> expected = new TreeSet<>();
    for (int i = 0; i < regions.size(); i++) {
      for (int j = i + 1; j < regions.size(); j++) {
        expected.add(pairKey(regions.get(i).name(), regions.get(j).name()));
      }
    }
    if (!expected.equals(rttNs.keySet())) {
      throw new IllegalArgumentException(
          "rttNs must have exactly the keys " + expected + ", got " + rttNs.keySet());
    }
    for (Map.Entry<String, Long> e : rttNs.entrySet()) {
      requirePositive("rttNs[" + e.getKey() + "]", Objects.requireNonNull(e.getValue(), e.getKey()));
    }
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) throw new IllegalArgumentException(name + " must be > 0, got " + value);
  }
}
