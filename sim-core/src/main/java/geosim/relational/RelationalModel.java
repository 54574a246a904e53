package geosim.relational;

import geosim.kernel.ActorRef;
import geosim.kernel.Kernel;
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
    DatabaseTier tier = DatabaseTier.spawn(settings, "mysql/", builder);
    ActorRef<RelationalProtocol> clients = builder.spawn("mysql/clients",
        new RelationalClients(settings, tier.primaries(), tier.replicas()));
    builder.spawn("mysql/failover-manager", new FailoverManager(settings, tier.replicaRefs(), List.of(clients)));
  }

  /** Lookahead: every actor is in the one unit {@code mysql}; the run's duration. */
  public static long lookaheadNs(long durationNs) {
    return Math.max(1, durationNs);
  }
}
