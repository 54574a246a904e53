package geosim.store.repair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.store.ring.TokenRing;
import geosim.store.storage.Cell;
import geosim.store.storage.SortedCells;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
  private static final int SIZE = 100;
  private static final TokenRange WHOLE_RING = new TokenRange(0, 0);

  /** Keys 0 .. n-1, key k with version k and timestamp 1000 + k. */
  private static SortedCells cells(int n) {
    long[] keys = new long[n];
    Cell[] cells = new Cell[n];
    for (int k = 0; k < n; k++) {
      keys[k] = k;
      cells[k] = new Cell(k, 1000 + k);
    }
    return SortedCells.of(keys, cells, SIZE);
  }

  /** As {@link #cells(int)}, with key {@code changed} holding an older cell. */
  private static SortedCells withStaleKey(int n, int changed) {
    long[] keys = new long[n];
    Cell[] cells = new Cell[n];
    for (int k = 0; k < n; k++) {
      keys[k] = k;
      cells[k] = k == changed ? new Cell(-1, 1) : new Cell(k, 1000 + k);
    }
    return SortedCells.of(keys, cells, SIZE);
  }

  @Test
  void identicalReplicasDifferInNoLeaf() {
    MerkleTree a = MerkleTree.build(cells(10_000), WHOLE_RING, 15);
    MerkleTree b = MerkleTree.build(cells(10_000), WHOLE_RING, 15);
    assertEquals(0, a.differingLeaves(b).length);
    assertEquals(10_000, a.keyCount());
    assertEquals(10_000L * SIZE, a.dataBytes());
  }

  @Test
  void oneStaleKeyMakesExactlyOneLeafDifferAndItsWholeLeafIsStreamed() {
    int depth = 3; // 8 leaves over 10,000 keys: about 1,250 keys a leaf
    int stale = 4242;
    MerkleTree fresh = MerkleTree.build(cells(10_000), WHOLE_RING, depth);
    MerkleTree old = MerkleTree.build(withStaleKey(10_000, stale), WHOLE_RING, depth);
    int[] differ = fresh.differingLeaves(old);
    int leaf = WHOLE_RING.leafOf(TokenRing.tokenOf(stale), depth);
    assertArrayEquals(new int[] {leaf}, differ);
    assertArrayEquals(differ, old.differingLeaves(fresh), "comparison is symmetric");
    SortedCells section = MerkleTree.cellsInLeaves(cells(10_000), WHOLE_RING, depth, differ);
    assertEquals(fresh.keyCount(leaf), section.size(), "the whole leaf is streamed, not the one key");
    assertTrue(section.size() > 1_000, "over-streaming: " + section.size() + " keys for one stale key");
    assertEquals(section.size() * (long) SIZE, section.totalBytes());
    for (int i = 0; i < section.size(); i++) {
      assertEquals(leaf, WHOLE_RING.leafOf(TokenRing.tokenOf(section.key(i)), depth));
    }
  }

  @Test
  void aMissingKeyMakesItsLeafDiffer() {
    MerkleTree all = MerkleTree.build(cells(50), WHOLE_RING, 15);
    SortedCells all50 = cells(50);
    SortedCells without7 = all50.select(i -> all50.key(i) != 7);
    MerkleTree missing = MerkleTree.build(without7, WHOLE_RING, 15);
    int leaf = WHOLE_RING.leafOf(TokenRing.tokenOf(7), 15);
    assertArrayEquals(new int[] {leaf}, all.differingLeaves(missing));
    assertEquals(1, all.keyCount(leaf));
    assertEquals(0, missing.keyCount(leaf));
  }

  @Test
  void aTreeCoversOnlyItsRangeAndCostsItsLeavesOnTheWire() {
    TokenRange range = new TokenRange(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2); // half the ring
    MerkleTree tree = MerkleTree.build(cells(10_000), range, 15);
    long inRange = 0;
    for (long k = 0; k < 10_000; k++) inRange += range.contains(TokenRing.tokenOf(k)) ? 1 : 0;
    assertEquals(inRange, tree.keyCount());
    assertTrue(inRange > 4_500 && inRange < 5_500, "about half: " + inRange);
    assertEquals((1L << 15) * 32, tree.wireBytes(), "2^15 leaves of a 32-byte SHA-256");
  }

  @Test
  void treesOfOtherRangesOrDepthsCannotBeCompared() {
    MerkleTree a = MerkleTree.build(cells(10), WHOLE_RING, 4);
    MerkleTree b = MerkleTree.build(cells(10), WHOLE_RING, 5);
    assertThrows(IllegalArgumentException.class, () -> a.differingLeaves(b));
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.build(cells(10), WHOLE_RING, 21));
  }
}
