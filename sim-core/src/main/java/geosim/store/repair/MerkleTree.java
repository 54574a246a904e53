package geosim.store.repair;

import geosim.kernel.Seeds;
import geosim.store.ring.TokenRing;
import geosim.store.storage.SortedCells;
import java.util.Arrays;
import java.util.Objects;

/**
 * A replica's Merkle tree of one token range, as Cassandra's validation compaction builds it [1]:
 * the range split into 2^depth leaves ({@link TokenRange#leafOf}), each leaf the XOR of the hashes
 * of the rows (here: key and newest cell) whose tokens fall in it. Two replicas hold the same data
 * in a leaf exactly when (but for hash collisions, about 2^-64 here) their leaf hashes agree; an
 * empty leaf hashes to 0. Only the leaves are kept: inner nodes are hashes of leaves, so comparing
 * leaves finds the same differences as walking down from the root.
 *
 * <p>Sparse: the non-empty leaves in ascending order with their hash, key count and bytes, so a
 * tree of 2^15 leaves over a few keys takes a few ints. What it costs on the wire is the full
 * tree, {@link #wireBytes()}.
 *
 * <p>[1] Apache Cassandra source, {@code org.apache.cassandra.repair.Validator} (2.0): each row is
 * hashed with SHA-256 and XORed into its leaf ({@code MerkleTree} "uses XOR internally"); trees of
 * at most 2^15 leaves ({@code new MerkleTree(..., RECOMMENDED_DEPTH, (int) Math.pow(2, 15))}).
 */
public final class MerkleTree {
  /** Bytes of one leaf hash: a SHA-256 digest, as Cassandra's Validator computes per row [1]. */
  public static final int HASH_BYTES = 32;

  private final TokenRange range;
  private final int depth;
  private final int[] leaves;
  private final long[] hashes;
  private final int[] keyCounts;
  private final long dataBytes;

  private MerkleTree(TokenRange range, int depth, int[] leaves, long[] hashes, int[] keyCounts, long dataBytes) {
    this.range = range;
    this.depth = depth;
    this.leaves = leaves;
    this.hashes = hashes;
    this.keyCounts = keyCounts;
    this.dataBytes = dataBytes;
  }

  /**
   * The tree of the cells of {@code cells} that lie in {@code range}.
   *
   * @param cells a replica's cells, any keys (those outside the range are skipped)
   * @param depth 0 to {@link RepairSettings#MERKLE_DEPTH_MAX}
   */
  public static MerkleTree build(SortedCells cells, TokenRange range, int depth) {
    Objects.requireNonNull(cells, "cells");
    Objects.requireNonNull(range, "range");
    RepairSettings.checkDepth(depth);
    long[] byLeaf = new long[cells.size()]; // leaf << 32 | index, sorted: cells grouped by leaf
    int n = 0;
    for (int i = 0; i < cells.size(); i++) {
      long token = TokenRing.tokenOf(cells.key(i));
      if (range.contains(token)) byLeaf[n++] = ((long) range.leafOf(token, depth) << 32) | i;
    }
    Arrays.sort(byLeaf, 0, n);
    int[] leaves = new int[n];
    long[] hashes = new long[n];
    int[] counts = new int[n];
    int distinct = 0;
    long bytes = 0;
    for (int j = 0; j < n; j++) {
      int leaf = (int) (byLeaf[j] >>> 32);
      int i = (int) byLeaf[j];
      if (distinct == 0 || leaves[distinct - 1] != leaf) leaves[distinct++] = leaf;
      hashes[distinct - 1] ^= rowHash(cells.key(i), cells.version(i), cells.timestampUs(i));
      counts[distinct - 1]++;
      bytes += cells.sizeBytes(i);
    }
    return new MerkleTree(range, depth, Arrays.copyOf(leaves, distinct), Arrays.copyOf(hashes, distinct),
        Arrays.copyOf(counts, distinct), bytes);
  }

  /**
   * The cells of {@code range} whose leaves (at {@code depth}) are in {@code leaves}: the section a
   * replica streams for those leaves, every key of each leaf.
   *
   * @param leaves ascending leaf indices
   */
  public static SortedCells cellsInLeaves(SortedCells cells, TokenRange range, int depth, int[] leaves) {
    RepairSettings.checkDepth(depth);
    return cells.select(i -> {
      long token = TokenRing.tokenOf(cells.key(i));
      return range.contains(token) && Arrays.binarySearch(leaves, range.leafOf(token, depth)) >= 0;
    });
  }

  /** A row's hash: its key and newest cell mixed (SHA-256 of the row in Cassandra). */
  static long rowHash(long key, long version, long timestampUs) {
    return Seeds.mix64(Seeds.mix64(Seeds.mix64(key) ^ version) + timestampUs);
  }

  /**
   * The leaves where this tree and {@code other} (same range and depth) differ, ascending: a leaf
   * non-empty in one and empty in the other, or with different hashes.
   */
  public int[] differingLeaves(MerkleTree other) {
    if (!range.equals(other.range) || depth != other.depth) {
      throw new IllegalArgumentException("trees of " + range + " depth " + depth + " and " + other.range
          + " depth " + other.depth + " cannot be compared");
    }
    int[] differ = new int[leaves.length + other.leaves.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < leaves.length || j < other.leaves.length) {
      if (j == other.leaves.length || (i < leaves.length && leaves[i] < other.leaves[j])) {
        differ[n++] = leaves[i++];
      } else if (i == leaves.length || other.leaves[j] < leaves[i]) {
        differ[n++] = other.leaves[j++];
      } else {
        if (hashes[i] != other.hashes[j]) differ[n++] = leaves[i];
        i++;
        j++;
      }
    }
    return Arrays.copyOf(differ, n);
  }

  public TokenRange range() {
    return range;
  }

  public int depth() {
    return depth;
  }

  /** Leaves of the full tree: 2^depth. */
  public int leafCount() {
    return 1 << depth;
  }

  /** Bytes the tree takes on the wire: every leaf's hash, {@link #leafCount()} x {@value #HASH_BYTES}. */
  public long wireBytes() {
    return (long) leafCount() * HASH_BYTES;
  }

  /** Keys the tree covers. */
  public long keyCount() {
    long total = 0;
    for (int count : keyCounts) total += count;
    return total;
  }

  /** Keys in {@code leaf}; 0 for an empty leaf. */
  public int keyCount(int leaf) {
    int at = Arrays.binarySearch(leaves, leaf);
    return at < 0 ? 0 : keyCounts[at];
  }

  /** Bytes of the cells the tree covers: what validation reads from disk. */
  public long dataBytes() {
    return dataBytes;
  }

  @Override
  public String toString() {
    return "MerkleTree[" + range + ", depth " + depth + ", " + leaves.length + " non-empty leaves, "
        + dataBytes + " bytes]";
  }
}
