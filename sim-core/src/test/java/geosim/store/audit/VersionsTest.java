package geosim.store.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VersionsTest {
  @Test
  void aVersionNamesItsCoordinator() {
    assertEquals(38, Versions.of(7, 3, 5));
    assertEquals(3, Versions.serverOf(38, 5));
    assertEquals(0, Versions.of(0, 0, 1));
  }

  @Test
  void rejectsOutOfRangeArgumentsAndOverflow() {
    assertThrows(IllegalArgumentException.class, () -> Versions.of(-1, 0, 5));
    assertThrows(IllegalArgumentException.class, () -> Versions.of(0, 5, 5));
    assertThrows(ArithmeticException.class, () -> Versions.of(Long.MAX_VALUE / 2, 1, 5));
    assertThrows(IllegalArgumentException.class, () -> Versions.serverOf(-1, 5));
  }
}
