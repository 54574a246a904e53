package geosim.relational;

import geosim.kernel.Seeds;
import java.util.List;
import java.util.Objects;

/**
 * Hash sharding: a key hashes to one of {@code slots} slots, and each slot belongs to one shard
 * (one primary and its replicas), as a range of slots in a shard map (Vitess and MySQL Fabric shard
 * by ranges of a key hash in the same way). The ranges must cover the slots exactly once.
 */
public final class ShardMap {
  /** One range of slots, {@code from} to {@code to} inclusive, held by shard {@code shard}. */
  public record Range(int shard, int from, int to) {
    public Range {
      if (shard < 0 || from < 0 || to < from) throw new IllegalArgumentException("bad range " + shard + ": " + from + ".." + to);
    }
  }

  private final int[] shardOfSlot;

  private ShardMap(int[] shardOfSlot) {
    this.shardOfSlot = shardOfSlot;
  }

  /**
   * The map of {@code ranges} over {@code slots} slots.
   *
   * @throws IllegalArgumentException naming the first slot left out or given twice
   */
  public static ShardMap of(int slots, List<Range> ranges) {
    if (slots < 1) throw new IllegalArgumentException("slots must be >= 1, got " + slots);
    int[] shardOf = new int[slots];
    java.util.Arrays.fill(shardOf, -1);
    for (Range r : ranges) {
      Objects.requireNonNull(r, "range");
      if (r.to() >= slots) throw new IllegalArgumentException("slot " + r.to() + " is beyond the " + slots + " slots");
      for (int s = r.from(); s <= r.to(); s++) {
        if (shardOf[s] >= 0) throw new IllegalArgumentException("slot " + s + " is given twice");
        shardOf[s] = r.shard();
      }
    }
    for (int s = 0; s < slots; s++) {
      if (shardOf[s] < 0) throw new IllegalArgumentException("slot " + s + " belongs to no shard (a gap in the shard map)");
    }
    return new ShardMap(shardOf);
  }

  /** {@code shards} equal ranges of {@code slots} slots in order (the last takes the remainder). */
  public static ShardMap even(int slots, int shards) {
    if (shards < 1 || shards > slots) throw new IllegalArgumentException(shards + " shards over " + slots + " slots");
    int[] shardOf = new int[slots];
    for (int s = 0; s < slots; s++) shardOf[s] = (int) ((long) s * shards / slots);
    return new ShardMap(shardOf);
  }

  /** The shard of {@code key}: its slot is MurmurHash3's fmix64 of the key modulo the slots. */
  public int shardOf(long key) {
    return shardOfSlot[(int) Long.remainderUnsigned(Seeds.mix64(key), shardOfSlot.length)];
  }

  public int slots() {
    return shardOfSlot.length;
  }
}
