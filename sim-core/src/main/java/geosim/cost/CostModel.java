package geosim.cost;

/**
 * The price of a run's {@link Usage}:
 *
 * <pre>
 *   cloud: usd = instanceHours * instanceHourUsd + egressGb * egressUsdPerGb
 *                + storageGbMonths * storageUsdPerGbMonth
 *   owned: usd = peakInstances * hours * serverHourUsd + kwh * kwhUsd
 * </pre>
 *
 * <p>Cloud instances are billed pro rata here; EC2 of 2008 billed every started hour in full, so
 * the cloud figure is a slight underestimate for fleets that change size often (a stated
 * simplification). In the cloud the energy is in the hourly price, so it is not charged again; an
 * owned data center buys its peak fleet (capacity planned "a couple of months in advance", seed
 * 001) and pays for it whether it is busy or not, which is the point of the comparison.
 * Example: 5,000 instances for 24 h at $0.10 cost $12,000.
 */
public final class CostModel {
  private CostModel() {}

  /** The run's cost in USD under {@code prices}, >= 0. */
  public static double usd(CostSettings prices, Usage usage) {
    if (prices.mode() == CostMode.OWNED) {
      return usage.peakInstances() * usage.hours() * prices.owned().serverHourUsd() + usage.kwh() * prices.owned().kwhUsd();
    }
    return usage.instanceHours() * prices.instanceHourUsd() + usage.egressGb() * prices.egressUsdPerGb()
        + usage.storageGbMonths() * prices.storageUsdPerGbMonth();
  }

  /**
   * The price of the data disks of {@code diskHours} server-hours (servers x hours): each disk's
   * price written off with its server ({@link OwnedPrices#hourUsd}), in either mode (in the cloud
   * it stands for the premium of an instance with that disk; {@link DiskCost}). USD, >= 0.
   */
  public static double diskUsd(CostSettings prices, DiskCost disk, double diskHours) {
    if (!(diskHours >= 0)) throw new IllegalArgumentException("diskHours must be >= 0, got " + diskHours);
    return diskHours * prices.owned().hourUsd(disk.usd());
  }

  /** Work per dollar: {@code ops / usd}, 0 when nothing was spent. */
  public static double perUsd(double ops, double usd) {
    return usd > 0 ? ops / usd : 0;
  }
}
