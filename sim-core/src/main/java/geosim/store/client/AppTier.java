package geosim.store.client;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorRef;
import java.util.List;

/**
 * What one region's clients know of the app tier: their balancer, the app servers' actors (app
 * server {@code a} at index a) and the one-way delay to each.
 */
record AppTier(AppBalancer balancer, List<ActorRef<FabricMessage>> refs, long[] delayNs) {
  AppTier {
    refs = List.copyOf(refs);
    if (delayNs.length != refs.size()) throw new IllegalArgumentException(delayNs.length + " delays for " + refs.size() + " app servers");
  }
}
