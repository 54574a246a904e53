package geosim.relational;

import geosim.kernel.ActorRef;
import geosim.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;

/**
 * The database servers of a {@link RelationalSettings}, spawned as {@code <prefix><name>}: each
 * shard's primary and its asynchronous replicas ({@link DatabaseServer}). Used by {@code model =
 * relational} with its own clients, and by the store model's app tier, which reads at a shard's
 * replicas and writes at its primary (store.app.database-calls).
 *
 * @param primaries shard s's primary at index s
 * @param replicas shard s's replicas at index s, in config order
 * @param replicaRefs every replica, in config order
 */
public record DatabaseTier(List<ActorRef<RelationalProtocol>> primaries,
    List<List<ActorRef<RelationalProtocol>>> replicas, List<ActorRef<RelationalProtocol>> replicaRefs) {

  public DatabaseTier {
    primaries = List.copyOf(primaries);
    List<List<ActorRef<RelationalProtocol>>> copy = new ArrayList<>();
    for (List<ActorRef<RelationalProtocol>> r : replicas) copy.add(List.copyOf(r));
    replicas = List.copyOf(copy);
    replicaRefs = List.copyOf(replicaRefs);
  }

  /** Spawns the servers of {@code settings} with paths {@code prefix + name}, their crashes scheduled. */
  public static DatabaseTier spawn(RelationalSettings settings, String prefix, Kernel.Builder builder) {
    List<ActorRef<RelationalProtocol>> replicaRefs = new ArrayList<>();
    for (int r = 0; r < settings.replicas().size(); r++) {
      replicaRefs.add(builder.spawn(prefix + settings.replicas().get(r).name(),
          new DatabaseServer(r, settings.costs(), List.of(), List.of())));
    }
    List<ActorRef<RelationalProtocol>> primaryRefs = new ArrayList<>();
    List<List<ActorRef<RelationalProtocol>>> byShard = new ArrayList<>();
    for (int p = 0; p < settings.primaries().size(); p++) {
      List<ActorRef<RelationalProtocol>> mine = new ArrayList<>();
      for (int r : settings.replicasOf(p)) mine.add(replicaRefs.get(r));
      byShard.add(mine);
      List<Long> crashes = new ArrayList<>();
      for (RelationalSettings.Crash c : settings.failover().crashes()) {
        if (c.primary() == p) crashes.add(c.atNs());
      }
      primaryRefs.add(builder.spawn(prefix + settings.primaries().get(p),
          new DatabaseServer(-1, settings.costs(), mine, crashes)));
    }
    return new DatabaseTier(primaryRefs, byShard, replicaRefs);
  }
}
