package geosim.store.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.StreamRandom;
import geosim.store.storage.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * An audit folded in piece by piece during a run ({@link ConsistencyAudit#drain}) counts what the
 * audit of the whole run in one piece counts, on random histories: three coordinators with clocks
 * apart, writes that fail, reads that return old cells, keys that converge to nothing or to an
 * old write.
 */
class ConsistencyAuditFoldingTest {
  private static final int SERVERS = 3;
  private static final long TIMEOUT_NS = 100;
  private static final long LAG_NS = 2 * TIMEOUT_NS + 1;

  /** One random history, replayed into fresh logs: the same seed gives the same operations. */
  private static final class History {
    final List<ConsistencyLog> logs = new ArrayList<>();
    final TreeMap<Long, List<Cell>> written = new TreeMap<>();
    final TreeMap<Long, Cell> converged = new TreeMap<>();

    /**
     * Runs {@code operations} operations over {@code keys} keys; if {@code foldEveryNs} > 0, calls
     * {@code audit.drain(boundary - lag)} at every boundary, as the store does at snapshots.
     */
    History(long seed, int operations, int keys, long foldEveryNs, double oldFinalShare, ConsistencyAudit[] auditOut) {
      for (int s = 0; s < SERVERS; s++) logs.add(new ConsistencyLog(s));
      ConsistencyAudit audit = new ConsistencyAudit(logs, 4);
      auditOut[0] = audit;
      StreamRandom random = new StreamRandom(seed);
      long[] skew = {0, 40, -30};
      long[] sequence = new long[SERVERS];
      // Events: {time, order, kind (0 write start, 1 ack, 2 read return), server, key, a, b}
      PriorityQueue<long[]> events = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0])
          : Long.compare(x[1], y[1]));
      long order = 0;
      for (int i = 0; i < operations; i++) {
        long start = i * 7L + random.nextInt(7);
        int server = random.nextInt(SERVERS);
        long key = random.nextInt(keys);
        boolean read = random.nextDouble() < 0.5;
        events.add(new long[] {start + (read ? 1 + random.nextInt((int) TIMEOUT_NS) : 0), order++, read ? 2 : 0,
            server, key, start, 0});
      }
      long nextFold = foldEveryNs;
      while (!events.isEmpty()) {
        long[] e = events.poll();
        while (foldEveryNs > 0 && e[0] >= nextFold) {
          audit.drain(nextFold - LAG_NS);
          nextFold += foldEveryNs;
        }
        int server = (int) e[3];
        ConsistencyLog log = logs.get(server);
        long key = e[4];
        if (e[2] == 0) {
          Cell cell = new Cell(Versions.of(sequence[server]++, server, SERVERS), e[0] + skew[server]);
          int row = log.writeStarted(key, cell, e[0]);
          written.computeIfAbsent(key, k -> new ArrayList<>()).add(cell);
          if (random.nextDouble() < 0.85) {
            events.add(new long[] {e[0] + 1 + random.nextInt((int) TIMEOUT_NS), order++, 1, server, key, row, 0});
          }
        } else if (e[2] == 1) {
          log.writeAcknowledged((int) e[5], e[0]);
        } else {
          List<Cell> cells = written.getOrDefault(key, List.of());
          Cell returned = cells.isEmpty() || random.nextDouble() < 0.1 ? new Cell(-1, Long.MIN_VALUE)
              : cells.get(random.nextInt(cells.size()));
          log.readReturned(key, e[5], returned);
        }
      }
      for (var entry : written.entrySet()) {
        double u = random.nextDouble();
        List<Cell> cells = entry.getValue();
        Cell newest = cells.get(0);
        for (Cell c : cells) if (c.supersedes(newest)) newest = c;
        if (u < 0.05) continue; // the key converged to nothing: every acknowledged write lost
        converged.put(entry.getKey(), u < 0.05 + oldFinalShare ? cells.get(random.nextInt(cells.size())) : newest);
      }
    }

    ReplicaStates states() {
      return new ReplicaStates() {
        @Override
        public Cell converged(long key) {
          return converged.get(key);
        }

        @Override
        public int replicasBehind(long key, Cell newest) {
          return (int) (key % 3);
        }
      };
    }
  }

  private static ConsistencyReport run(long seed, int operations, int keys, long foldEveryNs, double oldFinalShare) {
    ConsistencyAudit[] audit = new ConsistencyAudit[1];
    History history = new History(seed, operations, keys, foldEveryNs, oldFinalShare, audit);
    return audit[0].finish(history.states());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void foldingAsTheRunGoesCountsWhatOnePieceCounts(long seed) {
    // Final cells: the newest write (in last-write-wins order, so clocks apart lose writes), a
    // random recent one, or none.
    ConsistencyReport whole = run(seed, 20_000, 400, 0, 0.0);
    ConsistencyReport folded = run(seed, 20_000, 400, 1_000, 0.0);
    assertTrue(whole.staleReads() > 0 && whole.lostAcknowledgedWrites() > 0, "a history worth auditing: " + whole);
    assertEquals(whole, folded);
  }

  @Test
  void keysWhoseFinalCellIsAForgottenWriteAreCountedAsUnresolvedAndAsALowerBound() {
    // With 20 keys each key sees hundreds of writes, so a random old final cell is almost always
    // one the key no longer remembers.
    ConsistencyReport whole = run(9, 20_000, 20, 0, 0.5);
    ConsistencyReport folded = run(9, 20_000, 20, 500, 0.5);
    assertEquals(0, whole.unresolvedKeys(), "one piece is exact");
    assertTrue(folded.unresolvedKeys() > 0 && folded.unresolvedKeys() < 20, "old final cells are forgotten: " + folded);
    assertTrue(folded.lostAcknowledgedWrites() < whole.lostAcknowledgedWrites(), folded + " vs " + whole);
    assertEquals(whole.staleReads(), folded.staleReads());
    assertEquals(whole.acknowledgedWrites(), folded.acknowledgedWrites());
  }

  @Test
  void foldingForgetsTheLogsRows() {
    ConsistencyAudit[] audit = new ConsistencyAudit[1];
    new History(3, 50_000, 400, 1_000, 0.0, audit);
    long held = audit[0].rowsHeld();
    assertTrue(held < 1_000, "only the last folding interval and its lag are held: " + held);
    ConsistencyAudit[] whole = new ConsistencyAudit[1];
    new History(3, 50_000, 400, 0, 0.0, whole);
    assertEquals(50_000, whole[0].rowsHeld());
  }

  @Test
  void anAcknowledgementOfAWriteTheAuditTookForFailedIsAnError() {
    ConsistencyLog log = new ConsistencyLog(0);
    ConsistencyAudit audit = new ConsistencyAudit(List.of(log), 4);
    int row = log.writeStarted(1, new Cell(0, 10), 10);
    audit.drain(20);
    assertThrows(IllegalStateException.class, () -> log.writeAcknowledged(row, 30));
    assertThrows(IllegalStateException.class, () -> log.readReturned(1, 15, new Cell(0, 10)));
  }
}
