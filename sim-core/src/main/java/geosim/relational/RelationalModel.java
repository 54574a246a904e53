package geosim.relational;

import geosim.kernel.ActorRef;
import geosim.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;

/**
 * The relational tier ({@code model = relational}): the database servers ({@code mysql/<name>}),
 * the failover manager ({@code mysql/failover-manager}) and the clients ({@code mysql/clients}),
 * all in one partition unit (their delays are the one network delay, which may be shorter than any
 * lookahead).
 */
public final class RelationalModel {
  private RelationalModel() {}

  /** Registers the servers, the failover manager and the clients with {@code builder}. */
  public static void populate(RelationalSettings settings, Kernel.Builder builder) {
    List<ActorRef<RelationalProtocol>> replicaRefs = new ArrayList<>();
    for (int r = 0; r < settings.replicas().size(); r++) {
      replicaRefs.add(builder.spawn("mysql/" + settings.replicas().get(r).name(),
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
      primaryRefs.add(builder.spawn("mysql/" + settings.primaries().get(p),
          new DatabaseServer(-1, settings.costs(), mine, crashes)));
    }
    ActorRef<RelationalProtocol> clients = builder.spawn("mysql/clients",
        new RelationalClients(settings, primaryRefs, byShard));
    builder.spawn("mysql/failover-manager", new FailoverManager(settings, replicaRefs, clients));
  }

  /** Lookahead: every actor is in the one unit {@code mysql}; the run's duration. */
  public static long lookaheadNs(long durationNs) {
    return Math.max(1, durationNs);
  }
}
