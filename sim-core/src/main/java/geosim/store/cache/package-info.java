/**
 * The cache tier in front of the store ({@code store.cache}): memcached-like cache servers with a
 * memory size and LRU eviction ({@link geosim.store.cache.LruCache}), keys spread over a region's
 * cache servers by consistent hashing ({@link geosim.store.cache.CacheRing}), and the messages the
 * app tier's look-aside caching sends them ({@link geosim.store.cache.CacheProtocol}). Sits on the
 * kernel, the fabric's message type and the node's CPU; the app tier in {@code geosim.store.client}
 * uses it.
 */
package geosim.store.cache;
