package geosim.store.repair;

import geosim.store.ring.TokenRing;

/**
 * One arc of the token ring, (left, right], wrapping past {@code Long.MAX_VALUE}, as Cassandra's
 * {@code Range<Token>}: the keys of one virtual node, which share their replicas. {@code left ==
 * right} is the whole ring (a ring of one token).
 *
 * <p>A Merkle tree of depth d splits the arc into 2^d leaves of equal width w = ceil(span / 2^d)
 * (the last may be narrower), as Cassandra's {@code MerkleTree.init()} splits a range evenly at
 * midpoints [1]; a token's leaf is (token - left - 1) / w, unsigned. Example: the whole ring at
 * depth 15 gives leaves 2^49 tokens wide, and token {@code Long.MIN_VALUE} after left = -1 is in
 * leaf 2^14.
 *
 * <p>[1] Apache Cassandra source, {@code org.apache.cassandra.utils.MerkleTree#init} (2.0).
 *
 * @param left the exclusive start: the token of the arc's predecessor
 * @param right the inclusive end: the arc's own token
 */
public record TokenRange(long left, long right) {
  /** The arc of the token at {@code position} of {@code ring}: (previous token, its token]. */
  public static TokenRange at(TokenRing ring, int position) {
    int previous = position == 0 ? ring.size() - 1 : position - 1;
    return new TokenRange(ring.tokenAt(previous), ring.tokenAt(position));
  }

  /** Whether {@code token} lies in (left, right]. */
  public boolean contains(long token) {
    if (left == right) return true;
    return Long.compareUnsigned(token - left - 1, right - left - 1) <= 0;
  }

  /**
   * The leaf of {@code token} in a tree of {@code depth}: 0 to 2^depth - 1.
   *
   * @param token a token of this range
   * @param depth 0 to {@link RepairSettings#MERKLE_DEPTH_MAX}
   */
  public int leafOf(long token, int depth) {
    long offset = token - left - 1; // unsigned, 0 to span - 1
    if (depth == 0) return 0;
    if (left == right) return (int) (offset >>> (64 - depth));
    long span = right - left;
    long width = (span >>> depth) + ((span & ((1L << depth) - 1)) != 0 ? 1 : 0);
    return (int) Long.divideUnsigned(offset, width);
  }
}
