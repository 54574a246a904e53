package geosim.store.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link StorageEngine#liveCells()} and {@link StorageEngine#ingest}: what anti-entropy repair reads and adds. */
class LiveCellsTest {

  @Test
  void liveCellsMergeMemtableFlushingAndSstablesNewestFirst() {
    StorageEngine engine = new StorageEngine(EngineDriver.flushingAt(3_000));
    engine.write(5, new Cell(1, 10), 1_000);
    engine.write(3, new Cell(2, 10), 1_000);
    FlushTask flush = engine.write(9, new Cell(3, 10), 1_000).flush().orElseThrow();
    engine.write(3, new Cell(4, 20), 500); // memtable, newer than the flushing table's cell
    engine.write(5, new Cell(0, 5), 700); // memtable, older than the flushing table's cell
    SortedCells live = engine.liveCells();
    assertArrayEquals(new long[] {3, 5, 9}, live.keys());
    assertEquals(new Cell(4, 20), live.cell(0));
    assertEquals(new Cell(1, 10), live.cell(1));
    assertEquals(500 + 1_000 + 1_000, live.totalBytes());
    engine.flushDone(flush);
    assertArrayEquals(live.keys(), engine.liveCells().keys(), "a finished flush changes nothing readers see");
    assertEquals(live.totalBytes(), engine.liveCells().totalBytes());
  }

  @Test
  void anEmptyEngineHasNoLiveCells() {
    assertTrue(new StorageEngine(StorageSettings.cassandraDefaults()).liveCells().isEmpty());
  }

  @Test
  void ingestedCellsBecomeAnSstableThatWinsOnlyWhereItIsNewer() {
    StorageEngine engine = new StorageEngine(StorageSettings.cassandraDefaults());
    engine.write(1, new Cell(10, 100), 1_000);
    engine.write(2, new Cell(20, 300), 1_000);
    SortedCells streamed = SortedCells.of(new long[] {1, 2, 3}, new Cell[] {new Cell(11, 200), new Cell(19, 250),
        new Cell(30, 50)}, 1_000);
    assertEquals(List.of(), engine.ingest(streamed));
    assertEquals(1, engine.sstableCount());
    assertEquals(3_000, engine.sstableBytes());
    assertEquals(0, engine.stats().commitLogBytes() - 2_000, "streaming bypasses the commit log");
    assertEquals(Optional.of(new Cell(11, 200)), engine.newestCell(1));
    assertEquals(Optional.of(new Cell(20, 300)), engine.newestCell(2));
    assertEquals(Optional.of(new Cell(30, 50)), engine.newestCell(3));
    assertEquals(List.of(), engine.ingest(SortedCells.empty()));
    assertEquals(1, engine.sstableCount(), "nothing streamed, no table");
  }

  @Test
  void ingestingEnoughTablesStartsACompaction() {
    StorageEngine engine = new StorageEngine(StorageSettings.cassandraDefaults());
    List<CompactionTask> started = List.of();
    for (int t = 0; t < 4; t++) {
      started = engine.ingest(SortedCells.of(new long[] {t}, new Cell[] {new Cell(t, t)}, 100));
    }
    assertEquals(1, started.size(), "size-tiered compaction of four similar tables");
    assertEquals(4, started.get(0).inputs().size());
  }
}
