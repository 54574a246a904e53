package geosim.relational;

import geosim.kernel.ActorRef;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client of the relational tier knows of its shards, and how it follows a failover: each
 * shard's current primary, the replicas it reads from in turn, the shard's failover epoch and the
 * versions of the writes the client had acknowledged in that epoch. On {@code NewPrimary} it
 * counts those beyond what the promoted replica had received as lost, moves to the next epoch
 * (versions of an earlier epoch are no longer compared: {@link #current}), writes to the promoted
 * replica and stops reading from it. Shared by {@code model = relational}'s clients and the store
 * model's app servers (store.app.database-calls); private to one actor.
 */
public final class ShardView {
  private final List<ActorRef<RelationalProtocol>> primaries;
  private final List<List<ActorRef<RelationalProtocol>>> readers = new ArrayList<>();
  private final int[] epochs;
  private final int[] turns;
  /** Per shard: the versions of this epoch's writes acknowledged to this client. */
  private final List<List<Long>> acked = new ArrayList<>();

  /**
   * @param primaries each shard's primary at the start
   * @param replicas each shard's replicas, in config order
   */
  public ShardView(List<ActorRef<RelationalProtocol>> primaries, List<List<ActorRef<RelationalProtocol>>> replicas) {
    if (replicas.size() != primaries.size()) throw new IllegalArgumentException(primaries.size() + " primaries, "
        + replicas.size() + " replica lists");
    this.primaries = new ArrayList<>(primaries);
    for (List<ActorRef<RelationalProtocol>> r : replicas) {
      readers.add(new ArrayList<>(r));
      acked.add(new ArrayList<>());
    }
    this.epochs = new int[primaries.size()];
    this.turns = new int[primaries.size()];
  }

  /** The shards. */
  public int shards() {
    return primaries.size();
  }

  /** Shard {@code shard}'s current primary. */
  public ActorRef<RelationalProtocol> primary(int shard) {
    return primaries.get(shard);
  }

  /** Where a read of shard {@code shard} goes: its next replica in turn, or its primary when it has none or not {@code fromReplicas}. */
  public ActorRef<RelationalProtocol> reader(int shard, boolean fromReplicas) {
    List<ActorRef<RelationalProtocol>> replicas = readers.get(shard);
    if (!fromReplicas || replicas.isEmpty()) return primaries.get(shard);
    return replicas.get(turns[shard]++ % replicas.size());
  }

  /** {@code version} if it is of shard {@code shard}'s current epoch, else 0 (writes of an earlier epoch are not audited). */
  public long current(Long version, int shard) {
    if (version == null || version >>> RelationalProtocol.LSN_BITS != epochs[shard]) return 0;
    return version;
  }

  /** A write of shard {@code shard} acknowledged as {@code version}: remembered while its epoch lasts. */
  public void acknowledged(int shard, long version) {
    if (version >>> RelationalProtocol.LSN_BITS == epochs[shard]) acked.get(shard).add(version);
  }

  /** Follows a failover: returns how many of this client's acknowledged writes of the shard the promoted replica lacks (lost). */
  public long follow(RelationalProtocol.NewPrimary np) {
    int shard = np.shard();
    long lost = 0;
    for (long v : acked.get(shard)) {
      if (v > np.received()) lost++;
    }
    acked.get(shard).clear();
    epochs[shard]++;
    primaries.set(shard, np.primary());
    readers.get(shard).remove(np.primary());
    return lost;
  }
}
