package geosim.store.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LruCacheTest {
  @Test
  void evictsTheLeastRecentlyUsedItemWhenFull() {
    LruCache lru = new LruCache(2);
    lru.set(1);
    lru.set(2);
    assertTrue(lru.get(1), "1 is held and now the most recently used");
    assertTrue(lru.set(3), "a third item evicts one");
    assertFalse(lru.get(2), "2 was the least recently used");
    assertTrue(lru.get(1));
    assertTrue(lru.get(3));
    assertEquals(1, lru.evictions());
    assertEquals(2, lru.size());
  }

  @Test
  void settingAHeldKeyRefreshesItWithoutEvicting() {
    LruCache lru = new LruCache(2);
    lru.set(1);
    lru.set(2);
    assertFalse(lru.set(1));
    lru.set(3);
    assertTrue(lru.get(1), "1 was refreshed by its second set");
    assertFalse(lru.get(2));
  }

  @Test
  void deleteAndClearForgetItems() {
    LruCache lru = new LruCache(3);
    lru.set(1);
    lru.set(2);
    assertTrue(lru.delete(1));
    assertFalse(lru.delete(1));
    assertFalse(lru.get(1));
    lru.clear();
    assertEquals(0, lru.size());
    assertFalse(lru.get(2));
  }

  @Test
  void aCacheOfNoItemsAlwaysMisses() {
    LruCache lru = new LruCache(0);
    assertFalse(lru.set(7));
    assertFalse(lru.get(7));
    assertEquals(0, lru.evictions());
    assertThrows(IllegalArgumentException.class, () -> new LruCache(-1));
  }
}
