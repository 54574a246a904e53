package geosim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
  private static final LongPredicate ALL_OPEN = id -> true;

  @Test
  void deadlinesComeOutInOrderWhenDueAndTheHeadSaysWhenToArm() {
    Deadlines d = new Deadlines();
    assertEquals(Deadlines.NONE, d.headNs(ALL_OPEN));
    d.add(0, 2_000);
    d.add(1, 3_000);
    d.add(2, 3_000);
    assertEquals(2_000, d.headNs(ALL_OPEN));
    assertEquals(-1, d.popDue(1_999, ALL_OPEN));
    assertEquals(0, d.popDue(2_000, ALL_OPEN));
    assertEquals(-1, d.popDue(2_999, ALL_OPEN));
    assertEquals(3_000, d.headNs(ALL_OPEN));
    assertEquals(1, d.popDue(5_000, ALL_OPEN));
    assertEquals(2, d.popDue(5_000, ALL_OPEN));
    assertEquals(-1, d.popDue(5_000, ALL_OPEN));
    assertEquals(Deadlines.NONE, d.headNs(ALL_OPEN));
  }

  @Test
  void manyDeadlinesGrowTheRingAcrossItsWrapAndKeepTheirOrder() {
    Deadlines d = new Deadlines();
    long next = 0;
    long popped = 0;
    for (long id = 0; id < 1_000; id++) {
      d.add(id, id * 10);
      if (id % 3 == 0) {
        assertEquals(next++, d.popDue(id * 10, ALL_OPEN));
        popped++;
      }
    }
    assertEquals(1_000 - popped, d.size());
    for (long got = d.popDue(Long.MAX_VALUE - 1, ALL_OPEN); got >= 0; got = d.popDue(Long.MAX_VALUE - 1, ALL_OPEN)) {
      assertEquals(next++, got);
    }
    assertEquals(1_000, next);
  }

  @Test
  void finishedRequestsAreDroppedOnTheWaySoTheTimerWaitsForTheFirstOpenOne() {
    Deadlines d = new Deadlines();
    for (long id = 0; id < 40; id++) d.add(id, 1_000 + id); // across a growth and the ring's wrap
    for (long id = 0; id < 20; id++) assertEquals(id, d.popDue(1_000 + id, ALL_OPEN));
    for (long id = 40; id < 45; id++) d.add(id, 1_000 + id);
    Set<Long> open = new HashSet<>(Set.of(33L, 36L)); // 20..32 finished; 34 and 35 too, behind 33
    assertEquals(1_033, d.headNs(open::contains), "the timer waits for the first open request");
    assertEquals(12, d.size(), "only the finished ones before it are dropped");
    assertEquals(33, d.popDue(Long.MAX_VALUE - 1, open::contains), "the finished ones due are skipped");
    assertEquals(36, d.popDue(Long.MAX_VALUE - 1, open::contains));
    assertEquals(-1, d.popDue(Long.MAX_VALUE - 1, open::contains));
    assertEquals(0, d.size());
    assertEquals(Deadlines.NONE, d.headNs(open::contains));
  }

  @Test
  void aDeadlineBeforeTheLastIsRefused() {
    Deadlines d = new Deadlines();
    d.add(0, 100);
    assertThrows(IllegalArgumentException.class, () -> d.add(1, 99));
  }
}
