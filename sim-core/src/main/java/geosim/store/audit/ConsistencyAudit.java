package geosim.store.audit;

import geosim.store.storage.Cell;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * The consistency audit of a run [1]: stale reads and lost acknowledged writes, from every
 * coordinator's {@link ConsistencyLog} and the state the replicas converge to.
 *
 * <ul>
 *   <li><b>Stale read</b>: a read that started after some write of its key was acknowledged and
 *       returned a cell older than it in last-write-wins order ({@link Cell}: timestamp, then
 *       version). A read that starts at the very nanosecond of an acknowledgement does not count
 *       as after it.
 *   <li><b>Lost acknowledged write</b>: an acknowledged write W whose key's converged cell (the
 *       last-write-wins maximum over all its replicas at the end of the run, what a full repair
 *       converges to) is neither W nor a write that could have overwritten it: a write concurrent
 *       with W or started after W's acknowledgement. So W is lost when the key converged to no
 *       cell, or to a write acknowledged before W started (it can win only by a clock ahead), a
 *       cell loaded before the run ({@link Versions#PRELOADED}) included. A write that failed or is still in flight has an unknown end and counts as concurrent; so
 *       does a cell of a write no log holds.
 * </ul>
 *
 * <p>How: the operations are merged from all logs sorted by (key, time, kind, server, row), never
 * in the order partitions ran, so the counts are the same at any partitioning, and folded key by
 * key into {@link KeyStates}. A write's start is folded in too, to note how many writes of its
 * key were acknowledged before it started (p): W is lost to a final cell acknowledged as the
 * key's i-th write exactly when p(W) > i.
 *
 * <p>Memory: a long run is folded in piece by piece ({@link #drain}) and the logs forget what was
 * folded, so the audit holds the last operations plus about 110 bytes per key, not a row per
 * operation. A key remembers its last {@value KeyStates#RECENT} acknowledged writes; lost writes
 * are exact whenever a key's final cell is one of them, a newer write or none. Only a final cell
 * acknowledged before that (outlived by {@value KeyStates#RECENT} later acknowledged writes that
 * all vanished) leaves the count a lower bound; such keys are counted as unresolved. A run folded
 * in once, at the end ({@link #audit}), is always exact.
 *
 * <p>It also counts, over the keys the logs name, the replicas left behind the converged cell at
 * the end: what hints, read repair and anti-entropy repair have not yet fixed.
 *
 * <p>[1] GitHub issue 5 of geosim, "Consistency audit"; DESIGN.md section 5.
 */
public final class ConsistencyAudit {
  private static final int START = 0;
  private static final int READ = 1;
  private static final int ACK = 2;
  private static final int SERVER_SHIFT = 40;
  private static final int KIND_SHIFT = 60;
  private static final long ROW_MASK = (1L << SERVER_SHIFT) - 1;
  private static final long SERVER_MASK = (1L << (KIND_SHIFT - SERVER_SHIFT)) - 1;

  private List<ConsistencyLog> logs;
  private final int expectedKeys;
  private KeyStates keys;
  private final long[][] ackedSequences;
  private long foldedToNs = Long.MIN_VALUE;
  private long reads;
  private long staleReads;
  private ConsistencyReport report;

  /**
   * An audit of {@code logs}, nothing folded in yet.
   *
   * @param logs every coordinator's log, log i belonging to server i, with versions from {@link Versions}
   * @param expectedKeys about how many keys the run touches: the key table is made for that many
   *     (but at most four per operation of the first fold) when first needed, and grows if needed
   */
  public ConsistencyAudit(List<ConsistencyLog> logs, int expectedKeys) {
    this.logs = List.copyOf(logs);
    if (this.logs.size() > SERVER_MASK + 1) throw new IllegalArgumentException("at most 2^20 coordinators");
    for (int i = 0; i < this.logs.size(); i++) {
      if (this.logs.get(i).server() != i) {
        throw new IllegalArgumentException("log " + i + " belongs to server " + this.logs.get(i).server());
      }
    }
    if (expectedKeys < 0) throw new IllegalArgumentException("expectedKeys must be >= 0, got " + expectedKeys);
    this.expectedKeys = expectedKeys;
    this.ackedSequences = new long[this.logs.size()][];
  }

  /**
   * Audits a finished run in one piece.
   *
   * @param logs every coordinator's log, log i belonging to server i, with versions from {@link Versions}
   * @param states what the replicas hold at the end of the run
   */
  public static ConsistencyReport audit(List<ConsistencyLog> logs, ReplicaStates states) {
    return new ConsistencyAudit(logs, 0).finish(states);
  }

  /** Rows the logs hold, not yet folded in and forgotten. */
  public long rowsHeld() {
    long rows = 0;
    for (ConsistencyLog log : logs) rows += log.rowsHeld();
    return rows;
  }

  /**
   * Folds in every operation up to {@code horizonNs} (acknowledgements, read starts and write
   * starts at or before it) and makes the logs forget their rows. The caller guarantees that by
   * now every write started by the horizon has been acknowledged or will never be, and every read
   * started by then has been logged or never will be (the horizon is a request timeout or more in
   * the past); the logs throw if that is broken.
   */
  public void drain(long horizonNs) {
    if (report != null) throw new IllegalStateException("the audit is finished");
    if (horizonNs <= foldedToNs) return;
    Batch batch = collect(horizonNs, false);
    KeyStates keys = keys(batch);
    for (int i = 0; i < batch.size; i++) fold(keys.slot(batch.keys[i]), batch.refs[i]);
    for (ConsistencyLog log : logs) forget(log, horizonNs);
    foldedToNs = horizonNs;
  }

  /**
   * Folds in the rest and judges every key against {@code states}, the replicas' cells at the end
   * of the run. Once; later calls return the same report.
   */
  public ConsistencyReport finish(ReplicaStates states) {
    Objects.requireNonNull(states, "states");
    if (report != null) return report;
    Batch batch = collect(Long.MAX_VALUE, true);
    KeyStates keys = keys(batch);
    Judge judge = new Judge(states);
    BitSet judged = new BitSet();
    int i = 0;
    while (i < batch.size) {
      long key = batch.keys[i];
      int slot = keys.slot(key);
      judge.begin(slot, key);
      for (; i < batch.size && batch.keys[i] == key; i++) {
        fold(slot, batch.refs[i]);
        judge.folded(slot, batch.refs[i]);
      }
      judge.end(slot);
      judged.set(slot);
    }
    for (int slot = judged.nextClearBit(0); slot < keys.size(); slot = judged.nextClearBit(slot + 1)) {
      judge.begin(slot, keys.key(slot));
      judge.end(slot);
    }
    long acknowledged = 0;
    for (int slot = 0; slot < keys.size(); slot++) acknowledged += keys.acked(slot);
    report = new ConsistencyReport(reads, staleReads, acknowledged, judge.lost, judge.behind, judge.unresolved);
    return report;
  }

  /**
   * As {@link #finish(ReplicaStates)}, with the logs' rows as {@code rest} holds them: the same
   * coordinators' logs rebuilt from a run's end state ({@link ConsistencyLog#of}), e.g. on the
   * driver of a run whose coordinators ran elsewhere. What was folded in already stays.
   *
   * @param rest log i of server i, one per log this audit was made with
   */
  public ConsistencyReport finish(List<ConsistencyLog> rest, ReplicaStates states) {
    if (report != null) return report;
    if (rest.size() != logs.size()) {
      throw new IllegalArgumentException("the audit has " + logs.size() + " logs, got " + rest.size());
    }
    for (int i = 0; i < rest.size(); i++) {
      if (rest.get(i).server() != i) {
        throw new IllegalArgumentException("log " + i + " belongs to server " + rest.get(i).server());
      }
    }
    logs = List.copyOf(rest);
    return finish(states);
  }

  /**
   * Every key {@link #finish(List, ReplicaStates)} with {@code rest} may ask {@link ReplicaStates}
   * about, ascending, no repeats: the keys folded in so far and those of the rows {@code rest} holds.
   */
  public long[] keys(List<ConsistencyLog> rest) {
    long count = keys == null ? 0 : keys.size();
    for (ConsistencyLog log : rest) count += log.rowsHeld();
    if (count > Integer.MAX_VALUE - 8) throw new IllegalStateException("too many keys to audit at once: " + count);
    long[] all = new long[(int) count];
    int n = 0;
    for (int slot = 0; keys != null && slot < keys.size(); slot++) all[n++] = keys.key(slot);
    for (ConsistencyLog log : rest) {
      for (int row = log.firstWrite(); row < log.writes(); row++) all[n++] = log.writeKey(row);
      for (int row = log.firstRead(); row < log.reads(); row++) all[n++] = log.readKey(row);
    }
    Arrays.sort(all);
    int unique = 0;
    for (int i = 0; i < n; i++) {
      if (unique == 0 || all[i] != all[unique - 1]) all[unique++] = all[i];
    }
    return Arrays.copyOf(all, unique);
  }

  /** The key table, made when the first batch is folded in. */
  private KeyStates keys(Batch first) {
    if (keys == null) keys = new KeyStates((int) Math.min(expectedKeys, 4L * first.size));
    return keys;
  }

  /** Folds one operation into its key's state. */
  private void fold(int slot, long ref) {
    ConsistencyLog log = logs.get(server(ref));
    int row = row(ref);
    switch (kind(ref)) {
      case START -> log.setWritePriorAcks(row, keys.acked(slot));
      case READ -> {
        reads++;
        if (keys.newestSupersedes(slot, log.readVersion(row), log.readTimestampUs(row))) staleReads++;
      }
      default -> {
        long version = log.writeVersion(row);
        keys.acknowledge(slot, version, log.writeTimestampUs(row), log.writePriorAcks(row));
        markAcknowledged(server(ref), version);
      }
    }
  }

  /**
   * Judges the lost writes of one key at a time against its final cell: its remembered writes
   * first, then those of the last batch, as they are folded in (acknowledgement i is the key's
   * i-th).
   */
  private final class Judge {
    private final ReplicaStates states;
    long lost;
    long behind;
    long unresolved;
    private Cell winner;
    private long winnerAck;
    private long firstKnown;
    private long lostHere;
    private long surelyLost;

    Judge(ReplicaStates states) {
      this.states = states;
    }

    void begin(int slot, long key) {
      winner = states.converged(key);
      behind += states.replicasBehind(key, winner);
      winnerAck = -1;
      lostHere = 0;
      surelyLost = 0;
      firstKnown = keys.acked(slot) - keys.recentCount(slot);
      for (long a = firstKnown; a < keys.acked(slot); a++) seen(a, keys.recentVersion(slot, a), keys.recentPrior(slot, a));
    }

    /** After {@code ref} was folded into {@code slot}: if it was an acknowledgement, judge it. */
    void folded(int slot, long ref) {
      if (kind(ref) != ACK) return;
      long a = keys.acked(slot) - 1;
      seen(a, keys.recentVersion(slot, a), keys.recentPrior(slot, a));
    }

    private void seen(long ack, long version, long prior) {
      if (winner == null) return;
      if (winnerAck < 0 && version == winner.version()) {
        winnerAck = ack;
      } else if (winnerAck >= 0 && prior > winnerAck) {
        lostHere++;
      }
      if (prior >= firstKnown) surelyLost++; // lost to any final cell acknowledged before firstKnown
    }

    void end(int slot) {
      if (winner == null || winner.version() == Versions.PRELOADED) {
        lost += keys.acked(slot); // acknowledged before every write, so every one started after it
      } else if (winnerAck >= 0) {
        lost += lostHere;
      } else if (wasAcknowledged(winner.version())) {
        lost += surelyLost;
        unresolved++;
      }
    }
  }

  private void markAcknowledged(int server, long version) {
    long sequence = version / logs.size();
    int word = (int) (sequence >>> 6);
    long[] bits = ackedSequences[server];
    if (bits == null || word >= bits.length) {
      bits = Arrays.copyOf(bits == null ? new long[0] : bits, Math.max(word + 1, bits == null ? 64 : bits.length * 2));
      ackedSequences[server] = bits;
    }
    bits[word] |= 1L << (sequence & 63);
  }

  /** Whether the write with {@code version} was acknowledged and folded in. */
  private boolean wasAcknowledged(long version) {
    if (version < 0 || logs.isEmpty()) return false;
    long[] bits = ackedSequences[Versions.serverOf(version, logs.size())];
    long sequence = version / logs.size();
    int word = (int) (sequence >>> 6);
    return bits != null && word < bits.length && (bits[word] & (1L << (sequence & 63))) != 0;
  }

  /** The operations after the last horizon and up to {@code horizonNs}, sorted. */
  private Batch collect(long horizonNs, boolean last) {
    Batch batch = new Batch();
    for (int pass = 0; pass < 2; pass++) {
      for (ConsistencyLog log : logs) {
        for (int row = log.firstWrite(); row < log.writes(); row++) {
          long start = log.writeStartNs(row);
          long ack = log.writeAckNs(row);
          boolean acked = ack != ConsistencyLog.OPEN;
          if (within(start, horizonNs) && (acked || !last)) batch.add(pass, log.writeKey(row), start, ref(log, START, row));
          if (acked && within(ack, horizonNs)) batch.add(pass, log.writeKey(row), ack, ref(log, ACK, row));
        }
        for (int row = log.firstRead(); row < log.reads(); row++) {
          long start = log.readStartNs(row);
          if (within(start, horizonNs)) batch.add(pass, log.readKey(row), start, ref(log, READ, row));
        }
      }
      if (pass == 0) batch.allocate();
    }
    // By key, time, kind (write start, read, acknowledgement), server, row: the reference packs the last three.
    RowSort.sort(batch.keys, batch.times, batch.refs, batch.size);
    return batch;
  }

  private boolean within(long timeNs, long horizonNs) {
    return timeNs > foldedToNs && timeNs <= horizonNs;
  }

  /** Forgets the rows of {@code log} that are folded in and done with. */
  private static void forget(ConsistencyLog log, long horizonNs) {
    int write = log.firstWrite();
    while (write < log.writes() && log.writeStartNs(write) <= horizonNs
        && (log.writeAckNs(write) == ConsistencyLog.OPEN || log.writeAckNs(write) <= horizonNs)) {
      write++;
    }
    int read = log.firstRead();
    while (read < log.reads() && log.readStartNs(read) <= horizonNs) read++;
    log.forget(write, read, horizonNs);
  }

  /** Operations to fold in: counted in a first pass, stored in a second. */
  private static final class Batch {
    long[] keys;
    long[] times;
    long[] refs;
    int size;

    void add(int pass, long key, long time, long ref) {
      if (pass == 1) {
        keys[size] = key;
        times[size] = time;
        refs[size] = ref;
      }
      if (size == Integer.MAX_VALUE - 8) throw new IllegalStateException("too many operations to audit at once");
      size++;
    }

    void allocate() {
      keys = new long[size];
      times = new long[size];
      refs = new long[size];
      size = 0;
    }
  }

  /** A row of a log: kind, server and row packed so that their numeric order is (kind, server, row). */
  private static long ref(ConsistencyLog log, int kind, int row) {
    return ((long) kind << KIND_SHIFT) | ((long) log.server() << SERVER_SHIFT) | row;
  }

  private static int server(long ref) {
    return (int) ((ref >>> SERVER_SHIFT) & SERVER_MASK);
  }

  private static int kind(long ref) {
    return (int) (ref >>> KIND_SHIFT);
  }

  private static int row(long ref) {
    return (int) (ref & ROW_MASK);
  }
}
