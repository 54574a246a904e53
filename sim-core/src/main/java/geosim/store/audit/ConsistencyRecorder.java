package geosim.store.audit;

import geosim.kernel.IdTable;
import geosim.store.storage.Cell;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * What one coordinator tells the consistency audit: the writes it starts and how they end, the
 * time each replica applied them, and the reads it answers. Belongs to the coordinator's actor.
 *
 * <p>Visibility: a write is fully visible when every replica has applied it; replicas report
 * their apply time in their acknowledgement, late ones included. For every acknowledged write
 * whose replicas all reported, {@code max(apply times) - ack time} (0 when all had applied it
 * before the client's ack) goes into the histogram given at construction, in microseconds. Writes
 * wait in a table by request id (looked up and removed, never iterated) until then, or until
 * their write timeout ({@link #expire}): a write whose replica has not answered by then (a cut,
 * a lost message, a replica down and hinted) is counted as incomplete by the summary.
 */
public final class ConsistencyRecorder {
  private final ConsistencyLog log;
  private final Histogram visibilityUs;
  private final IdTable<Pending> pending = new IdTable<>();

  private static final class Pending {
    final int row;
    int answersLeft;
    long lastAppliedNs = Long.MIN_VALUE;
    long ackNs = ConsistencyLog.OPEN;

    Pending(int row, int answersLeft) {
      this.row = row;
      this.answersLeft = answersLeft;
    }
  }

  /**
   * @param log where this coordinator's operations go
   * @param visibilityUs where times to full visibility go, microseconds
   */
  public ConsistencyRecorder(ConsistencyLog log, Histogram visibilityUs) {
    this.log = Objects.requireNonNull(log, "log");
    this.visibilityUs = Objects.requireNonNull(visibilityUs, "visibilityUs");
  }

  public ConsistencyLog log() {
    return log;
  }

  /** Write {@code requestId} of {@code cell} to {@code key} starts now, sent to {@code replicas} (>= 1) replicas. */
  public void writeStarted(long requestId, long key, Cell cell, long nowNs, int replicas) {
    if (replicas < 1) throw new IllegalArgumentException("replicas must be >= 1, got " + replicas);
    pending.put(requestId, new Pending(log.writeStarted(key, cell, nowNs), replicas));
  }

  /** A replica applied write {@code requestId} at {@code appliedNs}; ignored for requests that are not tracked writes. */
  public void writeApplied(long requestId, long appliedNs) {
    Pending p = pending.get(requestId);
    if (p == null) return;
    p.answersLeft--;
    p.lastAppliedNs = Math.max(p.lastAppliedNs, appliedNs);
    settle(requestId, p);
  }

  /** Write {@code requestId} ended: acknowledged to the client at {@code nowNs}, or failed (timed out). */
  public void writeFinished(long requestId, boolean acknowledged, long nowNs) {
    Pending p = pending.get(requestId);
    if (p == null) return;
    if (!acknowledged) {
      pending.remove(requestId);
      return;
    }
    log.writeAcknowledged(p.row, nowNs);
    p.ackNs = nowNs;
    settle(requestId, p);
  }

  /**
   * Write {@code requestId}'s deadline (its write timeout) has passed: if some replica has still
   * not reported, its visibility is no longer awaited and it counts as incomplete. This keeps the
   * writes awaited to those of the last timeout.
   */
  public void expire(long requestId) {
    pending.remove(requestId);
  }

  /** Whether write {@code requestId}'s end or full visibility is still awaited: {@link #expire} would forget it. */
  public boolean awaits(long requestId) {
    return pending.get(requestId) != null;
  }

  /** The coordinator answered a read of {@code key} started at {@code startNs} with {@code cell}. */
  public void readReturned(long key, long startNs, Cell cell) {
    log.readReturned(key, startNs, cell);
  }

  /** Writes whose end or full visibility is still awaited. */
  public int pendingWrites() {
    return pending.size();
  }

  private void settle(long requestId, Pending p) {
    if (p.ackNs == ConsistencyLog.OPEN || p.answersLeft > 0) return;
    pending.remove(requestId);
    visibilityUs.recordValue(Math.max(0, p.lastAppliedNs - p.ackNs) / 1_000);
  }
}
