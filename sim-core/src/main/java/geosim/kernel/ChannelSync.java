package geosim.kernel;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * One partition's side of {@link Sync#CHANNELS}: conservative synchronisation with null
 * messages [1], [2] inside the coordinator's windows.
 *
 * <p>Each peer's last {@link PartitionProtocol.Progress} carries its <em>promise</em>: it will
 * send nothing due earlier from now on. The least promise over the peers is this partition's safe
 * time: every event before it is already queued here, so it may run up to it (and no further than
 * the window's end). After each step it passes on the events it made for each peer together with
 * its own promise, {@code min(next own event, safe time, window end) + L}: whatever it processes
 * from now on lies at or after that minimum, and every message across partitions takes at least
 * the lookahead L. Events and the promise that covers them travel in one message, and Pekko keeps
 * the messages between two actors in order, so a promise is never seen before the events it
 * vouches for. A window opens at the earliest event pending anywhere, S, so S + L is a promise
 * every peer has made without saying it, once every message it sent before the window has arrived:
 * the window's orders come from the coordinator, another sender, and between JVMs they may overtake
 * a peer's last Progress of the window before. So each partition counts the Progress messages it
 * sends each peer, the coordinator hands the counts on ({@link #open}), and the implied promise of
 * a peer counts only once that many of its messages are here.
 *
 * <p>Events are ordered by a complete key (time, source, sequence), and a partition only ever
 * processes events before its safe time, when all of them are queued: the order, and so the
 * results, are those of {@link Sync#WINDOWS}, whatever the thread timing.
 *
 * <p>Progress: the partition furthest behind, at time m below the window's end, always has a safe
 * time of at least m + L, since every peer's promise is its own minimum plus L and no peer is
 * behind m. So every window ends.
 *
 * <p>Steps reach at most {@link #STEP_FRACTION} of the lookahead past the next own event, so
 * peers hear promises often and partitions that share a thread take turns.
 *
 * <p>[1] Chandy, Misra: Distributed simulation: a case study in design and verification of
 * distributed programs, IEEE TSE 5(5), 1979. <br>
 * [2] Bryant: Simulation of packet communication architecture computer systems, MIT
 * LCS-TR-188, 1977.
 */
final class ChannelSync {
  /** A step spans at most this part of the lookahead (docs/benchmarks.md, "Fifth measurement: channels"). */
  static final int STEP_FRACTION = 4;

  private final PartitionCore core;
  private final int self;
  private final long lookaheadNs;
  private final long stepNs;
  /** The promise last heard from each peer; this partition's own entry stays at the maximum. */
  private final long[] heard;
  /** The promise last sent to each peer. */
  private final long[] told;
  /** Progress messages sent to each peer, and received from each, since the run began. */
  private final long[] sent;
  private final long[] received;
  /** Progress messages each peer had sent here when the current window opened. */
  private long[] expected;
  /** The window's implied promise, S + L. */
  private long impliedNs;
  private List<ActorRef<PartitionProtocol.Command>> peers = List.of();
  private long endNs;
  /** The earliest event sent to a peer in this window that is due at or after its end. */
  private long sentBeyondEndNs = Long.MAX_VALUE;

  ChannelSync(PartitionCore core, int partitions) {
    this.core = core;
    this.self = core.index();
    this.lookaheadNs = core.lookaheadNs();
    this.stepNs = Math.max(1, lookaheadNs / STEP_FRACTION);
    heard = new long[partitions];
    told = new long[partitions];
    sent = new long[partitions];
    received = new long[partitions];
    expected = new long[partitions];
    heard[self] = Long.MAX_VALUE;
  }

  /** Every partition's actor, in index order. */
  void meet(List<ActorRef<PartitionProtocol.Command>> partitions) {
    peers = partitions;
  }

  /**
   * A window from {@code startNs}, the earliest event pending anywhere, to {@code endNs}; {@code
   * expectedFromPeers[p]} Progress messages from peer p were sent here before it (null: none counted,
   * as in one JVM's tests that drive a partition by hand).
   */
  void open(long startNs, long endNs, long[] expectedFromPeers) {
    this.endNs = endNs;
    sentBeyondEndNs = Long.MAX_VALUE;
    impliedNs = Windows.saturatingAdd(startNs, lookaheadNs);
    expected = expectedFromPeers == null ? new long[heard.length] : expectedFromPeers.clone();
    for (int p = 0; p < heard.length; p++) {
      if (received[p] >= expected[p]) heard[p] = Math.max(heard[p], impliedNs);
    }
  }

  /** A peer's events and promise. */
  void heard(PartitionProtocol.Progress progress) {
    if (progress.events() != null) core.accept(progress.events());
    int from = progress.fromPartition();
    heard[from] = Math.max(heard[from], progress.promiseNs());
    if (++received[from] == expected[from]) heard[from] = Math.max(heard[from], impliedNs);
  }

  /** Progress messages sent to each peer so far, for the coordinator to hand on with the next window. */
  long[] progressSent() {
    return sent.clone();
  }

  /**
   * Runs as far as is safe, at most one step, and tells the peers what changed.
   *
   * @return true when there is more to run now (the caller asks itself for another step)
   */
  boolean step() {
    long reachable = Math.min(safeNs(), endNs);
    long done = core.doneUntil();
    if (reachable > done) {
      long from = Math.max(done, core.nextEventTime());
      core.runUntil(Math.min(reachable, Windows.saturatingAdd(from, stepNs)));
    }
    tellPeers();
    return Math.min(safeNs(), endNs) > core.doneUntil();
  }

  /** True once every event before the window's end is done. */
  boolean done() {
    return core.doneUntil() >= endNs;
  }

  /**
   * The earliest event this partition knows to be pending: its own next event, or one it sent a
   * peer that may still be on its way. The coordinator opens the next window at the least of these.
   */
  long earliestPendingNs() {
    return Math.min(core.nextEventTime(), sentBeyondEndNs);
  }

  private long safeNs() {
    long safe = Long.MAX_VALUE;
    for (long promise : heard) safe = Math.min(safe, promise);
    return safe;
  }

  private void tellPeers() {
    long promise = Windows.saturatingAdd(Math.min(core.nextEventTime(), Math.min(safeNs(), endNs)), lookaheadNs);
    for (int p = 0; p < peers.size(); p++) {
      if (p == self) continue;
      EventBatch events = core.drainOutbox(p);
      if (events != null) sentBeyondEndNs = Math.min(sentBeyondEndNs, earliestAtOrAfter(events, endNs));
      if (events != null || promise > told[p]) {
        told[p] = Math.max(told[p], promise);
        sent[p]++;
        peers.get(p).tell(new PartitionProtocol.Progress(self, promise, events));
      }
    }
  }

  private static long earliestAtOrAfter(EventBatch batch, long timeNs) {
    long earliest = Long.MAX_VALUE;
    for (long t : batch.times()) {
      if (t >= timeNs && t < earliest) earliest = t;
    }
    return earliest;
  }
}
