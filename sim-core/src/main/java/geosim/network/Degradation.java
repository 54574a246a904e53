package geosim.network;

/**
 * What a link-degradation fault asks of the links it names: added latency per traversal, frame
 * loss, and less bandwidth, as a factor of each link's own or as an absolute ceiling (the lower
 * of the two holds). See {@link LinkCondition} for what a link then does.
 *
 * @param extraLatencyNs added to each traversal of each link, ns, >= 0
 * @param lossProbability chance each frame is lost on each link, 0 to 1
 * @param bandwidthFactor share of each link's bandwidth left, > 0 and <= 1 (1: unchanged)
 * @param bandwidthGbps each link's bandwidth at most, Gbit/s, > 0 ({@link Double#POSITIVE_INFINITY}: no ceiling)
 */
public record Degradation(long extraLatencyNs, double lossProbability, double bandwidthFactor, double bandwidthGbps) {
  public Degradation {
    new LinkCondition(extraLatencyNs, lossProbability, bandwidthFactor); // checks the first three
    if (!(bandwidthGbps > 0)) throw new IllegalArgumentException("bandwidthGbps must be > 0, got " + bandwidthGbps);
  }

  /** What it does to a link of {@code capacityBps} (> 0). */
  public LinkCondition on(double capacityBps) {
    double factor = Math.min(bandwidthFactor, bandwidthGbps * 1e9 / capacityBps);
    return new LinkCondition(extraLatencyNs, lossProbability, Math.min(1, factor));
  }
}
