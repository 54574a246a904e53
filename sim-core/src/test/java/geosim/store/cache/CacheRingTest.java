package geosim.store.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CacheRingTest {
  private static final int KEYS = 200_000;

  @Test
  void spreadsKeysEvenlyEnough() {
    int servers = 8;
    int[] owned = owned(new CacheRing(servers));
    double mean = KEYS / (double) servers;
    for (int s = 0; s < servers; s++) {
      // 160 points per server: the share of a server deviates by about 1/sqrt(160) ~ 8%.
      assertTrue(Math.abs(owned[s] - mean) < 0.25 * mean, "server " + s + " owns " + owned[s] + " of " + KEYS);
    }
  }

  @Test
  void addingAServerMovesOnlyKeysToIt() {
    CacheRing four = new CacheRing(4);
    CacheRing five = new CacheRing(5);
    int moved = 0;
    for (long k = 0; k < KEYS; k++) {
      int before = four.serverOf(k);
      int after = five.serverOf(k);
      if (before != after) {
        assertEquals(4, after, "key " + k + " moved from " + before + " to " + after + ", not to the new server");
        moved++;
      }
    }
    // The new server takes about a fifth of the keys; a modulo hash would move four fifths.
    assertTrue(moved > 0.1 * KEYS && moved < 0.3 * KEYS, moved + " keys moved");
  }

  @Test
  void oneServerOwnsEverythingAndNoneIsRejected() {
    CacheRing one = new CacheRing(1);
    assertEquals(0, one.serverOf(Long.MIN_VALUE));
    assertEquals(0, one.serverOf(-1));
    assertThrows(IllegalArgumentException.class, () -> new CacheRing(0));
  }

  private static int[] owned(CacheRing ring) {
    int[] owned = new int[ring.servers()];
    for (long k = 0; k < KEYS; k++) owned[ring.serverOf(k)]++;
    return owned;
  }
}
