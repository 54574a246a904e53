package geosim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventQueueTest {
  private record Key(long time, long source, long seq) {}

  static List<Long> seeds() {
    List<Long> seeds = new ArrayList<>();
    for (long s = 0; s < 200; s++) seeds.add(s);
    return seeds;
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void equalTimeEventsFromSeveralSourcesComeOutInOneOrderWhateverTheInsertionOrder(long seed) {
    // Few distinct times, many sources, several messages each: lots of ties on time.
    List<Key> keys = new ArrayList<>();
    for (long time = 0; time < 3; time++) {
      for (long source : new long[] {Long.MIN_VALUE, -7, 0, 3, 42, Long.MAX_VALUE}) {
        for (long seq = 0; seq < 4; seq++) keys.add(new Key(time * 1000, source, seq));
      }
    }
    List<Key> expected = drain(keys);
    List<Key> shuffled = new ArrayList<>(keys);
    Collections.shuffle(shuffled, new Random(seed));
    assertEquals(expected, drain(shuffled), "seed " + seed);
  }

  @Test
  void interleavedAddsAndPollsMatchASortedReference() {
    // The run's pattern: a pending set that grows and shrinks, events added at or after the
    // last one taken. A TreeSet of the same keys is the reference order.
    Random random = new Random(7);
    java.util.TreeSet<Key> reference = new java.util.TreeSet<>(java.util.Comparator.comparingLong(Key::time)
        .thenComparingLong(Key::source).thenComparingLong(Key::seq));
    EventQueue q = new EventQueue(4);
    long now = 0;
    long seq = 0;
    for (int step = 0; step < 200_000; step++) {
      if (reference.isEmpty() || random.nextInt(100) < 52) {
        Key key = new Key(now + random.nextInt(50), random.nextInt(5), seq++);
        reference.add(key);
        q.add(key.time(), key.source(), key.seq(), (int) key.seq(), key);
      } else {
        q.poll();
        Key expected = reference.pollFirst();
        assertEquals(expected, q.headMessage(), "step " + step);
        assertEquals(expected.time(), q.headTime());
        now = expected.time();
      }
      assertEquals(reference.size(), q.size());
    }
  }

  @Test
  void ordersByTimeThenSourceThenSequence() {
    List<Key> keys = List.of(new Key(5, 1, 0), new Key(5, 0, 9), new Key(4, 9, 9), new Key(5, 0, 2));
    assertEquals(List.of(new Key(4, 9, 9), new Key(5, 0, 2), new Key(5, 0, 9), new Key(5, 1, 0)), drain(keys));
  }

  @Test
  void growsBeyondItsInitialCapacityAndKeepsPayloads() {
    EventQueue q = new EventQueue(2);
    for (int i = 999; i >= 0; i--) q.add(i, 0, i, i, "m" + i);
    for (int i = 0; i < 1000; i++) {
      q.poll();
      assertEquals(i, q.headTime());
      assertEquals(i, q.headTarget());
      assertEquals("m" + i, q.headMessage());
    }
    assertTrue(q.isEmpty());
    assertEquals(Long.MAX_VALUE, q.peekTime());
  }

  @Test
  void handlesExtremeTimes() {
    EventQueue q = new EventQueue();
    q.add(Long.MAX_VALUE - 1, 0, 0, 0, null);
    q.add(0, 0, 1, 0, null);
    q.poll();
    assertEquals(0, q.headTime());
    q.poll();
    assertEquals(Long.MAX_VALUE - 1, q.headTime());
  }

  private static List<Key> drain(List<Key> keys) {
    EventQueue q = new EventQueue(4);
    for (Key k : keys) q.add(k.time, k.source, k.seq, 0, k);
    List<Key> out = new ArrayList<>();
    while (!q.isEmpty()) {
      q.poll();
      assertEquals(new Key(q.headTime(), q.headSource(), q.headSeq()), q.headMessage());
      out.add((Key) q.headMessage());
    }
    return out;
  }
}
