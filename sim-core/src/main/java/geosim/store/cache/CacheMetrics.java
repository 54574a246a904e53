package geosim.store.cache;

import java.util.List;

/** Names of the cache tier's counters. */
public final class CacheMetrics {
  /** Counter: gets that found their key. */
  public static final String HITS = "cache.hits";
  /** Counter: gets that did not (refused ones included). */
  public static final String MISSES = "cache.misses";
  /** Counter: gets refused by a crashed server (also counted as misses). */
  public static final String REFUSED = "cache.refused";
  /** Counter: items evicted to make room. */
  public static final String EVICTIONS = "cache.evictions";
  /** Counter: sets applied (after a miss). */
  public static final String SETS = "cache.sets";
  /** Counter: deletes sent by writes (held or not). */
  public static final String DELETES = "cache.deletes";
  /** The counters above, in summary order. */
  public static final List<String> TOTALS = List.of(HITS, MISSES, REFUSED, EVICTIONS, SETS, DELETES);

  private CacheMetrics() {}

  /** Counter: gets served by cache server {@code name} ({@code cache-1}) of {@code region}: {@code cache.us-east.cache-1.gets}. */
  public static String serverGets(String region, String name) {
    return "cache." + region + "." + name + ".gets";
  }

  /** Counter: hits of that server: {@code cache.us-east.cache-1.hits}. */
  public static String serverHits(String region, String name) {
    return "cache." + region + "." + name + ".hits";
  }
}
