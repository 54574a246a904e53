package geosim.network;

/**
 * The result of {@link MaxMinFairShare#allocate}: each flow's rate and each link's unused
 * capacity. Immutable.
 */
public final class FairShareAllocation {
  private final double[] rateBps;
  private final double[] residualBps;

  FairShareAllocation(double[] rateBps, double[] residualBps) {
    this.rateBps = rateBps.clone();
    this.residualBps = residualBps.clone();
  }

  public int flowCount() {
    return rateBps.length;
  }

  public int linkCount() {
    return residualBps.length;
  }

  /** Rate allocated to flow {@code flow} (its index in the input list), bit/s, 0 to its demand. */
  public double rateBps(int flow) {
    return rateBps[flow];
  }

  /** Capacity of link {@code link} that no flow uses, bit/s, 0 to the link's capacity; 0 when saturated. */
  public double residualBps(int link) {
    return residualBps[link];
  }

  /** A copy of all flows' rates, bit/s, in input order. */
  public double[] ratesBps() {
    return rateBps.clone();
  }

  /** A copy of all links' residual capacities, bit/s. */
  public double[] residualsBps() {
    return residualBps.clone();
  }
}
