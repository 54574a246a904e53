package geosim.store.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import geosim.kernel.Seeds;
import geosim.kernel.StreamRandom;
import geosim.workload.KeyChooser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hit ratio of LRU caches behind consistent hashing, fed by the workload's own key choosers,
 * against theory. Uniform keys: a server holding C_s of its K_s keys hits C_s / K_s (every key is
 * equally likely to be held), so the tier hits sum C_s / K = C / K exactly. Zipfian keys: Che's
 * approximation [1] per server, over the keys the ring gives it: the characteristic time T solves
 * sum_k (1 - exp(-q_k T)) = C_s, and the server hits sum_k q_k (1 - exp(-q_k T)), q_k being the key's
 * share of the server's requests.
 *
 * <p>[1] H. Che, Y. Tung, Z. Wang, "Hierarchical Web caching systems: modeling, design and
 * experimental results", IEEE JSAC 20(7), 2002; C. Fricker, P. Robert, J. Roberts, "A versatile and
 * accurate approximation for LRU cache performance", ITC 24, 2012 (why it is accurate).
 */
class HitRatioTheoryTest {
  private static final int KEYS = 20_000;
  private static final int SERVERS = 4;
  private static final int WARMUP = 200_000;
  private static final int MEASURED = 400_000;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2})
  void uniformKeysHitTheCachedShareOfTheKeys(long seed) {
    int capacity = 1_500;
    double measured = hitRatio(new KeyChooser.Uniform(KEYS), capacity, seed);
    double theory = (double) SERVERS * capacity / KEYS;
    assertEquals(theory, measured, 0.01, "seed " + seed + ": LRU over uniform keys hits C/K");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2})
  void zipfianKeysHitAsChePredicts(long seed) {
    int capacity = 500;
    double theta = KeyChooser.YCSB_THETA;
    double measured = hitRatio(new KeyChooser.Zipfian(KEYS, theta), capacity, seed);
    double theory = cheHitRatio(new CacheRing(SERVERS), theta, capacity);
    assertEquals(theory, measured, 0.01, "seed " + seed + ": Che's approximation " + theory + ", measured " + measured);
  }

  /** Gets of keys from {@code chooser}, each missed key set: the hit ratio after a warm-up. */
  private static double hitRatio(KeyChooser chooser, int capacity, long seed) {
    CacheRing ring = new CacheRing(SERVERS);
    LruCache[] caches = new LruCache[SERVERS];
    for (int s = 0; s < SERVERS; s++) caches[s] = new LruCache(capacity);
    KeyChooser.Source keys = chooser.source(0, 1, new StreamRandom(Seeds.streamSeed(seed, "hit-ratio")));
    long hits = 0;
    for (int i = 0; i < WARMUP + MEASURED; i++) {
      long key = keys.next();
      LruCache cache = caches[ring.serverOf(key)];
      boolean hit = cache.get(key);
      if (!hit) cache.set(key);
      if (hit && i >= WARMUP) hits++;
    }
    return hits / (double) MEASURED;
  }

  /** Che's approximation of the tier's hit ratio: each server's, weighted by its share of the requests. */
  private static double cheHitRatio(CacheRing ring, double theta, int capacity) {
    double[] p = new double[KEYS];
    double norm = 0;
    for (int k = 0; k < KEYS; k++) norm += p[k] = Math.pow(k + 1, -theta);
    double total = 0;
    for (int s = 0; s < ring.servers(); s++) {
      double share = 0;
      int owned = 0;
      for (int k = 0; k < KEYS; k++) {
        if (ring.serverOf(k) == s) {
          share += p[k] / norm;
          owned++;
        }
      }
      double[] q = new double[owned];
      int i = 0;
      for (int k = 0; k < KEYS; k++) {
        if (ring.serverOf(k) == s) q[i++] = p[k] / norm / share;
      }
      total += share * cheServer(q, capacity);
    }
    return total;
  }

  /** One LRU cache of {@code capacity} items fed keys with probabilities {@code q}: solve for T by bisection. */
  private static double cheServer(double[] q, int capacity) {
    if (capacity >= q.length) return 1;
    double lo = 0;
    double hi = 1;
    while (occupancy(q, hi) < capacity) hi *= 2;
    for (int it = 0; it < 200; it++) {
      double mid = (lo + hi) / 2;
      if (occupancy(q, mid) < capacity) lo = mid; else hi = mid;
    }
    double hit = 0;
    for (double x : q) hit += x * (1 - Math.exp(-x * lo));
    return hit;
  }

  private static double occupancy(double[] q, double t) {
    double sum = 0;
    for (double x : q) sum += 1 - Math.exp(-x * t);
    return sum;
  }
}
