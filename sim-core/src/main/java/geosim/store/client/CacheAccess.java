package geosim.store.client;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorRef;
import geosim.store.cache.CacheRing;
import java.util.List;

/**
 * What an app server knows of its region's cache servers: the consistent-hashing ring over them,
 * their actors (cache server c at index c) and the one-way delay to each.
 */
record CacheAccess(CacheRing ring, List<ActorRef<FabricMessage>> refs, long[] delayNs) {
  CacheAccess {
    refs = List.copyOf(refs);
    if (ring.servers() != refs.size() || delayNs.length != refs.size()) {
      throw new IllegalArgumentException(ring.servers() + " ring servers, " + refs.size() + " refs, " + delayNs.length + " delays");
    }
  }

  /** The cache server that holds {@code key}. */
  int serverOf(long key) {
    return ring.serverOf(key);
  }
}
