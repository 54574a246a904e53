package geosim.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CostMeterTest {
  private static final long HOUR_NS = 3_600_000_000_000L;
  private static final CostSettings CLOUD = new CostSettings(CostMode.CLOUD, 0.10, 0, 0, new OwnedPrices(2000, 3, 0.07, 0.89));

  @Test
  void aCloudFleetCostsItsInstanceHoursAndTheStepsAddUpToTheTotal() {
    CostMeter meter = new CostMeter(CLOUD);
    long sum = 0;
    for (int minute = 1; minute <= 60; minute++) sum += meter.advance(100, HOUR_NS / 60, 0, minute * HOUR_NS / 60);
    assertEquals(10_000_000, meter.microUsd(), "100 instance-hours at $0.10");
    assertEquals(meter.microUsd(), sum);
  }

  @Test
  void anOwnedDataCenterPaysItsPeakFromTheStartSoItsCostJumpsWhenThePeakRises() {
    CostSettings owned = new CostSettings(CostMode.OWNED, 0.10, 0, 0, new OwnedPrices(2000, 3, 0.07, 0.89));
    CostMeter meter = new CostMeter(owned);
    long first = meter.advance(10, HOUR_NS, 0, HOUR_NS);
    long second = meter.advance(20, HOUR_NS, 0, 2 * HOUR_NS);
    double expected = CostModel.usd(owned, new Usage(30, 20, 2, 0, 0, 0));
    assertEquals(Math.round(expected * 1e6), meter.microUsd());
    assertEquals(3 * first, second, 1, "the second hour pays both hours of the 10 new servers and its own 20");
  }

  @Test
  void negativeUsageIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new CostMeter(CLOUD).advance(-1, 1, 0, 1));
  }
}
