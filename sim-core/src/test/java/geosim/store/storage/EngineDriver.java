package geosim.store.storage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Test helper: plays the replica's actor with an infinitely fast disk and CPU. */
final class EngineDriver {
  private EngineDriver() {}

  /** Writes and completes at once the flush and every compaction it sets off. */
  static WriteWork writeAndSettle(StorageEngine engine, long key, Cell cell, int sizeBytes) {
    WriteWork work = engine.write(key, cell, sizeBytes);
    work.flush().ifPresent(flush -> settle(engine, engine.flushDone(flush)));
    return work;
  }

  /** Completes the given compactions and every one they set off. */
  static void settle(StorageEngine engine, List<CompactionTask> started) {
    Deque<CompactionTask> queue = new ArrayDeque<>(started);
    while (!queue.isEmpty()) queue.addAll(engine.compactionDone(queue.poll()));
  }

  /** Settings with a small flush threshold and otherwise the cited defaults. */
  static StorageSettings flushingAt(long bytes) {
    return StorageSettings.cassandraDefaults().withMemtableFlushBytes(bytes);
  }
}
