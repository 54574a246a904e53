package geosim.store.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import geosim.kernel.StreamRandom;
import org.junit.jupiter.api.Test;

class ReadRepairSettingsTest {
  @Test
  void oneDrawDecidesGlobalThenDcLocalAsCassandraDoes() {
    int[] counts = new int[3];
    StreamRandom random = new StreamRandom(3);
    ReadRepairSettings settings = new ReadRepairSettings(0.2, 0.5);
    for (int i = 0; i < 100_000; i++) counts[settings.decide(random).ordinal()]++;
    // P(GLOBAL) = 0.2, P(DC_LOCAL) = 0.5 - 0.2, P(NONE) = 0.5; 5 standard deviations of 100,000 draws < 0.008.
    assertEquals(0.5, counts[ReadRepairSettings.Decision.NONE.ordinal()] / 1e5, 0.008);
    assertEquals(0.3, counts[ReadRepairSettings.Decision.DC_LOCAL.ordinal()] / 1e5, 0.008);
    assertEquals(0.2, counts[ReadRepairSettings.Decision.GLOBAL.ordinal()] / 1e5, 0.008);
  }

  @Test
  void noChanceMakesNoDraw() {
    StreamRandom used = new StreamRandom(5);
    StreamRandom fresh = new StreamRandom(5);
    assertEquals(ReadRepairSettings.Decision.NONE, new ReadRepairSettings(0, 0).decide(used));
    assertEquals(fresh.nextLong(), used.nextLong());
    assertEquals(ReadRepairSettings.Decision.GLOBAL, new ReadRepairSettings(1, 0).decide(used));
  }

  @Test
  void rejectsChancesOutsideZeroToOne() {
    assertThrows(IllegalArgumentException.class, () -> new ReadRepairSettings(-0.1, 0));
    assertThrows(IllegalArgumentException.class, () -> new ReadRepairSettings(0, 1.5));
    assertThrows(IllegalArgumentException.class, () -> new ReadRepairSettings(Double.NaN, 0));
  }
}
