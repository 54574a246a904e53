package geosim.store.cache;

import geosim.kernel.Seeds;
import java.util.Arrays;

/**
 * Consistent hashing of keys over {@code servers} cache servers, after libketama [1]: each
 * server puts {@value #POINTS_PER_SERVER} points on a 64-bit circle, and a key belongs to the
 * server of the first point at or after the key's hash (wrapping around). Adding or removing a
 * server moves only the keys of its arcs. Points are hashes of (server number, point number),
 * so the ring is the same in every run and every region; no randomness is drawn.
 *
 * <p>[1] R. Jones, libketama (last.fm, 2007): 160 points per server of weight 1 (40 MD5 digests of
 * 4 points each). Here MurmurHash3's 64-bit finaliser ({@link Seeds#mix64}) replaces MD5.
 */
public final class CacheRing {
  /** Points per server. Source: libketama's 160 points per server of weight 1 (ketama.c, 40 x 4). */
  public static final int POINTS_PER_SERVER = 160;

  private final long[] points;
  private final int[] owners;
  private final int servers;

  /** @param servers cache servers on the ring, >= 1 */
  public CacheRing(int servers) {
    if (servers < 1) throw new IllegalArgumentException("servers must be >= 1, got " + servers);
    this.servers = servers;
    int n = servers * POINTS_PER_SERVER;
    long[][] pairs = new long[n][];
    for (int s = 0; s < servers; s++) {
      for (int p = 0; p < POINTS_PER_SERVER; p++) {
        pairs[s * POINTS_PER_SERVER + p] = new long[] {Seeds.mix64(((long) s << 32) ^ p ^ 0x6b6574616d61L), s};
      }
    }
    Arrays.sort(pairs, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    points = new long[n];
    owners = new int[n];
    for (int i = 0; i < n; i++) {
      points[i] = pairs[i][0];
      owners[i] = (int) pairs[i][1];
    }
  }

  /** The server (0 .. servers-1) that holds {@code key}. */
  public int serverOf(long key) {
    long hash = Seeds.mix64(key);
    int i = Arrays.binarySearch(points, hash);
    if (i < 0) i = -i - 1;
    return owners[i == points.length ? 0 : i];
  }

  public int servers() {
    return servers;
  }
}
