package geosim.store.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeadlinesTest {
  @Test
  void deadlinesComeOutInOrderWhenDueAndTheHeadSaysWhenToArm() {
    Deadlines d = new Deadlines();
    assertEquals(Deadlines.NONE, d.head());
    assertTrue(d.add(0, 2_000), "the first deadline arms a timer");
    assertFalse(d.add(1, 3_000));
    assertFalse(d.add(2, 3_000));
    assertEquals(-1, d.popDue(1_999));
    assertEquals(0, d.popDue(2_000));
    assertEquals(-1, d.popDue(2_999));
    assertEquals(3_000, d.head());
    assertEquals(1, d.popDue(5_000));
    assertEquals(2, d.popDue(5_000));
    assertEquals(-1, d.popDue(5_000));
    assertEquals(Deadlines.NONE, d.head());
    assertTrue(d.add(3, 6_000), "empty again: arm again");
  }

  @Test
  void manyDeadlinesGrowTheRingAcrossItsWrapAndKeepTheirOrder() {
    Deadlines d = new Deadlines();
    long next = 0;
    long popped = 0;
    for (long id = 0; id < 1_000; id++) {
      d.add(id, id * 10);
      if (id % 3 == 0) {
        long got = d.popDue(id * 10);
        assertEquals(next++, got);
        popped++;
      }
    }
    assertEquals(1_000 - popped, d.size());
    for (long got = d.popDue(Long.MAX_VALUE - 1); got >= 0; got = d.popDue(Long.MAX_VALUE - 1)) assertEquals(next++, got);
    assertEquals(1_000, next);
  }

  @Test
  void aDeadlineBeforeTheLastIsRefused() {
    Deadlines d = new Deadlines();
    d.add(0, 100);
    assertThrows(IllegalArgumentException.class, () -> d.add(1, 99));
  }
}
