package geosim.store.client;

import geosim.store.cache.CacheSettings;
import geosim.store.objects.ObjectStoreSettings;

/**
 * What the app tier calls besides the store: a cache tier it uses look-aside, and an object store.
 *
 * @param cache the cache tier ({@code store.cache}), or null for none
 * @param objectStore the object store ({@code store.object-store}), or null for none
 */
public record AppBackends(CacheSettings cache, ObjectStoreSettings objectStore) {
  /** Neither a cache nor an object store. */
  public static final AppBackends NONE = new AppBackends(null, null);
}
