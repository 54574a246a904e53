package geosim.cost;

import java.util.Objects;

/**
 * The prices of a run (HOCON block {@code cost}); defaults and their sources are in
 * {@code reference.conf} and docs/model.md (section Cost).
 *
 * @param mode how servers are paid for
 * @param instanceHourUsd price of one on-demand instance-hour (cloud mode), USD, >= 0
 * @param egressUsdPerGb price of one GB leaving the cloud (cloud mode), USD, >= 0
 * @param storageUsdPerGbMonth price of storing one GB for a month (cloud mode), USD, >= 0
 * @param owned prices of an owned data center (owned mode)
 * @param hdd what a hard disk adds to a store server (price, power)
 * @param ssd what a solid-state disk adds to a store server (price, power)
 */
public record CostSettings(CostMode mode, double instanceHourUsd, double egressUsdPerGb, double storageUsdPerGbMonth,
    OwnedPrices owned, DiskCost hdd, DiskCost ssd) {

  public CostSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(owned, "owned");
    Objects.requireNonNull(hdd, "hdd");
    Objects.requireNonNull(ssd, "ssd");
    requirePrice("instanceHourUsd", instanceHourUsd);
    requirePrice("egressUsdPerGb", egressUsdPerGb);
    requirePrice("storageUsdPerGbMonth", storageUsdPerGbMonth);
  }

  /** Prices without disk costs ({@link DiskCost#NONE} for both media). */
  public CostSettings(
      CostMode mode, double instanceHourUsd, double egressUsdPerGb, double storageUsdPerGbMonth, OwnedPrices owned) {
    this(mode, instanceHourUsd, egressUsdPerGb, storageUsdPerGbMonth, owned, DiskCost.NONE, DiskCost.NONE);
  }

  static void requirePrice(String name, double value) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
    }
  }
}
