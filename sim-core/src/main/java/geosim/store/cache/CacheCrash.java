package geosim.store.cache;

import java.util.Objects;

/**
 * A scheduled crash of one cache server: its memcached process dies at {@code atNs}, refuses
 * connections for {@code downNs}, then restarts empty (a cold cache). With {@code downNs} 0 it is
 * a restart: the contents are lost, the server answers again at once.
 *
 * @param region the cache server's region
 * @param server its number in the region, 1 to the cache servers per region
 * @param atNs when it crashes, ns from the start, >= 0
 * @param downNs how long it refuses connections, ns, >= 0
 */
public record CacheCrash(String region, int server, long atNs, long downNs) {
  public CacheCrash {
    Objects.requireNonNull(region, "region");
    if (server < 1) throw new IllegalArgumentException("server must be >= 1, got " + server);
    if (atNs < 0) throw new IllegalArgumentException("atNs must be >= 0, got " + atNs);
    if (downNs < 0) throw new IllegalArgumentException("downNs must be >= 0, got " + downNs);
  }
}
