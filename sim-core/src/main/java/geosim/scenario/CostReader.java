package geosim.scenario;

import com.typesafe.config.ConfigValue;
import geosim.cost.CostMode;
import geosim.cost.CostSettings;
import geosim.cost.OwnedPrices;

/**
 * Reads the {@code cost} block into {@link CostSettings}: a known mode ({@code cloud} or {@code
 * owned}), prices >= 0, an amortization period above 0.
 */
final class CostReader {
  static final String BLOCK = "cost";
  /** Highest price of any one unit. Assumption: far above any real price, catches unit slips. */
  static final double PRICE_MAX = 1e7;
  /** Longest amortization, years. Assumption: buildings are written off over 15 to 40 years. */
  static final double YEARS_MAX = 100;

  private final ValueReader reader;
  private final Problems problems;

  CostReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The prices, or null after reporting problems. */
  CostSettings read(ConfigValue cost) {
    if (cost == null) return null;
    int before = problems.count();
    CostMode mode = mode(reader.child(cost, BLOCK, "mode"));
    Double hour = price(cost, BLOCK, "instance-hour-usd");
    Double egress = price(cost, BLOCK, "egress-usd-per-gb");
    Double storage = price(cost, BLOCK, "storage-usd-per-gb-month");
    ConfigValue owned = reader.child(cost, BLOCK, "owned");
    String at = BLOCK + ".owned";
    Double server = price(owned, at, "server-usd");
    Double years = new TopologyValues(reader, problems)
        .positive(at + ".amortization-years", reader.child(owned, at, "amortization-years"), YEARS_MAX);
    Double kwh = price(owned, at, "kwh-usd");
    Double overhead = reader.decimalAt(owned, at, "overhead-factor", 0, 100);
    if (problems.count() != before) return null;
    return new CostSettings(mode, hour, egress, storage, new OwnedPrices(server, years, kwh, overhead));
  }

  private Double price(ConfigValue parent, String at, String key) {
    return reader.decimalAt(parent, at, key, 0, PRICE_MAX);
  }

  private CostMode mode(ConfigValue value) {
    String text = reader.string(BLOCK + ".mode", value);
    if (text == null) return null;
    try {
      return CostMode.fromConfig(text);
    } catch (IllegalArgumentException e) {
      problems.at(value, BLOCK + ".mode", e.getMessage());
      return null;
    }
  }
}
