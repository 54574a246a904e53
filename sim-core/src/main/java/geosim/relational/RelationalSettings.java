package geosim.relational;

import java.util.List;
import java.util.Objects;

/**
 * Parameters of {@code model = relational} (docs/relational.md). Times are virtual nanoseconds.
 *
 * @param primaries the primaries' names; primary i holds shard i
 * @param replicas each replica's name and its primary's index
 * @param shardMap which shard a key belongs to
 * @param workload the clients' requests
 * @param costs the servers' CPU and the network delay
 * @param failover detection of a crashed primary, and the crashes
 */
public record RelationalSettings(List<String> primaries, List<Replica> replicas, ShardMap shardMap,
    RelationalWorkload workload, RelationalCosts costs, Failover failover) {
  /** A replica {@code name} of primary {@code primary} (an index into the primaries). */
  public record Replica(String name, int primary) {
    public Replica {
      Objects.requireNonNull(name, "name");
      if (primary < 0) throw new IllegalArgumentException("primary must be >= 0, got " + primary);
    }
  }

  /** A primary {@code primary} (an index) that crashes at {@code atNs} for good. */
  public record Crash(int primary, long atNs) {
    public Crash {
      if (primary < 0 || atNs < 0) throw new IllegalArgumentException("bad crash " + primary + " at " + atNs);
    }
  }

  /**
   * @param detectionDelayNs time from a primary's crash until the failover manager declares it dead, > 0
   * @param crashes the scheduled crashes
   * @param promoteApplied promote the replica that has applied the most and discard its relay log
   *     beyond that (a quick manual failover), rather than the one that has received the most, once it
   *     has applied all it received (MHA)
   */
  public record Failover(long detectionDelayNs, List<Crash> crashes, boolean promoteApplied) {
    public Failover {
      if (detectionDelayNs <= 0) throw new IllegalArgumentException("detectionDelayNs must be > 0, got " + detectionDelayNs);
      crashes = List.copyOf(crashes);
    }
  }

  public RelationalSettings {
    primaries = List.copyOf(primaries);
    replicas = List.copyOf(replicas);
    if (primaries.isEmpty()) throw new IllegalArgumentException("primaries must not be empty");
    for (Replica r : replicas) {
      if (r.primary() >= primaries.size()) throw new IllegalArgumentException("replica " + r.name() + " of no primary");
    }
    for (Crash c : failover.crashes()) {
      if (c.primary() >= primaries.size()) throw new IllegalArgumentException("crash of no primary " + c.primary());
    }
    Objects.requireNonNull(shardMap, "shardMap");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(costs, "costs");
  }

  /** The indexes (into {@link #replicas()}) of the replicas of primary {@code primary}, in config order. */
  public int[] replicasOf(int primary) {
    return java.util.stream.IntStream.range(0, replicas.size()).filter(i -> replicas.get(i).primary() == primary).toArray();
  }
}
