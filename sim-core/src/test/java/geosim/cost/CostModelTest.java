package geosim.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CostModelTest {
  private static final OwnedPrices OWNED = new OwnedPrices(2000, 3, 0.07, 0.89);

  @Test
  void cloudChargesInstanceHoursEgressAndStorage() {
    CostSettings cloud = new CostSettings(CostMode.CLOUD, 0.10, 0.17, 0.15, OWNED);
    Usage usage = new Usage(5000 * 24.0, 5000, 24, 1e9, 100, 10);
    assertEquals(5000 * 24 * 0.10 + 100 * 0.17 + 10 * 0.15, CostModel.usd(cloud, usage), 1e-9);
  }

  @Test
  void ownedChargesThePeakFleetForTheWholeRunPlusEnergy() {
    CostSettings owned = new CostSettings(CostMode.OWNED, 0.10, 0.17, 0.15, OWNED);
    double perServerHour = 2000 / (3 * 365.0 * 24) * 1.89;
    Usage idle = new Usage(1, 100, 24, 0, 0, 0);
    Usage busy = new Usage(2400, 100, 24, 500, 0, 0);
    assertEquals(100 * 24 * perServerHour, CostModel.usd(owned, idle), 1e-9, "owned servers cost even when idle");
    assertEquals(100 * 24 * perServerHour + 500 * 0.07, CostModel.usd(owned, busy), 1e-9);
  }

  @Test
  void aPeakyFleetRentsCheaperThanItsPeakOwned() {
    // Owned servers amortize to 2000 / 26,280 h x 1.89 = $0.144 per hour plus power, whether busy or
    // not; renting at $0.10 per hour pays only for the 15% of the time the servers are held.
    CostSettings cloud = new CostSettings(CostMode.CLOUD, 0.10, 0, 0, OWNED);
    CostSettings owned = new CostSettings(CostMode.OWNED, 0.10, 0, 0, OWNED);
    Usage peaky = new Usage(100 * 24 * 0.15, 100, 24, 10, 0, 0);
    assertTrue(CostModel.usd(cloud, peaky) < CostModel.usd(owned, peaky), "a fleet busy 15% of the time rents cheaper");
  }

  @Test
  void aDiskIsWrittenOffWithItsServerInEitherMode() {
    CostSettings cloud = new CostSettings(CostMode.CLOUD, 0.10, 0, 0, OWNED);
    DiskCost ssd = new DiskCost(470, 0.65, 6);
    double perHour = 470 / (3 * 365.0 * 24) * 1.89;
    assertEquals(3 * 24 * perHour, CostModel.diskUsd(cloud, ssd, 3 * 24), 1e-12);
    assertEquals(0, CostModel.diskUsd(cloud, DiskCost.NONE, 1000));
    assertThrows(IllegalArgumentException.class, () -> CostModel.diskUsd(cloud, ssd, -1));
  }

  @Test
  void diskPowerIsLinearInUtilization() {
    DiskCost hdd = new DiskCost(100, 8, 12);
    assertEquals(8, hdd.watts(0));
    assertEquals(10, hdd.watts(0.5));
    assertEquals(12, hdd.watts(1));
    assertThrows(IllegalArgumentException.class, () -> hdd.watts(1.01));
    assertThrows(IllegalArgumentException.class, () -> new DiskCost(100, 13, 12));
    assertThrows(IllegalArgumentException.class, () -> new DiskCost(-1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new DiskCost(1, 0, DiskCost.WATTS_MAX + 1));
  }

  @Test
  void workPerDollarIsZeroWhenNothingWasSpent() {
    assertEquals(0, CostModel.perUsd(1000, 0));
    assertEquals(500, CostModel.perUsd(1000, 2));
  }

  @Test
  void unknownModeAndNegativePricesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> CostMode.fromConfig("leased"));
    assertThrows(IllegalArgumentException.class, () -> new CostSettings(CostMode.CLOUD, -1, 0, 0, OWNED));
    assertThrows(IllegalArgumentException.class, () -> new OwnedPrices(1, 0, 0, 0));
  }
}
