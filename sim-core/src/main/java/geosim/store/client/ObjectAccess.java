package geosim.store.client;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorRef;
import java.util.Objects;

/** An app server's way to its region's object store endpoint: the actor and the one-way delay to it. */
record ObjectAccess(ActorRef<FabricMessage> ref, long delayNs) {
  ObjectAccess {
    Objects.requireNonNull(ref, "ref");
    if (delayNs < 0) throw new IllegalArgumentException("delayNs must be >= 0, got " + delayNs);
  }
}
