package geosim.cost;

/**
 * What a store server's data disk adds to the server: its purchase price and its power draw, which
 * is linear in the disk's utilization (busy channel time over channel time), as the server's own
 * power is in CPU utilization ({@code geosim.node.PowerModel}):
 *
 * <pre>
 *   watts(u) = idleWatts + (activeWatts - idleWatts) * u        u in [0, 1]
 * </pre>
 *
 * <p>The price is written off like the server ({@link OwnedPrices#amortizationYears()}, with the
 * same infrastructure overhead) in both cost modes: in the cloud it stands for the premium of an
 * instance with that disk (an assumption; docs/model.md, section Cost, "Storage media").
 * Defaults per medium and their sources are in {@code reference.conf} ({@code cost.disk}).
 * Example, the SSD defaults ($470, 0.65 W idle, 6 W active) at utilization 0.5: 3.325 W.
 *
 * @param usd price of one disk, USD, >= 0
 * @param idleWatts power of an idle disk, W, 0 to {@code activeWatts}
 * @param activeWatts power of a disk busy all the time, W, 0 to {@value #WATTS_MAX}
 */
public record DiskCost(double usd, double idleWatts, double activeWatts) {
  /** Highest disk power, W. Assumption: above any single drive (3.5-inch drives draw ~5-15 W). */
  public static final double WATTS_MAX = 1_000;
  /** A disk that costs nothing and draws nothing (prices given without disks). */
  public static final DiskCost NONE = new DiskCost(0, 0, 0);

  public DiskCost {
    CostSettings.requirePrice("usd", usd);
    if (!(activeWatts >= 0 && activeWatts <= WATTS_MAX)) {
      throw new IllegalArgumentException("activeWatts must be between 0 and " + WATTS_MAX + ", got " + activeWatts);
    }
    if (!(idleWatts >= 0 && idleWatts <= activeWatts)) {
      throw new IllegalArgumentException("idleWatts must be between 0 and activeWatts = " + activeWatts
          + ", got " + idleWatts);
    }
  }

  /** Power at disk utilization {@code utilization} in [0, 1], W. */
  public double watts(double utilization) {
    if (!(utilization >= 0 && utilization <= 1)) {
      throw new IllegalArgumentException("utilization must be between 0 and 1, got " + utilization);
    }
    return idleWatts + (activeWatts - idleWatts) * utilization;
  }
}
