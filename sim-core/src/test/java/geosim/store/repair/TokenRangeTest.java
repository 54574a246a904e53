package geosim.store.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenRangeTest {
  @Test
  void aRangeHoldsItsRightEndButNotItsLeft() {
    TokenRange range = new TokenRange(10, 20);
    assertFalse(range.contains(10));
    assertTrue(range.contains(11));
    assertTrue(range.contains(20));
    assertFalse(range.contains(21));
  }

  @Test
  void aRangeWrapsPastTheLargestToken() {
    TokenRange range = new TokenRange(Long.MAX_VALUE - 1, Long.MIN_VALUE + 1);
    assertTrue(range.contains(Long.MAX_VALUE));
    assertTrue(range.contains(Long.MIN_VALUE));
    assertTrue(range.contains(Long.MIN_VALUE + 1));
    assertFalse(range.contains(Long.MAX_VALUE - 1));
    assertFalse(range.contains(0));
    assertEquals(0, range.leafOf(Long.MAX_VALUE, 1));
    assertEquals(1, range.leafOf(Long.MIN_VALUE + 1, 1));
  }

  @Test
  void leavesSplitTheRangeEvenlyFromFirstToLast() {
    TokenRange range = new TokenRange(0, 1024);
    assertEquals(0, range.leafOf(1, 10));
    assertEquals(1023, range.leafOf(1024, 10));
    assertEquals(511, range.leafOf(512, 10));
    assertEquals(0, range.leafOf(1024, 0), "depth 0: one leaf");
  }

  @Test
  void theWholeRingSplitsByTheTopBitsOfTheOffset() {
    TokenRange ring = new TokenRange(-1, -1);
    assertTrue(ring.contains(12345));
    assertEquals(0, ring.leafOf(0, 15));
    assertEquals(1 << 14, ring.leafOf(Long.MIN_VALUE, 15));
    assertEquals((1 << 15) - 1, ring.leafOf(-2, 15));
    assertEquals((1 << 20) - 1, ring.leafOf(-1, 20), "the right end itself is the last leaf's");
  }

  @Test
  void aNarrowRangeUsesOneLeafPerToken() {
    TokenRange range = new TokenRange(100, 103);
    assertEquals(0, range.leafOf(101, 15));
    assertEquals(2, range.leafOf(103, 15));
  }
}
