package geosim.store.ring;

import geosim.kernel.Seeds;
import geosim.kernel.StreamRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A consistent-hashing ring with virtual nodes [1], [2]: every node holds {@code vnodes} tokens,
 * points on a circle of 2^64 positions (signed longs in their natural order, wrapping from
 * {@code Long.MAX_VALUE} to {@code Long.MIN_VALUE}). A key's token is {@link #tokenOf}; the key
 * belongs to the first token at or after its own, wrapping past the largest: a token owns the arc
 * (predecessor, token], as in Cassandra. Adding or removing a node moves only the arcs next to its
 * tokens; many small arcs per node even out the load and spread a leaving node's data over many
 * others [2].
 *
 * <p>Tokens are drawn uniformly at random, as Cassandra does with {@code num_tokens} when no
 * allocation algorithm is configured [3]. With N nodes of V tokens each a node's share of the
 * ring is Beta(V, NV - V), with mean 1/N and coefficient of variation sqrt((N - 1) / (NV + 1))
 * ({@link #expectedOwnershipCv}; derived in docs/store/ring.md). Example: 10 nodes with one token
 * each vary by 90 % around their fair share; with 16 tokens each by 24 %; with 256 by 6 %.
 *
 * <p>The token arrays are sorted once, so a lookup is one binary search, O(log NV). Immutable.
 *
 * <p>[1] D. Karger, E. Lehman, T. Leighton, R. Panigrahy, M. Levine, D. Lewin, "Consistent hashing
 * and random trees", STOC 1997 (consistent hashing; each cache placed at several random points).
 * <br>
 * [2] G. DeCandia et al., "Dynamo: Amazon's highly available key-value store", SOSP 2007, sections
 * 4.2 (partitioning, virtual nodes) and 6.2 (load balance by token strategy). <br>
 * [3] Apache Cassandra, cassandra.yaml reference, {@code num_tokens}: tokens "randomly assigned";
 * default 256 in 1.2 to 3.11, 16 since 4.0 (CASSANDRA-13701).
 */
public final class TokenRing {
  /** Most tokens per node. Assumption: 16 times Cassandra's old default of 256. */
  public static final int VNODES_MAX = 4096;
  /** Most tokens in one ring (16 Mi): bounds the arrays at 192 MiB. Assumption. */
  public static final int TOKENS_MAX = 1 << 24;

  private static final double RING_SIZE = 0x1p64;

  private final List<RingNode> nodes;
  private final long[] tokens;
  private final int[] owners;

  private TokenRing(List<RingNode> nodes, long[] tokens, int[] owners) {
    this.nodes = nodes;
    this.tokens = tokens;
    this.owners = owners;
  }

  /**
   * A ring where each node gets {@code vnodes} tokens drawn from {@code random}: node 0's first,
   * then node 1's, and so on. A draw that repeats an earlier token (about (NV)^2 / 2^65 per ring:
   * none in practice) is replaced by further draws, so the ring depends only on the stream.
   *
   * @param nodes at least one; node i must have index i
   * @param vnodes tokens per node, 1 to {@link #VNODES_MAX}; Cassandra's default is 16 (4.0+)
   * @param random the caller's stream, e.g. {@code new StreamRandom(Seeds.streamSeed(seed, "ring"))}
   * @throws IllegalArgumentException for bad nodes, vnodes out of range or more than {@link
   *     #TOKENS_MAX} tokens
   */
  public static TokenRing random(List<RingNode> nodes, int vnodes, StreamRandom random) {
    List<RingNode> copy = checkNodes(nodes);
    if (vnodes < 1 || vnodes > VNODES_MAX) {
      throw new IllegalArgumentException("vnodes must be between 1 and " + VNODES_MAX + ", got " + vnodes);
    }
    checkTotal((long) copy.size() * vnodes);
    Objects.requireNonNull(random, "random");
    return build(copy, drawTokens(copy.size(), vnodes, random::nextLong));
  }

  /** Node-major draws; repeats, if any, replaced by further draws in node-major order. */
  static long[][] drawTokens(int nodes, int vnodes, LongSupplier draw) {
    long[][] tokensByNode = new long[nodes][vnodes];
    for (long[] nodeTokens : tokensByNode) {
      for (int v = 0; v < vnodes; v++) nodeTokens[v] = draw.getAsLong();
    }
    if (firstRepeat(sortedTokens(tokensByNode)).isEmpty()) return tokensByNode;
    Set<Long> taken = new HashSet<>(); // membership only, never iterated
    for (long[] nodeTokens : tokensByNode) {
      for (int v = 0; v < vnodes; v++) {
        while (!taken.add(nodeTokens[v])) nodeTokens[v] = draw.getAsLong();
      }
    }
    return tokensByNode;
  }

  /** All tokens in one sorted array. */
  private static long[] sortedTokens(long[][] tokensByNode) {
    int total = 0;
    for (long[] nodeTokens : tokensByNode) total += nodeTokens.length;
    long[] sorted = new long[total];
    int i = 0;
    for (long[] nodeTokens : tokensByNode) {
      System.arraycopy(nodeTokens, 0, sorted, i, nodeTokens.length);
      i += nodeTokens.length;
    }
    Arrays.sort(sorted);
    return sorted;
  }

  /** The smallest token that appears twice in {@code sorted}, if any. */
  private static OptionalLong firstRepeat(long[] sorted) {
    for (int p = 1; p < sorted.length; p++) {
      if (sorted[p] == sorted[p - 1]) return OptionalLong.of(sorted[p]);
    }
    return OptionalLong.empty();
  }

  /**
   * A ring with the given tokens, like Cassandra's {@code initial_token}.
   *
   * @param nodes at least one; node i must have index i
   * @param tokensByNode node i's tokens at index i: at least one each, no token twice in the ring
   * @throws IllegalArgumentException for bad nodes, a node without tokens or a repeated token
   */
  public static TokenRing of(List<RingNode> nodes, long[][] tokensByNode) {
    List<RingNode> copy = checkNodes(nodes);
    Objects.requireNonNull(tokensByNode, "tokensByNode");
    if (tokensByNode.length != copy.size()) {
      throw new IllegalArgumentException("tokensByNode must have one row per node (" + copy.size()
          + "), got " + tokensByNode.length);
    }
    long total = 0;
    for (int n = 0; n < tokensByNode.length; n++) {
      if (tokensByNode[n] == null || tokensByNode[n].length == 0) {
        throw new IllegalArgumentException("tokensByNode[" + n + "] must hold at least one token");
      }
      total += tokensByNode[n].length;
    }
    checkTotal(total);
    long[][] copies = new long[tokensByNode.length][];
    for (int n = 0; n < copies.length; n++) copies[n] = tokensByNode[n].clone();
    return build(copy, copies);
  }

  private static TokenRing build(List<RingNode> nodes, long[][] tokensByNode) {
    long[] sorted = sortedTokens(tokensByNode);
    OptionalLong repeat = firstRepeat(sorted);
    if (repeat.isPresent()) {
      throw new IllegalArgumentException("tokensByNode holds token " + repeat.getAsLong() + " twice");
    }
    int[] owners = new int[sorted.length];
    for (int n = 0; n < tokensByNode.length; n++) {
      for (long token : tokensByNode[n]) owners[Arrays.binarySearch(sorted, token)] = n;
    }
    return new TokenRing(nodes, sorted, owners);
  }

  private static List<RingNode> checkNodes(List<RingNode> nodes) {
    List<RingNode> copy = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
    if (copy.isEmpty()) throw new IllegalArgumentException("nodes must not be empty");
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).index() != i) {
        throw new IllegalArgumentException("nodes[" + i + "] must have index " + i + ", got "
            + copy.get(i).index() + " (" + copy.get(i).path() + ")");
      }
    }
    return copy;
  }

  private static void checkTotal(long total) {
    if (total > TOKENS_MAX) {
      throw new IllegalArgumentException("a ring holds at most " + TOKENS_MAX + " tokens, got " + total);
    }
  }

  /**
   * A key's token: MurmurHash3's 64-bit finaliser of the key ({@link Seeds#mix64}), standing in for
   * Cassandra's Murmur3Partitioner (which hashes the key's bytes with the full MurmurHash3). A
   * bijection, so distinct keys get distinct tokens, and consecutive keys scatter over the ring.
   */
  public static long tokenOf(long key) {
    return Seeds.mix64(key);
  }

  /**
   * Expected coefficient of variation of the nodes' ownership (standard deviation / mean) for
   * {@code nodes} nodes of {@code vnodes} random tokens each: sqrt((N - 1) / (NV + 1)).
   *
   * @param nodes N >= 1
   * @param vnodes V >= 1
   */
  public static double expectedOwnershipCv(int nodes, int vnodes) {
    if (nodes < 1) throw new IllegalArgumentException("nodes must be >= 1, got " + nodes);
    if (vnodes < 1) throw new IllegalArgumentException("vnodes must be >= 1, got " + vnodes);
    return Math.sqrt((nodes - 1.0) / ((double) nodes * vnodes + 1));
  }

  /** The nodes, node i at index i. */
  public List<RingNode> nodes() {
    return nodes;
  }

  public int nodeCount() {
    return nodes.size();
  }

  /** Node {@code index}, 0 to {@link #nodeCount()} - 1. */
  public RingNode node(int index) {
    return nodes.get(index);
  }

  /** Number of tokens (virtual nodes) on the ring: positions 0 to size - 1, in token order. */
  public int size() {
    return tokens.length;
  }

  /** The token at {@code position}; tokens rise with position. */
  public long tokenAt(int position) {
    return tokens[position];
  }

  /** Index of the node holding the token at {@code position}. */
  public int ownerAt(int position) {
    return owners[position];
  }

  /**
   * Position of the first token at or after {@code token}, wrapping to position 0 past the
   * largest token: the virtual node whose arc (predecessor, own token] holds {@code token}.
   */
  public int positionOf(long token) {
    int found = Arrays.binarySearch(tokens, token);
    if (found >= 0) return found;
    int insertion = -found - 1;
    return insertion == tokens.length ? 0 : insertion;
  }

  /** Index of the node that owns {@code key} as primary (the first replica of SimpleStrategy). */
  public int primaryOf(long key) {
    return owners[positionOf(tokenOf(key))];
  }

  /**
   * Fraction of the ring each node owns as primary, indexed by node: the arcs (predecessor, token]
   * of its tokens over 2^64. Each is in (0, 1]; they sum to 1 (to rounding, ~1e-15).
   */
  public double[] ownership() {
    double[] share = new double[nodes.size()];
    if (tokens.length == 1) {
      share[owners[0]] = 1; // one token owns the whole circle: its arc from itself to itself
      return share;
    }
    for (int p = 0; p < tokens.length; p++) {
      long arc = tokens[p] - tokens[p == 0 ? tokens.length - 1 : p - 1]; // mod 2^64
      share[owners[p]] += unsigned(arc) / RING_SIZE;
    }
    return share;
  }

  private static double unsigned(long value) {
    return (value >>> 1) * 2.0 + (value & 1);
  }
}
