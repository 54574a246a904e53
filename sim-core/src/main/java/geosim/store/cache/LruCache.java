package geosim.store.cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys a cache server holds, at most {@code capacityItems} of them, the least recently used
 * evicted first: memcached's LRU, per slab class in the real server, here one class (all items
 * of one size; docs/store/cache.md). A {@link LinkedHashMap} in access order gives O(1) get, set
 * and eviction, and its order depends only on the sequence of calls, never on hash codes.
 *
 * <p>Values are not kept: the cache answers hit or miss, which is all the model needs.
 */
public final class LruCache {
  private final int capacityItems;
  private final Map<Long, Boolean> items;
  private long evictions;

  /** @param capacityItems items the cache holds, >= 0 (0: every get misses) */
  public LruCache(int capacityItems) {
    if (capacityItems < 0) throw new IllegalArgumentException("capacityItems must be >= 0, got " + capacityItems);
    this.capacityItems = capacityItems;
    this.items = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** True when {@code key} is held; a hit makes it the most recently used. */
  public boolean get(long key) {
    return items.get(key) != null;
  }

  /**
   * Stores {@code key} as the most recently used, evicting the least recently used item when
   * full; true when an item was evicted.
   */
  public boolean set(long key) {
    if (capacityItems == 0) return false;
    if (items.put(key, Boolean.TRUE) != null || items.size() <= capacityItems) return false;
    Long eldest = items.keySet().iterator().next();
    items.remove(eldest);
    evictions++;
    return true;
  }

  /** Forgets {@code key} (memcached's delete); true when it was held. */
  public boolean delete(long key) {
    return items.remove(key) != null;
  }

  /** Forgets everything: a restarted memcached starts empty. */
  public void clear() {
    items.clear();
  }

  /** Items held now. */
  public int size() {
    return items.size();
  }

  public int capacityItems() {
    return capacityItems;
  }

  /** Items evicted so far to make room. */
  public long evictions() {
    return evictions;
  }
}
