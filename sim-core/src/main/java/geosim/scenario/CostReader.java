package geosim.scenario;

import com.typesafe.config.ConfigValue;
import geosim.cost.CostMode;
import geosim.cost.CostSettings;
import geosim.cost.DiskCost;
import geosim.cost.OwnedPrices;

/**
 * Reads the {@code cost} block into {@link CostSettings}: a known mode ({@code cloud} or {@code
 * owned}), prices >= 0, an amortization period above 0, and each disk medium's price and power.
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
    ConfigValue disks = reader.child(cost, BLOCK, "disk");
    DiskCost hdd = disk(reader.child(disks, BLOCK + ".disk", "hdd"), BLOCK + ".disk.hdd");
    DiskCost ssd = disk(reader.child(disks, BLOCK + ".disk", "ssd"), BLOCK + ".disk.ssd");
    if (problems.count() != before) return null;
    return new CostSettings(mode, hour, egress, storage, new OwnedPrices(server, years, kwh, overhead), hdd, ssd);
  }

  /** One medium's block: a price, idle watts at most active watts, active watts at most {@link DiskCost#WATTS_MAX}. */
  private DiskCost disk(ConfigValue disk, String at) {
    int before = problems.count();
    Double usd = price(disk, at, "usd");
    Double active = reader.decimalAt(disk, at, "active-watts", 0, DiskCost.WATTS_MAX);
    Double idle = reader.decimalAt(disk, at, "idle-watts", 0, DiskCost.WATTS_MAX);
    if (problems.count() != before) return null;
    if (idle > active) {
      problems.at(reader.child(disk, at, "idle-watts"), at + ".idle-watts",
          "must be at most " + at + ".active-watts = " + active + ", got " + idle);
      return null;
    }
    return new DiskCost(usd, idle, active);
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
