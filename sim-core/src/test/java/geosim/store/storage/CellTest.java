package geosim.store.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.StreamRandom;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CellTest {
  private static final long KEY = 42;

  @Test
  void laterTimestampWinsWhateverTheVersion() {
    assertTrue(new Cell(1, 1_000).supersedes(new Cell(9, 999)));
    assertFalse(new Cell(9, 999).supersedes(new Cell(1, 1_000)));
  }

  @Test
  void equalTimestampsGoToTheHigherVersion() {
    assertTrue(new Cell(8, 1_000).supersedes(new Cell(7, 1_000)));
    assertFalse(new Cell(7, 1_000).supersedes(new Cell(8, 1_000)));
    assertFalse(new Cell(7, 1_000).supersedes(new Cell(7, 1_000)));
  }

  @Test
  void extremeTimestampsOrderWithoutOverflow() {
    assertTrue(new Cell(0, Long.MAX_VALUE).supersedes(new Cell(0, Long.MIN_VALUE)));
    assertTrue(new Cell(Long.MAX_VALUE, 0).supersedes(new Cell(Long.MIN_VALUE, 0)));
  }

  @Test
  void olderTimestampNeverOverwritesInTheMemtable() {
    StorageEngine engine = new StorageEngine(StorageSettings.cassandraDefaults());
    engine.write(KEY, new Cell(2, 200), 100);
    engine.write(KEY, new Cell(3, 199), 500);
    assertEquals(Optional.of(new Cell(2, 200)), engine.newestCell(KEY));
    assertEquals(100, engine.memtableBytes(), "a losing write must not change the memtable size");
  }

  @Test
  void olderTimestampNeverOverwritesAcrossFlushes() {
    StorageEngine engine = new StorageEngine(EngineDriver.flushingAt(100));
    EngineDriver.writeAndSettle(engine, KEY, new Cell(2, 200), 100); // flushed to an SSTable
    engine.write(KEY, new Cell(3, 150), 10); // older, stays in the memtable
    assertEquals(Optional.of(new Cell(2, 200)), engine.read(KEY, new StreamRandom(1)).cell());
    EngineDriver.writeAndSettle(engine, KEY, new Cell(1, 200), 100); // a tie, lower version
    assertEquals(Optional.of(new Cell(2, 200)), engine.read(KEY, new StreamRandom(1)).cell());
  }

  static Iterable<Long> seeds() {
    return java.util.stream.LongStream.range(0, 20).boxed()::iterator;
  }

  /**
   * Whatever the order of writes, flushes and compactions, a replica returns the greatest cell
   * written, as a sorted reference map of every write says.
   */
  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void replicaKeepsTheGreatestCellWhateverTheOrder(long seed) {
    StreamRandom random = new StreamRandom(seed);
    StorageEngine engine = new StorageEngine(EngineDriver.flushingAt(2_000));
    TreeMap<Long, Cell> expected = new TreeMap<>();
    for (int i = 0; i < 3_000; i++) {
      long key = random.nextInt(200);
      Cell cell = new Cell(random.nextInt(5), random.nextInt(50)); // many ties
      EngineDriver.writeAndSettle(engine, key, cell, 1 + random.nextInt(100));
      expected.merge(key, cell, (a, b) -> b.supersedes(a) ? b : a);
    }
    for (long key = 0; key < 200; key++) {
      assertEquals(Optional.ofNullable(expected.get(key)), engine.read(key, random).cell(),
          "key " + key + ", reproduce with seed=" + seed);
    }
    assertTrue(engine.stats().compactions() > 0, "the sequence must exercise compaction");
  }
}
