package geosim.store.node;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.IdTable;
import geosim.store.node.ReadExchange.Phase;
import geosim.store.node.StoreProtocol.ReadKind;
import geosim.store.ring.ResponseTracker;
import geosim.store.storage.Cell;
import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * A coordinator's read path, after Cassandra 3.x [1]:
 *
 * <ol>
 *   <li>Sort the key's replicas by distance (same server, rack, data center, region; ties in ring
 *       order) and take, closest first, just the replicas the consistency level needs
 *       (blockFor); with the read-repair decision ({@link ReadRepairSettings}) also every replica
 *       (GLOBAL) or every replica of the coordinator's region (DC_LOCAL).
 *   <li>Ask the closest for the data and the others for a digest.
 *   <li>When the data answer is in and the answers meet the level, compare the digests received.
 *       If they agree, answer the client with the data.
 *   <li>On a mismatch, ask those replicas for their full data, resolve last write wins, send the
 *       newest cell as a repair mutation to each replica that held an older one, wait for their
 *       acknowledgements (blocking read repair), then answer with the newest cell.
 *   <li>Replicas asked beyond the level answer in the background: once all have, if what they hold
 *       differs, a full-data round over all of them resolves it and stale ones get repair
 *       mutations, unawaited. The background gives up after the read timeout.
 * </ol>
 *
 * <p>The read's overall deadline is the coordinator's read timeout (Cassandra times each round
 * separately; simplification). Exchanges live in a map looked up and removed, never iterated.
 *
 * <p>[1] Apache Cassandra 3.11 source: {@code AbstractReadExecutor} (data request to the closest
 * replica, digests to the rest, {@code ConsistencyLevel#filterForQuery}), {@code ReadCallback}
 * (blockFor answers with the data present), {@code DigestResolver}, {@code DataResolver} (repair
 * mutations, awaited up to the write timeout), {@code AsyncRepairCallback} (background repair).
 */
final class ReadPath {
  private final StoreServer server;
  private final Coordinator coordinator;
  private final StoreSettings settings;
  private final StoreLayout layout;
  private final IdTable<ReadExchange> exchanges = new IdTable<>();
  private Counter mismatches;
  private Counter backgroundMismatches;
  private Counter repairMutations;
  private Counter digestRequests;
  private Counter speculativeRetries;
  /** This coordinator's answered reads' latencies, for a percentile speculative retry; null otherwise. */
  private final Histogram readLatencyUs;
  private long readsAnswered;
  private long speculateAfterNs;

  ReadPath(StoreServer server, Coordinator coordinator, StoreSettings settings, StoreLayout layout) {
    this.server = server;
    this.coordinator = coordinator;
    this.settings = settings;
    this.layout = layout;
    this.readLatencyUs = settings.speculativeRetry().percentile() > 0 ? new Histogram(2) : null;
    this.speculateAfterNs = settings.speculativeRetry().fixedDelayNs() > 0 ? settings.speculativeRetry().fixedDelayNs() : 0;
  }

  void start(ActorContext<FabricMessage> ctx) {
    mismatches = ctx.metrics().counter(StoreModel.READ_REPAIR_MISMATCHES);
    backgroundMismatches = ctx.metrics().counter(StoreModel.READ_REPAIR_BACKGROUND_MISMATCHES);
    repairMutations = ctx.metrics().counter(StoreModel.READ_REPAIR_MUTATIONS);
    digestRequests = ctx.metrics().counter(StoreModel.DIGEST_REQUESTS);
    speculativeRetries = ctx.metrics().counter(StoreModel.SPECULATIVE_RETRIES);
  }

  /** Starts read {@code id} of {@code key}; {@code tracker} (over all {@code replicas}) decides when the level is met. */
  void begin(long id, long key, int[] replicas, ResponseTracker tracker, ActorContext<FabricMessage> ctx) {
    int[] targets = targets(replicas, tracker, settings.readRepair().decide(ctx.random()));
    ReadExchange x = new ReadExchange(id, key, ctx.now(), targets, tracker);
    exchanges.put(id, x);
    for (int slot = 0; slot < targets.length; slot++) {
      ReadKind kind = slot == 0 ? ReadKind.DATA : ReadKind.DIGEST;
      if (kind == ReadKind.DIGEST) digestRequests.increment();
      request(x, slot, kind, ctx);
    }
    if (speculateAfterNs > 0 && speculateAfterNs < settings.readTimeoutNs() && hasSpare(x, replicas)) {
      x.speculation = ctx.startTimer(new StoreProtocol.ReadSpeculate(id), speculateAfterNs);
    }
  }

  /**
   * Whether read {@code x} has one of its {@code replicas} left that it did not ask and whose
   * answer would count for its level: without one a speculative retry has nowhere to go, so none
   * is armed (as Cassandra's never-speculating executor when the level's replicas are all asked,
   * e.g. LOCAL_QUORUM with one replica in the region).
   */
  private static boolean hasSpare(ReadExchange x, int[] replicas) {
    for (int replica : replicas) {
      if (x.slot(replica) < 0 && x.tracker.needs(replica)) return true;
    }
    return false;
  }

  /**
   * Speculative retry: read {@code id} has not met its level in time, so the closest live replica
   * not yet asked whose answer would count for the level gets a request, for the data if no data
   * answer has come, else for a digest.
   */
  void onSpeculate(long id, ActorContext<FabricMessage> ctx) {
    ReadExchange x = exchanges.get(id);
    if (x == null || x.phase != Phase.COLLECT) return;
    x.speculation = null;
    FailureView view = server.failureView();
    for (int replica : layout.byDistance(server.index(), x.tracker.replicas())) {
      // Only a replica whose answer counts for the level can help (LOCAL_* levels ignore other regions).
      if (x.slot(replica) >= 0 || view.isDown(replica) || !x.tracker.needs(replica)) continue;
      int slot = x.addTarget(replica);
      speculativeRetries.increment();
      if (x.dataSlot >= 0) digestRequests.increment();
      request(x, slot, x.dataSlot >= 0 ? ReadKind.DIGEST : ReadKind.DATA, ctx);
      return;
    }
  }

  /**
   * The replicas to ask, the data replica first: the closest that meet the level (played out on a
   * copy of the read's {@code tracker}), then any the decision adds.
   */
  private int[] targets(int[] replicas, ResponseTracker tracker, ReadRepairSettings.Decision decision) {
    int index = server.index();
    int[] ordered = layout.byDistance(index, replicas);
    ResponseTracker plan = tracker.copy();
    int[] targets = new int[ordered.length];
    boolean[] taken = new boolean[ordered.length];
    int n = 0;
    FailureView view = server.failureView();
    for (int i = 0; i < ordered.length && !plan.satisfied(); i++) {
      if (view.isDown(ordered[i])) continue; // asked nothing: the coordinator believes it down
      if (plan.needs(ordered[i])) {
        plan.ack(ordered[i]);
        targets[n++] = ordered[i];
        taken[i] = true;
      }
    }
    for (int i = 0; i < ordered.length; i++) {
      boolean extra = decision == ReadRepairSettings.Decision.GLOBAL
          || (decision == ReadRepairSettings.Decision.DC_LOCAL && layout.sameRegion(index, ordered[i]));
      if (!taken[i] && extra && !view.isDown(ordered[i])) targets[n++] = ordered[i];
    }
    return Arrays.copyOf(targets, n);
  }

  void onResponse(StoreProtocol.ReadResponse response, ActorContext<FabricMessage> ctx) {
    ReadExchange x = exchanges.get(response.requestId());
    int slot = x == null ? -1 : x.slot(response.replica());
    if (slot < 0) return; // late: the read has finished
    if (response.kind() == ReadKind.RESOLVE) {
      onResolved(x, slot, response.cell(), ctx);
      return;
    }
    if (x.answers[slot] != null) return;
    x.answers[slot] = response.cell();
    if (response.kind() == ReadKind.DATA && x.dataSlot < 0) x.dataSlot = slot;
    if (x.phase == Phase.COLLECT) {
      x.tracker.ack(response.replica());
      if (x.tracker.satisfied() && x.dataSlot >= 0) compareDigests(x, ctx);
    } else if (x.phase == Phase.BACKGROUND) {
      background(x, ctx);
    }
  }

  private void compareDigests(ReadExchange x, ActorContext<FabricMessage> ctx) {
    if (x.answersAgree()) {
      answer(x, x.answers[x.dataSlot], ctx);
      return;
    }
    mismatches.increment();
    boolean[] answered = new boolean[x.targets.length];
    for (int i = 0; i < answered.length; i++) answered[i] = x.answers[i] != null;
    resolve(x, Phase.RESOLVE, answered, ctx);
  }

  private void resolve(ReadExchange x, Phase phase, boolean[] asked, ActorContext<FabricMessage> ctx) {
    x.startResolve(phase, asked);
    for (int slot = 0; slot < asked.length; slot++) {
      if (asked[slot]) request(x, slot, ReadKind.RESOLVE, ctx);
    }
  }

  private void onResolved(ReadExchange x, int slot, Cell cell, ActorContext<FabricMessage> ctx) {
    boolean resolving = x.phase == Phase.RESOLVE || x.phase == Phase.BACKGROUND_RESOLVE;
    if (!resolving || !x.inResolve[slot] || x.resolved[slot] != null) return;
    x.resolved[slot] = cell;
    if (!x.resolveComplete()) return;
    Cell newest = x.newestResolved();
    int repairs = 0;
    for (int i = 0; i < x.targets.length; i++) {
      if (x.inResolve[i] && newest.supersedes(x.resolved[i])) {
        repairMutations.increment();
        repairs++;
        long flow = Coordinator.flowId(server.index(), x.id, x.targets[i]);
        server.send(x.targets[i], flow, StoreProtocol.HEADER_BYTES + settings.mutationBytes(),
            new StoreProtocol.Mutation(server.index(), x.id, x.key, newest, flow), ctx);
      }
    }
    if (x.phase == Phase.BACKGROUND_RESOLVE) {
      end(x);
    } else {
      x.winner = newest;
      x.repairsPending = repairs;
      x.phase = Phase.REPAIR;
      if (repairs == 0) answer(x, newest, ctx);
    }
  }

  /** A replica acknowledged a repair mutation; false when {@code ack} is not for a read of this coordinator. */
  boolean onRepairAck(StoreProtocol.MutationAck ack, ActorContext<FabricMessage> ctx) {
    ReadExchange x = exchanges.get(ack.requestId());
    if (x == null) return false;
    if (x.phase == Phase.REPAIR && --x.repairsPending == 0) answer(x, x.winner, ctx);
    return true;
  }

  private void answer(ReadExchange x, Cell cell, ActorContext<FabricMessage> ctx) {
    if (x.speculation != null) {
      x.speculation.cancel();
      x.speculation = null;
    }
    learnLatency(ctx.now() - x.startNs);
    coordinator.completeRead(x.id, x.key, x.startNs, cell, ctx);
    x.phase = Phase.BACKGROUND;
    background(x, ctx);
  }

  /**
   * After the answer: once every replica asked has answered, repair in the background what still
   * differs. The wait is bounded by the read timeout from the first call, armed only when there
   * is something to wait for: most reads end here at once, and a timer armed and cancelled for
   * each of them would sit in the event heap for the whole timeout (250,000 of them at a time in
   * store-3-regions.conf, 96 % of the heap).
   */
  private void background(ReadExchange x, ActorContext<FabricMessage> ctx) {
    if (x.allAnswered() && x.knownStatesAgree()) {
      end(x);
      return;
    }
    if (x.expiry == null) x.expiry = ctx.startTimer(new StoreProtocol.ReadRepairExpired(x.id), settings.readTimeoutNs());
    if (!x.allAnswered()) return;
    backgroundMismatches.increment();
    boolean[] all = new boolean[x.targets.length];
    Arrays.fill(all, true);
    resolve(x, Phase.BACKGROUND_RESOLVE, all, ctx);
  }

  /** The background part of read {@code id} gave up. */
  void onExpired(long id) {
    exchanges.remove(id);
  }

  /** The coordinator failed read {@code id} at its timeout: forget it. */
  void abandon(long id) {
    ReadExchange x = exchanges.get(id);
    if (x != null) end(x);
  }

  /** The server crashed: every read, answered or not, is forgotten. */
  void crash() {
    for (long id : exchanges.sortedIds()) abandon(id);
  }

  /** Reads in progress, background repairs included. */
  int exchanges() {
    return exchanges.size();
  }

  /** A percentile speculative retry's delay follows this coordinator's read latencies. */
  private void learnLatency(long latencyNs) {
    if (readLatencyUs == null) return;
    readLatencyUs.recordValue(latencyNs / 1_000);
    readsAnswered++;
    if (readsAnswered >= SpeculativeRetry.PERCENTILE_SAMPLES_MIN && readsAnswered % SpeculativeRetry.PERCENTILE_REFRESH == 0) {
      speculateAfterNs = Math.max(1, readLatencyUs.getValueAtPercentile(settings.speculativeRetry().percentile()) * 1_000);
    }
  }

  private void end(ReadExchange x) {
    exchanges.remove(x.id);
    if (x.expiry != null) x.expiry.cancel();
    if (x.speculation != null) x.speculation.cancel();
  }

  private void request(ReadExchange x, int slot, ReadKind kind, ActorContext<FabricMessage> ctx) {
    int replica = x.targets[slot];
    long flow = Coordinator.flowId(server.index(), x.id, replica);
    server.send(replica, flow, StoreProtocol.HEADER_BYTES,
        new StoreProtocol.ReadRequest(server.index(), x.id, x.key, kind, flow), ctx);
  }
}
