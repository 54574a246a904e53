package geosim.store.cache;

import java.util.List;

/**
 * The cache tier ({@code store.cache}): {@code serversPerRegion} memcached servers in every
 * region, beside its app servers, each giving {@code memoryBytes} to items of {@code itemBytes}
 * (the store's value size plus memcached's per-item overhead); a request costs {@code cpuPerRequestNs} on one of {@code
 * threads} worker threads. See docs/store/cache.md for the sources of the defaults.
 *
 * @param serversPerRegion cache servers in each region, 1 to {@value #SERVERS_MAX}
 * @param memoryBytes memory for items per cache server (memcached's {@code -m}), >= 1
 * @param itemBytes bytes one item takes: value, key and header, >= 1
 * @param threads worker threads (memcached's {@code -t}), 1 to {@link geosim.node.Cpu#CORES_MAX}
 * @param cpuPerRequestNs CPU time of one get, set or delete, ns, >= 0
 * @param crashes scheduled crashes of cache servers, in config order
 */
public record CacheSettings(int serversPerRegion, long memoryBytes, int itemBytes, int threads,
    long cpuPerRequestNs, List<CacheCrash> crashes) {
  /** Most cache servers per region. Assumption: far beyond Facebook's thousands of memcached servers in 2013. */
  public static final int SERVERS_MAX = 100_000;

  public CacheSettings {
    if (serversPerRegion < 1 || serversPerRegion > SERVERS_MAX) {
      throw new IllegalArgumentException("serversPerRegion must be in [1, " + SERVERS_MAX + "], got " + serversPerRegion);
    }
    if (memoryBytes < 1) throw new IllegalArgumentException("memoryBytes must be >= 1, got " + memoryBytes);
    if (itemBytes < 1) throw new IllegalArgumentException("itemBytes must be >= 1, got " + itemBytes);
    if (threads < 1 || threads > geosim.node.Cpu.CORES_MAX) throw new IllegalArgumentException("threads out of range: " + threads);
    if (cpuPerRequestNs < 0) throw new IllegalArgumentException("cpuPerRequestNs must be >= 0, got " + cpuPerRequestNs);
    crashes = List.copyOf(crashes);
    for (CacheCrash c : crashes) {
      if (c.server() > serversPerRegion) {
        throw new IllegalArgumentException("crash of cache server " + c.server() + " of " + serversPerRegion);
      }
    }
  }

  /** Items one cache server holds: memory / item bytes, at most Integer.MAX_VALUE. */
  public int capacityItems() {
    return (int) Math.min(Integer.MAX_VALUE, memoryBytes / itemBytes);
  }

  /** The crashes of server {@code server} (1-based) of {@code region}, in config order. */
  public List<CacheCrash> crashesOf(String region, int server) {
    return crashes.stream().filter(c -> c.region().equals(region) && c.server() == server).toList();
  }
}
