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
 */
public record CostSettings(
    CostMode mode, double instanceHourUsd, double egressUsdPerGb, double storageUsdPerGbMonth, OwnedPrices owned) {

  public CostSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(owned, "owned");
    requirePrice("instanceHourUsd", instanceHourUsd);
    requirePrice("egressUsdPerGb", egressUsdPerGb);
    requirePrice("storageUsdPerGbMonth", storageUsdPerGbMonth);
  }

  static void requirePrice(String name, double value) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
    }
  }
}
