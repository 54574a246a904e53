package geosim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VirtualTimeTest {
  @ParameterizedTest
  @CsvSource({
    "150ms, 150000000",
    "1.5s, 1500000000",
    "2 s, 2000000000",
    "3d, 259200000000000",
    "10m, 600000000000",
    "1h, 3600000000000",
    "250us, 250000",
    "7ns, 7",
    "42, 42000000",
    "0s, 0"
  })
  void parsesHoconDurationsIntoNanoseconds(String text, long nanos) {
    assertEquals(nanos, VirtualTime.parse(text));
  }

  @Test
  void rejectsNegativeUnknownAndOverflowingDurations() {
    assertThrows(IllegalArgumentException.class, () -> VirtualTime.parse("-5s"));
    assertEquals("unknown time unit 'fortnights' in '2fortnights'; use ns, us, ms, s, m, h or d",
        assertThrows(IllegalArgumentException.class, () -> VirtualTime.parse("2fortnights")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> VirtualTime.parse("400000d"));
    assertThrows(IllegalArgumentException.class, () -> VirtualTime.parse("soon"));
  }

  @Test
  void formatsForPeople() {
    assertEquals("10m", VirtualTime.format(VirtualTime.parse("10m")));
    assertEquals("1.5s", VirtualTime.format(VirtualTime.parse("1.5s")));
    assertEquals("250us", VirtualTime.format(250_000));
    assertEquals("0ns", VirtualTime.format(0));
  }
}
