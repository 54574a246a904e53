package geosim.store.ring;

/**
 * The {@code ring} validation model: a token ring of {@code nodes} abstract nodes with {@code
 * vnodes} random tokens each, whose ownership is compared with theory.
 *
 * @param nodes number of nodes, 1 to {@value #NODES_MAX}
 * @param vnodes tokens per node, 1 to {@link TokenRing#VNODES_MAX}; nodes x vnodes at most {@link
 *     TokenRing#TOKENS_MAX}
 */
public record RingSettings(int nodes, int vnodes) {
  /** Most nodes of the validation ring. Assumption: far beyond any cluster the store models. */
  public static final int NODES_MAX = 100_000;

  public RingSettings {
    if (nodes < 1 || nodes > NODES_MAX) {
      throw new IllegalArgumentException("nodes must be between 1 and " + NODES_MAX + ", got " + nodes);
    }
    if (vnodes < 1 || vnodes > TokenRing.VNODES_MAX) {
      throw new IllegalArgumentException("vnodes must be between 1 and " + TokenRing.VNODES_MAX + ", got " + vnodes);
    }
    if ((long) nodes * vnodes > TokenRing.TOKENS_MAX) {
      throw new IllegalArgumentException("nodes x vnodes must be at most " + TokenRing.TOKENS_MAX + ", got "
          + nodes + " x " + vnodes);
    }
  }
}
