package geosim.network;

/**
 * How a degraded link differs from its spec (a link-degradation fault): every frame that crosses
 * it takes {@code extraLatencyNs} more, is lost with probability {@code lossProbability} (drawn
 * per frame), and the link carries at most {@code capacityFactor} of its bandwidth (background
 * flows share the reduced capacity; a frame serializes at what they leave of it).
 *
 * <p>Two degradations on one link at once compose: latencies add, frames survive both losses
 * ({@code 1 - (1 - p1)(1 - p2)}), capacity factors multiply. Example: a WAN link of 80 ms with
 * {@code extraLatencyNs = 20 ms} takes 100 ms each way, so a round trip over it takes 40 ms more.
 *
 * @param extraLatencyNs added to each traversal, ns, >= 0
 * @param lossProbability chance a frame is lost on the link, 0 to 1
 * @param capacityFactor share of the link's bandwidth it still has, > 0 and <= 1
 */
public record LinkCondition(long extraLatencyNs, double lossProbability, double capacityFactor) {
  /** A link as its spec says. */
  public static final LinkCondition NORMAL = new LinkCondition(0, 0, 1);

  public LinkCondition {
    if (extraLatencyNs < 0) throw new IllegalArgumentException("extraLatencyNs must be >= 0, got " + extraLatencyNs);
    if (!(lossProbability >= 0 && lossProbability <= 1)) {
      throw new IllegalArgumentException("lossProbability must be in [0, 1], got " + lossProbability);
    }
    if (!(capacityFactor > 0 && capacityFactor <= 1)) {
      throw new IllegalArgumentException("capacityFactor must be in (0, 1], got " + capacityFactor);
    }
  }

  /** This condition and {@code other} at once (see the class comment); latencies saturate at {@link Long#MAX_VALUE}. */
  public LinkCondition and(LinkCondition other) {
    long latency = extraLatencyNs > Long.MAX_VALUE - other.extraLatencyNs ? Long.MAX_VALUE
        : extraLatencyNs + other.extraLatencyNs;
    double loss = lossProbability + other.lossProbability - lossProbability * other.lossProbability;
    return new LinkCondition(latency, Math.min(1, loss), Math.max(Double.MIN_NORMAL, capacityFactor * other.capacityFactor));
  }

  /** Whether the link is as its spec says. */
  public boolean isNormal() {
    return equals(NORMAL);
  }
}
