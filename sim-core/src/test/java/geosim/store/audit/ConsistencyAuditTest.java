package geosim.store.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.store.storage.Cell;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The audit on hand-made logs of two coordinators (servers 0 and 1); times in ns, timestamps in us. */
class ConsistencyAuditTest {
  private static final Cell NONE = new Cell(-1, Long.MIN_VALUE);
  private static final long KEY = 7;

  private final ConsistencyLog s0 = new ConsistencyLog(0);
  private final ConsistencyLog s1 = new ConsistencyLog(1);
  private final Map<Long, Cell> converged = new TreeMap<>();

  /** Logs a write of {@code KEY} by {@code log}'s server, number {@code sequence}, acknowledged at {@code ackNs} unless OPEN. */
  private Cell write(ConsistencyLog log, long sequence, long timestampUs, long startNs, long ackNs) {
    Cell cell = new Cell(Versions.of(sequence, log.server(), 2), timestampUs);
    int row = log.writeStarted(KEY, cell, startNs);
    if (ackNs != ConsistencyLog.OPEN) log.writeAcknowledged(row, ackNs);
    return cell;
  }

  private ConsistencyReport audit() {
    return ConsistencyAudit.audit(List.of(s0, s1), new ReplicaStates() {
      @Override
      public Cell converged(long key) {
        return converged.get(key);
      }

      @Override
      public int replicasBehind(long key, Cell newest) {
        return 1;
      }
    });
  }

  @Test
  void aReadThatStartsAfterAnAckAndReturnsAnOlderCellIsStale() {
    Cell w = write(s0, 0, 100, 0, 10);
    converged.put(KEY, w);
    s1.readReturned(KEY, 20, NONE); // after the ack, nothing: stale
    s1.readReturned(KEY, 30, w); // after the ack, the write: fresh
    s1.readReturned(KEY, 5, NONE); // before the ack: not stale
    s1.readReturned(KEY, 10, NONE); // at the very ack: not after it
    ConsistencyReport report = audit();
    assertEquals(4, report.reads());
    assertEquals(1, report.staleReads());
    assertEquals(0.25, report.staleReadRate());
    assertEquals(0, report.lostAcknowledgedWrites());
  }

  @Test
  void aReadOfANewerUnacknowledgedWriteIsNotStale() {
    write(s0, 0, 100, 0, 10);
    Cell later = write(s1, 0, 200, 15, ConsistencyLog.OPEN);
    converged.put(KEY, later);
    s0.readReturned(KEY, 20, later);
    s0.readReturned(KEY, 21, new Cell(Versions.of(0, 0, 2), 100));
    assertEquals(0, audit().staleReads());
  }

  @Test
  void aWriteShadowedByAnEarlierWriteFromAClockAheadIsLost() {
    // Server 1's clock is ahead: its write, acknowledged at 10 ns, carries a timestamp far later
    // than server 0's write started at 20 ns; the key converges to server 1's write.
    Cell ahead = write(s1, 0, 1_000_000, 0, 10);
    write(s0, 0, 1, 20, 30);
    converged.put(KEY, ahead);
    s0.readReturned(KEY, 40, ahead); // returns the newer cell in last-write-wins order: not stale
    ConsistencyReport report = audit();
    assertEquals(2, report.acknowledgedWrites());
    assertEquals(1, report.lostAcknowledgedWrites());
    assertEquals(0, report.staleReads());
  }

  @Test
  void aConcurrentOverwriteLosesNothing() {
    Cell concurrent = write(s1, 0, 1_000_000, 0, 25); // acknowledged after the other started at 20
    write(s0, 0, 1, 20, 30);
    converged.put(KEY, concurrent);
    assertEquals(0, audit().lostAcknowledgedWrites());
  }

  @Test
  void aWriteThatStartedAfterTheAckOverwritesWithoutLoss() {
    write(s0, 0, 1, 0, 10);
    Cell later = write(s1, 0, 2, 20, 30);
    converged.put(KEY, later);
    assertEquals(0, audit().lostAcknowledgedWrites());
  }

  @Test
  void aFailedWriteHasAnUnknownEndAndCountsAsConcurrent() {
    Cell failed = write(s1, 0, 1_000_000, 0, ConsistencyLog.OPEN);
    write(s0, 0, 1, 20, 30);
    converged.put(KEY, failed);
    ConsistencyReport report = audit();
    assertEquals(1, report.acknowledgedWrites());
    assertEquals(0, report.lostAcknowledgedWrites());
  }

  @Test
  void aPreloadedCellCountsAsAcknowledgedBeforeEveryWrite() {
    Cell preloaded = new Cell(Versions.PRELOADED, Long.MIN_VALUE + 1);
    write(s0, 0, -5, 0, 10); // a clock behind true time: a negative timestamp, still newer
    converged.put(KEY, preloaded); // every replica lost the write (e.g. terminated with its disk)
    s1.readReturned(KEY, 5, preloaded); // before the ack: not stale
    s1.readReturned(KEY, 20, preloaded); // after it: stale
    ConsistencyReport report = audit();
    assertEquals(1, report.lostAcknowledgedWrites());
    assertEquals(1, report.staleReads());
  }

  @Test
  void aKeyNoReplicaHoldsLosesEveryAcknowledgedWrite() {
    write(s0, 0, 1, 0, 10);
    write(s0, 1, 2, 20, 30);
    write(s1, 0, 3, 20, ConsistencyLog.OPEN);
    assertEquals(2, audit().lostAcknowledgedWrites());
  }

  @Test
  void replicasBehindAreCountedOncePerKeyAudited() {
    write(s0, 0, 1, 0, 10);
    s0.readReturned(KEY + 1, 5, NONE);
    s1.readReturned(KEY + 1, 6, NONE);
    converged.put(KEY, new Cell(Versions.of(0, 0, 2), 1));
    assertEquals(2, audit().replicasBehind());
  }

  @Test
  void aMillionOperationsCostTensOfMegabytes() {
    ConsistencyLog log = new ConsistencyLog(0);
    for (int i = 0; i < 500_000; i++) {
      log.writeStarted(i % 1000, new Cell(i, i), i);
      log.readReturned(i % 1000, i, NONE);
    }
    long bytes = log.allocatedBytes();
    assertEquals(500_000 * (6 + 4) * 8L, bytes, 10 * LongColumn.CHUNK * 8L, "bytes " + bytes);
    assertTrue(bytes < 42_000_000, "bytes " + bytes);
  }

  @Test
  void logsMustBeInServerOrder() {
    assertThrows(IllegalArgumentException.class, () -> ConsistencyAudit.audit(List.of(s1, s0), new ReplicaStates() {
      @Override
      public Cell converged(long key) {
        return null;
      }

      @Override
      public int replicasBehind(long key, Cell newest) {
        return 0;
      }
    }));
  }

  @Test
  void logsRejectDecreasingVersionsAndAcksBeforeTheStart() {
    int row = s0.writeStarted(KEY, new Cell(4, 1), 100);
    assertThrows(IllegalArgumentException.class, () -> s0.writeStarted(KEY, new Cell(4, 1), 100));
    assertThrows(IllegalArgumentException.class, () -> s0.writeAcknowledged(row, 99));
  }
}
