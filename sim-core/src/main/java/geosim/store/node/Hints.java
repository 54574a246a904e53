package geosim.store.node;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Timer;
import geosim.store.storage.Cell;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A coordinator's hinted handoff, after Cassandra [1] and the seed's notes ("if node down, then
 * write to another node with a hint saying where it should be written to; harvester every 15 min
 * goes through and finds hints and moves the data to the appropriate node").
 *
 * <ul>
 *   <li>Store: a write's replica that is believed down when the write starts, or that has not
 *       acknowledged when the write timeout passes, gets a hint (the key and the written cell)
 *       kept by the coordinator, unless the replica has been silent longer than {@code
 *       max-hint-window} (then the hint is dropped, as Cassandra stops hinting a node down longer
 *       than max_hint_window_in_ms). Hints survive a crash of the coordinator (Cassandra keeps
 *       them on disk).
 *   <li>Replay: when gossip sees a target up again, its hints go to it in order as mutations over
 *       the fabric, paced by the throttle ({@code hinted-handoff-throttle-kb}: a hint of b bytes
 *       lets the next go b / throttle later), without waiting for acknowledgements; a hint not
 *       acknowledged within the write timeout stops the replay (the unacknowledged hints wait
 *       again) until the target is seen up again.
 *   <li>Harvester: every {@code hint-harvest-interval} it drops hints older than {@code
 *       max-hint-window} (assumption: Cassandra expires hints after gc_grace_seconds; the window
 *       bounds their age and memory here) and replays the rest to targets that are up.
 * </ul>
 *
 * <p>A replayed hint is a {@link StoreProtocol.Mutation} with a negative request id, so the
 * replica handles it as any mutation and its acknowledgement comes back here.
 *
 * <p>[1] Apache Cassandra documentation, "Hints" (operating/hints), and conf/cassandra.yaml:
 * max_hint_window_in_ms (3 h), hinted_handoff_throttle_in_kb (1024).
 */
final class Hints {
  private final StoreServer server;
  private final StoreSettings settings;
  private final TreeMap<Integer, Queue> byTarget = new TreeMap<>();
  private long lastId;
  private long pending;
  private Counter stored;
  private Counter replayed;
  private Counter dropped;

  /** A hint: the write a target missed. */
  private record Hint(long key, Cell cell, long storedAtNs) {}

  /** One target's hints: those waiting, oldest first, and those replayed and not yet acknowledged. */
  private static final class Queue {
    final ArrayDeque<Hint> hints = new ArrayDeque<>();
    final TreeMap<Long, InFlight> inFlight = new TreeMap<>(); // by id: newest first (ids decrease)
    boolean replaying;
    boolean nextDue; // a HintNext timer is set

    boolean isEmpty() {
      return hints.isEmpty() && inFlight.isEmpty();
    }
  }

  /** A replayed hint and its timeout. */
  private record InFlight(Hint hint, Timer timeout) {}

  Hints(StoreServer server, StoreSettings settings) {
    this.server = server;
    this.settings = settings;
  }

  void start(ActorContext<FabricMessage> ctx) {
    stored = ctx.metrics().counter(StoreModel.HINTS_STORED);
    replayed = ctx.metrics().counter(StoreModel.HINTS_REPLAYED);
    dropped = ctx.metrics().counter(StoreModel.HINTS_DROPPED);
    ctx.schedule(new AvailabilityProtocol.Harvest(), settings.availability().harvestIntervalNs());
  }

  /**
   * Keeps a hint of {@code cell} of {@code key} for {@code target}, or drops it when the target
   * has been silent for {@code downForNs} > max-hint-window.
   *
   * @return whether the hint was kept
   */
  boolean store(int target, long key, Cell cell, long downForNs, long nowNs) {
    long window = settings.availability().maxHintWindowNs();
    if (window == 0 || downForNs > window) { // a window of 0 keeps no hints: hinted handoff off

      dropped.increment();
      return false;
    }
    byTarget.computeIfAbsent(target, t -> new Queue()).hints.add(new Hint(key, cell, nowNs));
    pending++;
    stored.increment();
    return true;
  }

  /**
   * Starts (or resumes, when hints came in after the last one went) replaying to every target with
   * waiting hints that {@code view} believes up.
   */
  void replayToLive(FailureView view, ActorContext<FabricMessage> ctx) {
    for (Map.Entry<Integer, Queue> e : byTarget.entrySet()) {
      Queue q = e.getValue();
      if (!q.nextDue && !q.hints.isEmpty() && !view.isDown(e.getKey())) {
        q.replaying = true;
        sendHead(e.getKey(), q, ctx);
      }
    }
  }

  /** Replays the oldest waiting hint and lets the next one go after its share of the throttle. */
  private void sendHead(int target, Queue q, ActorContext<FabricMessage> ctx) {
    Hint hint = q.hints.poll();
    long id = -(++lastId);
    long flow = Coordinator.flowId(server.index(), id, target);
    long bytes = StoreProtocol.HEADER_BYTES + settings.mutationBytes();
    server.send(target, flow, bytes, new StoreProtocol.Mutation(server.index(), id, hint.key(), hint.cell(), flow), ctx);
    Timer timeout = ctx.startTimer(new AvailabilityProtocol.HintTimedOut(target, id), settings.writeTimeoutNs());
    q.inFlight.put(id, new InFlight(hint, timeout));
    if (!q.hints.isEmpty()) {
      q.nextDue = true;
      ctx.schedule(new AvailabilityProtocol.HintNext(target), settings.availability().replaySpacingNs(bytes));
    }
  }

  /** {@code replica} acknowledged replayed hint {@code id} (< 0). */
  void onAck(int replica, long id, ActorContext<FabricMessage> ctx) {
    Queue q = byTarget.get(replica);
    InFlight acked = q == null ? null : q.inFlight.remove(id);
    if (acked == null) return; // late, after a timeout or a crash put it back
    acked.timeout().cancel();
    pending--;
    replayed.increment();
    if (q.isEmpty()) byTarget.remove(replica);
  }

  void onNext(int target, ActorContext<FabricMessage> ctx) {
    Queue q = byTarget.get(target);
    if (q == null) return;
    q.nextDue = false;
    if (q.replaying && !q.hints.isEmpty()) sendHead(target, q, ctx);
  }

  /** A replayed hint had no answer in time: the target is taken for down again until gossip says otherwise. */
  void onTimedOut(int target, long id) {
    Queue q = byTarget.get(target);
    if (q != null && q.inFlight.containsKey(id)) stopReplay(q);
  }

  /**
   * The harvester: drops hints older than the hint window, replays the rest to live targets; and
   * sets its next run. While the server is crashed ({@code crashed}) it only sets its next run.
   */
  void onHarvest(boolean crashed, FailureView view, ActorContext<FabricMessage> ctx) {
    ctx.schedule(new AvailabilityProtocol.Harvest(), settings.availability().harvestIntervalNs());
    if (crashed) return;
    long oldest = ctx.now() - settings.availability().maxHintWindowNs();
    List<Integer> emptied = new ArrayList<>();
    for (Map.Entry<Integer, Queue> e : byTarget.entrySet()) {
      Queue q = e.getValue();
      Iterator<Hint> it = q.hints.iterator();
      while (it.hasNext()) {
        if (it.next().storedAtNs() < oldest) {
          it.remove();
          pending--;
          dropped.increment();
        }
      }
      if (q.isEmpty()) emptied.add(e.getKey());
    }
    for (int target : emptied) byTarget.remove(target);
    replayToLive(view, ctx);
  }

  /** The coordinator crashed: replays in flight are lost; the hints stay. */
  void onCrash() {
    for (Queue q : byTarget.values()) {
      stopReplay(q);
      q.nextDue = false; // its timer is dropped while the server is down
    }
  }

  /** The server's instance is terminated: the hints on its disk are gone (counted dropped). */
  void lose() {
    for (int target : new ArrayList<>(byTarget.keySet())) dropFor(target);
  }

  /**
   * Drops every hint for {@code target} (counted dropped): it was replaced by a new instance, which
   * Cassandra knows under a new host id, so hints kept for the old one are never delivered.
   */
  void dropFor(int target) {
    Queue q = byTarget.remove(target);
    if (q == null) return;
    stopReplay(q);
    pending -= q.hints.size();
    dropped.add(q.hints.size());
  }

  /** Stops replaying to a target: its unacknowledged hints wait again, in their order, before the rest. */
  private static void stopReplay(Queue q) {
    q.replaying = false;
    for (InFlight f : q.inFlight.values()) { // newest first, each put at the front
      f.timeout().cancel();
      q.hints.addFirst(f.hint());
    }
    q.inFlight.clear();
  }

  /** Hints kept and not yet replayed or dropped. */
  long pending() {
    return pending;
  }
}
