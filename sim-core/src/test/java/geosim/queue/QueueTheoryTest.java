package geosim.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The formulas against values worked by hand, so the validation compares with the right theory. */
class QueueTheoryTest {
  @Test
  void erlangCWithOneServerIsRho() {
    assertEquals(0.8, QueueTheory.erlangC(1, 0.8), 1e-12);
    assertEquals(0.01 / (1 - 0.8), QueueTheory.mmcResponseS(1, 80, 0.01), 1e-12); // S / (1 - rho)
  }

  @Test
  void erlangCWithTwoServers() {
    // a = 1.5, c = 2: (1.125 * 4) / (1 + 1.5 + 4.5) = 9/14.
    assertEquals(9.0 / 14, QueueTheory.erlangC(2, 1.5), 1e-12);
    assertEquals(9.0 / 14 / 50 + 0.01, QueueTheory.mmcResponseS(2, 150, 0.01), 1e-12);
  }

  @Test
  void pollaczekKhinchineForDeterministicService() {
    assertEquals(0.030, QueueTheory.md1ResponseS(80, 0.01), 1e-12); // 10 ms + 0.8 * 10 / 0.4
  }

  @Test
  void unstableQueuesHaveNoMean() {
    assertThrows(IllegalArgumentException.class, () -> QueueTheory.erlangC(2, 2.0));
    assertThrows(IllegalArgumentException.class, () -> QueueTheory.md1ResponseS(100, 0.01));
  }
}
