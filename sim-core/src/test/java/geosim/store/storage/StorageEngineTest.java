package geosim.store.storage;

import static geosim.store.storage.BloomFilterSpecTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.StreamRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorageEngineTest {

  @Test
  void everyWriteAppendsItsSizeToTheCommitLog() {
    StorageEngine engine = new StorageEngine(StorageSettings.cassandraDefaults());
    WriteWork work = engine.write(1, new Cell(1, 1), 1_024);
    assertEquals(new WriteWork(1_024, Optional.empty()), work);
    engine.write(1, new Cell(0, 0), 300); // loses, but is logged all the same
    assertEquals(1_324, engine.stats().commitLogBytes());
    assertEquals(1_024, engine.memtableBytes());
  }

  @Test
  void flushTriggersWhenTheMemtableReachesItsThreshold() {
    StorageEngine engine = new StorageEngine(EngineDriver.flushingAt(10_000));
    for (int key = 0; key < 9; key++) {
      assertEquals(Optional.empty(), engine.write(key, new Cell(key, key), 1_000).flush(), "write " + key);
    }
    assertEquals(9_000, engine.memtableBytes());
    FlushTask flush = engine.write(9, new Cell(9, 9), 1_000).flush().orElseThrow();
    assertEquals(10_000, flush.writeBytes());
    assertEquals(10, flush.keyCount());
    assertEquals(0, engine.memtableBytes());
    assertEquals(10_000, engine.flushingBytes());
    assertEquals(0, engine.sstableCount());

    assertEquals(List.of(), engine.flushDone(flush));
    assertEquals(0, engine.flushingBytes());
    assertEquals(1, engine.sstableCount());
    assertEquals(10_000, engine.sstableBytes());
  }

  @Test
  void aWipeLosesEveryCellAndForgetsTheFlushUnderWayButKeepsTheTotals() {
    StorageEngine engine = new StorageEngine(EngineDriver.flushingAt(10_000));
    FlushTask first = null;
    for (int key = 0; key < 10; key++) first = engine.write(key, new Cell(key, key), 1_000).flush().orElse(first);
    engine.flushDone(first);
    FlushTask second = null;
    for (int key = 10; key < 20; key++) second = engine.write(key, new Cell(key, key), 1_000).flush().orElse(second);
    engine.write(20, new Cell(1, 1), 1_000);
    assertTrue(engine.inProgress(second));
    engine.wipe();
    assertFalse(engine.inProgress(second), "the flush under way is forgotten");
    for (int key = 0; key <= 20; key++) assertEquals(Optional.empty(), engine.newestCell(key), "key " + key);
    assertEquals(0, engine.sstableCount());
    assertEquals(0, engine.memtableBytes() + engine.flushingBytes());
    assertEquals(21, engine.stats().writes(), "the work done stays counted");
    engine.write(5, new Cell(9, 9), 1_000);
    assertEquals(Optional.of(new Cell(9, 9)), engine.newestCell(5), "it takes writes again");
  }

  @Test
  void defaultThresholdFlushesAfter682MiBOfOneKiBWrites() {
    StorageEngine engine = new StorageEngine(StorageSettings.cassandraDefaults());
    int writesPerFlush = 699_051; // ceil(2 GiB / 3 / 1 KiB)
    for (int key = 0; key < writesPerFlush - 1; key++) {
      assertTrue(engine.write(key, new Cell(1, 1), 1_024).flush().isEmpty(), "write " + key);
    }
    FlushTask flush = engine.write(writesPerFlush, new Cell(1, 1), 1_024).flush().orElseThrow();
    assertEquals(writesPerFlush * 1_024L, flush.writeBytes());
  }

  @Test
  void overwritesOfOneKeyNeverFillTheMemtable() {
    StorageEngine engine = new StorageEngine(EngineDriver.flushingAt(10_000));
    for (int i = 0; i < 1_000; i++) {
      assertTrue(engine.write(7, new Cell(i, i), 1_000).flush().isEmpty(), "write " + i);
    }
    assertEquals(1_000, engine.memtableBytes());
  }

  @Test
  void memtablesBeingFlushedAreReadFromMemory() {
    StorageEngine engine = new StorageEngine(EngineDriver.flushingAt(100));
    FlushTask flush = engine.write(5, new Cell(1, 10), 100).flush().orElseThrow();
    ReadResult inFlight = engine.read(5, new StreamRandom(3));
    assertEquals(new ReadResult(Optional.of(new Cell(1, 10)), 0, 0, 0), inFlight);
    engine.flushDone(flush);
    ReadResult onDisk = engine.read(5, new StreamRandom(3));
    assertEquals(new ReadResult(Optional.of(new Cell(1, 10)), 1, 0, 16_384), onDisk);
  }

  @Test
  void readOfALargeCellMovesWholeChunks() {
    StorageEngine engine = new StorageEngine(EngineDriver.flushingAt(40_000));
    engine.flushDone(engine.write(1, new Cell(1, 1), 40_000).flush().orElseThrow());
    assertEquals(3 * 16_384, engine.read(1, new StreamRandom(1)).bytesRead()); // 40,000 B in 3 chunks
  }

  @Test
  void readOfAMissingKeyFindsNothing() {
    StorageEngine engine = new StorageEngine(StorageSettings.cassandraDefaults());
    assertEquals(new ReadResult(Optional.empty(), 0, 0, 0), engine.read(1, new StreamRandom(1)));
    assertEquals(Optional.empty(), engine.newestCell(1));
  }

  @Test
  void withoutABloomFilterEveryTableIsRead() {
    StorageSettings settings = new StorageSettings(100, 1, 4_096, CompactionSettings.sizeTieredDefaults());
    StorageEngine engine = new StorageEngine(settings);
    for (int key = 0; key < 3; key++) {
      engine.flushDone(engine.write(key, new Cell(1, 1), 100).flush().orElseThrow());
    }
    ReadResult result = engine.read(99, new StreamRandom(1));
    assertEquals(3, result.falsePositiveReads());
    assertEquals(3 * 4_096, result.bytesRead());
  }

  /**
   * Reads of absent keys against three SSTables: the measured false-positive rate must lie within
   * 4 binomial standard deviations of the filter's p (a false alarm about once in 16,000 seeds;
   * the run is seeded, so it is decided once). n is large enough that 4 sigma is under 4 % of p.
   */
  @Test
  void measuredFalsePositiveRateMatchesTheFilter() {
    for (double fpChance : new double[] {0.01, 0.1}) {
      StorageSettings settings =
          new StorageSettings(100_000, fpChance, 16_384, CompactionSettings.sizeTieredDefaults());
      StorageEngine engine = new StorageEngine(settings);
      for (int key = 0; key < 3_000; key++) {
        engine.write(key, new Cell(1, 1), 100).flush().ifPresent(engine::flushDone);
      }
      assertEquals(3, engine.sstableCount());
      StreamRandom random = new StreamRandom(77);
      int reads = 400_000;
      for (int i = 0; i < reads; i++) engine.read(10_000 + i, random);

      StorageStats stats = engine.stats();
      long lookups = stats.falsePositiveReads() + stats.filterRejections();
      assertEquals(3L * reads, lookups);
      double p = engine.bloomFilter().falsePositiveProbability();
      double sigma = Math.sqrt(p * (1 - p) / lookups);
      assertTrue(4 * sigma < 0.04 * p, "too few lookups for a few-% check: sigma " + sigma);
      assertEquals(p, stats.falsePositiveRate(), 4 * sigma, "fpChance " + fpChance);
      assertEquals(p * 3, stats.readAmplification(), 12 * sigma, "fpChance " + fpChance);
    }
  }

  @Test
  void keysATableHoldsNeverDrawAFalsePositive() {
    StorageEngine engine = new StorageEngine(EngineDriver.flushingAt(1_000));
    for (int key = 0; key < 10; key++) {
      engine.write(key, new Cell(1, 1), 100).flush().ifPresent(engine::flushDone);
    }
    for (int key = 0; key < 10; key++) {
      assertEquals(new ReadResult(Optional.of(new Cell(1, 1)), 1, 0, 16_384),
          engine.read(key, new StreamRandom(key)));
    }
    assertEquals(0, engine.stats().filterRejections() + engine.stats().falsePositiveReads());
  }

  @Test
  void forcedFlushTakesWhateverTheMemtableHolds() {
    StorageEngine engine = new StorageEngine(StorageSettings.cassandraDefaults());
    assertEquals(Optional.empty(), engine.flush());
    engine.write(1, new Cell(1, 1), 10);
    FlushTask flush = engine.flush().orElseThrow();
    assertEquals(10, flush.writeBytes());
    assertEquals(Optional.empty(), engine.flush());
  }

  @Test
  void sameSeedGivesTheSameRunAndAnotherSeedAnother() {
    List<Object> first = mixedRun(11);
    List<Object> second = mixedRun(11);
    assertEquals(first, second, "two runs with one seed");
    assertNotEquals(mixedRun(11), mixedRun(12));
  }

  /** Writes, reads and out-of-order completions driven by one seed; returns everything observed. */
  private static List<Object> mixedRun(long seed) {
    StreamRandom random = new StreamRandom(seed);
    StorageEngine engine = new StorageEngine(EngineDriver.flushingAt(50_000));
    List<Object> observed = new ArrayList<>();
    List<FlushTask> flushes = new ArrayList<>();
    List<CompactionTask> compactions = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      long key = random.nextInt(2_000);
      if (random.nextBoolean()) {
        engine.write(key, new Cell(i, random.nextInt(1_000_000)), 1 + random.nextInt(200))
            .flush().ifPresent(flushes::add);
      } else {
        observed.add(engine.read(key, random));
      }
      if (!flushes.isEmpty() && random.nextInt(50) == 0) {
        compactions.addAll(engine.flushDone(flushes.remove(random.nextInt(flushes.size()))));
      }
      if (!compactions.isEmpty() && random.nextInt(80) == 0) {
        compactions.addAll(engine.compactionDone(compactions.remove(random.nextInt(compactions.size()))));
      }
    }
    observed.add(engine.stats());
    return observed;
  }

  @Test
  void badArgumentsAreRejectedNamingTheParameter() {
    StorageEngine engine = new StorageEngine(EngineDriver.flushingAt(100));
    assertMessage("sizeBytes", () -> engine.write(1, new Cell(1, 1), 0));
    assertMessage("sizeBytes", () -> engine.write(1, new Cell(1, 1), StorageEngine.MUTATION_BYTES_MAX + 1));
    assertEquals("cell", assertNpe(() -> engine.write(1, null, 10)));
    assertEquals("random", assertNpe(() -> engine.read(1, null)));

    FlushTask flush = engine.write(1, new Cell(1, 1), 100).flush().orElseThrow();
    StorageEngine other = new StorageEngine(EngineDriver.flushingAt(100));
    assertMessage("task", () -> other.flushDone(flush));
    engine.flushDone(flush);
    assertMessage("task", () -> engine.flushDone(flush));
  }

  @Test
  void aCompactionCannotBeReportedTwice() {
    StorageEngine engine = new StorageEngine(EngineDriver.flushingAt(100));
    List<CompactionTask> started = new ArrayList<>();
    for (int key = 0; key < 4; key++) {
      started.addAll(engine.flushDone(engine.write(key, new Cell(1, 1), 100).flush().orElseThrow()));
    }
    CompactionTask task = started.get(0);
    engine.compactionDone(task);
    assertMessage("task", () -> engine.compactionDone(task));
  }

  private static String assertNpe(org.junit.jupiter.api.function.Executable call) {
    return org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class, call).getMessage();
  }

  @Test
  void settingsRejectBadValuesNamingTheParameter() {
    CompactionSettings stcs = CompactionSettings.sizeTieredDefaults();
    assertMessage("memtableFlushBytes", () -> new StorageSettings(0, 0.01, 16_384, stcs));
    long tooLarge = StorageSettings.MEMTABLE_FLUSH_BYTES_MAX + 1;
    assertMessage("memtableFlushBytes", () -> new StorageSettings(tooLarge, 0.01, 16_384, stcs));
    assertMessage("bloomFilterFpChance", () -> new StorageSettings(100, 0, 16_384, stcs));
    assertMessage("bloomFilterFpChance", () -> new StorageSettings(100, Double.NaN, 16_384, stcs));
    assertMessage("readChunkBytes", () -> new StorageSettings(100, 0.01, 0, stcs));
    assertMessage("minThreshold", () -> new CompactionSettings(1, 32, 0.5, 1.5, 0, 2, 20));
    assertMessage("maxThreshold", () -> new CompactionSettings(4, 3, 0.5, 1.5, 0, 2, 20));
    assertMessage("bucketLow", () -> new CompactionSettings(4, 32, 1, 1.5, 0, 2, 20));
    assertMessage("bucketLow", () -> new CompactionSettings(4, 32, 0, 1.5, 0, 2, 20));
    assertMessage("bucketHigh", () -> new CompactionSettings(4, 32, 0.5, 1, 0, 2, 20));
    assertMessage("bucketHigh", () -> new CompactionSettings(4, 32, 0.5, Double.POSITIVE_INFINITY, 0, 2, 20));
    assertMessage("minSstableBytes", () -> new CompactionSettings(4, 32, 0.5, 1.5, -1, 2, 20));
    assertMessage("concurrentCompactors", () -> new CompactionSettings(4, 32, 0.5, 1.5, 0, 0, 20));
    assertMessage("cpuNsPerByte", () -> new CompactionSettings(4, 32, 0.5, 1.5, 0, 2, Double.NaN));
    assertMessage("cpuNsPerByte", () -> new CompactionSettings(4, 32, 0.5, 1.5, 0, 2, -1));
  }

  @Test
  void heapBytesCountTheCellsInMemtablesAndSSTables() {
    StorageEngine engine = new StorageEngine(EngineDriver.flushingAt(10_000));
    long empty = engine.heapBytes();
    for (long key = 0; key < 9; key++) engine.write(key, new Cell(key, key), 1_000);
    long nine = engine.heapBytes();
    assertTrue(nine > empty, nine + " after 9 keys, " + empty + " empty");
    FlushTask flush = engine.write(9, new Cell(9, 9), 1_000).flush().orElseThrow();
    long flushing = engine.heapBytes();
    engine.flushDone(flush);
    // The flushed table: 10 keys of key, version, timestamp and size (28 bytes each), beside a fresh memtable.
    assertEquals(10 * 28, engine.heapBytes() - empty);
    assertTrue(flushing >= engine.heapBytes(), "a flushing memtable is still on the heap: " + flushing);
  }
}
