package geosim.store.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepairSettingsTest {
  private static final long S = 1_000_000_000L;

  private static RepairSettings schedule(List<Long> at, long everyNs, long offsetNs) {
    return new RepairSettings(at, everyNs, offsetNs, 15, 5, 25_000_000);
  }

  @Test
  void offByDefault() {
    RepairSettings off = RepairSettings.off();
    assertFalse(off.enabled());
    assertEquals(-1, off.nextStartNs(0));
    assertEquals(List.of(), off.startsUpTo(Long.MAX_VALUE - 1));
  }

  @Test
  void listedTimesComeInOrder() {
    RepairSettings listed = schedule(List.of(120 * S, 60 * S, 60 * S), 0, 0);
    assertTrue(listed.enabled());
    assertEquals(List.of(60 * S, 120 * S), listed.startsUpTo(1000 * S));
    assertEquals(60 * S, listed.nextStartNs(60 * S));
    assertEquals(120 * S, listed.nextStartNs(60 * S + 1));
    assertEquals(-1, listed.nextStartNs(120 * S + 1));
  }

  @Test
  void repeatingStartsMergeWithListedOnes() {
    RepairSettings both = schedule(List.of(5 * S), 600 * S, 60 * S);
    assertEquals(List.of(5 * S, 60 * S, 660 * S, 1260 * S), both.startsUpTo(1260 * S));
    assertEquals(660 * S, both.nextStartNs(61 * S));
  }

  @Test
  void badValuesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> schedule(List.of(-1L), 0, 0));
    assertThrows(IllegalArgumentException.class, () -> schedule(List.of(), -1, 0));
    assertThrows(IllegalArgumentException.class, () -> new RepairSettings(List.of(), 0, 0, 21, 5, 1));
    assertThrows(IllegalArgumentException.class, () -> new RepairSettings(List.of(), 0, 0, 15, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> new RepairSettings(List.of(), 0, 0, 15, 5, 0));
  }
}
