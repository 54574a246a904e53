package geosim.store.node;

import geosim.kernel.Timer;
import geosim.store.ring.ResponseTracker;
import geosim.store.storage.Cell;
import java.util.Arrays;

/**
 * The state of one read at its coordinator's {@link ReadPath}, from the first requests until the
 * client has its answer and the background repair (if any) is done. Mutable; belongs to the
 * coordinator's actor.
 */
final class ReadExchange {
  /** Where the read is. */
  enum Phase {
    /** Waiting for the data answer and enough digests to meet the level. */
    COLLECT,
    /** Digests disagreed: waiting for full data from the replicas that answered. */
    RESOLVE,
    /** Repair mutations sent to stale replicas: waiting for their acknowledgements. */
    REPAIR,
    /** The client has its answer; waiting for the replicas beyond the level. */
    BACKGROUND,
    /** The answers beyond the level disagreed: waiting for full data from every replica asked. */
    BACKGROUND_RESOLVE
  }

  final long id;
  final long key;
  final long startNs;
  /** Replicas asked: the data replica first, then the others by distance, then any asked by speculation. */
  int[] targets;
  final ResponseTracker tracker;
  /** First-round answers (data or digest) by slot; null while awaited. */
  Cell[] answers;
  /** Full-data answers of a resolution round by slot; null while awaited or not asked. */
  Cell[] resolved;
  boolean[] inResolve;
  /** The slot of the first data answer, or -1 while none has come. */
  int dataSlot = -1;
  /** The speculative-retry timer, or null. */
  Timer speculation;
  Phase phase = Phase.COLLECT;
  /** The cell the foreground resolution chose, or null. */
  Cell winner;
  int repairsPending;
  Timer expiry;

  ReadExchange(long id, long key, long startNs, int[] targets, ResponseTracker tracker) {
    this.id = id;
    this.key = key;
    this.startNs = startNs;
    this.targets = targets;
    this.tracker = tracker;
    this.answers = new Cell[targets.length];
    this.resolved = new Cell[targets.length];
    this.inResolve = new boolean[targets.length];
  }

  /** Asks one more replica (speculative retry): a new slot at the end; returns it. */
  int addTarget(int replica) {
    int slot = targets.length;
    targets = Arrays.copyOf(targets, slot + 1);
    targets[slot] = replica;
    answers = Arrays.copyOf(answers, slot + 1);
    resolved = Arrays.copyOf(resolved, slot + 1);
    inResolve = Arrays.copyOf(inResolve, slot + 1);
    return slot;
  }

  /** The slot of {@code replica} among the targets, or -1. */
  int slot(int replica) {
    for (int i = 0; i < targets.length; i++) {
      if (targets[i] == replica) return i;
    }
    return -1;
  }

  boolean allAnswered() {
    for (Cell c : answers) {
      if (c == null) return false;
    }
    return true;
  }

  /** Whether every first-round answer received so far equals the data answer. */
  boolean answersAgree() {
    for (Cell c : answers) {
      if (c != null && !c.equals(answers[dataSlot])) return false;
    }
    return true;
  }

  /** Starts a resolution round over the slots {@code asked}; returns their count. */
  int startResolve(Phase resolvePhase, boolean[] asked) {
    phase = resolvePhase;
    int n = 0;
    for (int i = 0; i < targets.length; i++) {
      inResolve[i] = asked[i];
      resolved[i] = null;
      if (asked[i]) n++;
    }
    return n;
  }

  /** Whether every replica of the resolution round has sent its data. */
  boolean resolveComplete() {
    for (int i = 0; i < targets.length; i++) {
      if (inResolve[i] && resolved[i] == null) return false;
    }
    return true;
  }

  /** The newest cell of the resolution round (last write wins). */
  Cell newestResolved() {
    Cell newest = StoreProtocol.NO_CELL;
    for (int i = 0; i < targets.length; i++) {
      if (inResolve[i] && resolved[i].supersedes(newest)) newest = resolved[i];
    }
    return newest;
  }

  /** What each replica holds as far as the coordinator knows, after a foreground repair. */
  boolean knownStatesAgree() {
    Cell first = null;
    for (int i = 0; i < targets.length; i++) {
      Cell known = winner != null && inResolve[i] ? winner : answers[i];
      if (first == null) {
        first = known;
      } else if (!first.equals(known)) {
        return false;
      }
    }
    return true;
  }
}
