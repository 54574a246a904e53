package geosim.autoscale;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorRef;
import java.util.List;

/**
 * The instances one {@link RoleAutoscaler} manages, worked out before the run: its slots (actors
 * created before the run, provisioned or not), and for app servers the client actors that balance
 * over them.
 *
 * @param role {@code app} or {@code store}
 * @param region the region's name
 * @param slots the slots' actors, in the order they are provisioned (scale-in takes the last first)
 * @param indexes each slot's index as its reports name it (app server or store server index)
 * @param delaysNs one-way delay from the autoscaler to each slot, ns, > 0 (at least the lookahead
 *     across partition units)
 * @param clients the client actors to tell when an app server enters or leaves service (empty for store)
 * @param clientDelaysNs one-way delay to each client actor, ns, > 0
 * @param initial slots in service at the start (the first ones), 0 to slots
 */
record RolePool(String role, String region, List<ActorRef<FabricMessage>> slots, int[] indexes, long[] delaysNs,
    List<ActorRef<FabricMessage>> clients, long[] clientDelaysNs, int initial) {
  RolePool {
    slots = List.copyOf(slots);
    clients = List.copyOf(clients);
    if (indexes.length != slots.size() || delaysNs.length != slots.size() || clientDelaysNs.length != clients.size()) {
      throw new IllegalArgumentException("one index and delay per slot and one delay per client");
    }
    if (initial < 0 || initial > slots.size()) {
      throw new IllegalArgumentException("initial must be in [0, " + slots.size() + "], got " + initial);
    }
  }

  boolean isStore() {
    return role.equals(RoleAutoscaler.STORE);
  }
}
