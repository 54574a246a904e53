package geosim.store.node;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Seeds;
import geosim.kernel.Timer;
import geosim.store.ring.ConsistencyLevel;
import geosim.store.ring.ReplicaPlacement;
import geosim.store.ring.ResponseTracker;
import geosim.store.storage.Cell;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The coordinator half of a {@link StoreServer}: it sends each request of its clients to all the
 * key's replicas and answers the client once the request's consistency level is met (a {@link
 * ResponseTracker}), or fails it when its timeout passes first, as Cassandra's coordinator does
 * with write_request_timeout and read_request_timeout [1]. Answers after that are ignored: a
 * finished request is forgotten at once, so late answers find nothing and hold no memory.
 *
 * <p>A write carries a version unique to the run and increasing at this coordinator ({@code
 * requestId x servers + index}) and a timestamp of the coordinator's clock in microseconds
 * ({@code now / 1000}: no clock skew yet), which replicas reconcile last write wins.
 *
 * <p>With its server's {@link FailureView}: a replica believed down gets no request; if the rest
 * cannot meet the level the request fails at once, unavailable (Cassandra's UnavailableException,
 * counted in {@code store.<op>.unavailable} and in failed). A write's replica believed down, or
 * silent at the write timeout, gets a hint ({@link Hints}); a write at ANY succeeds once a hint
 * is stored. A write that met its level early is remembered until its timeout only to hint the
 * replicas that have still not acknowledged then. When the server crashes, its requests in flight
 * fail ({@code store.<op>.crashed}, also in failed).
 *
 * <p>[1] Apache Cassandra, conf/cassandra.yaml: write_request_timeout (2000 ms) and
 * read_request_timeout (5000 ms), "how long the coordinator should wait for ... to complete".
 */
final class Coordinator {
  private final StoreServer server;
  private final StoreSettings settings;
  private final ReplicaPlacement placement;
  private final int index;
  private final int servers;
  private final String region;
  private final Map<Long, Request> requests = new HashMap<>(); // looked up and removed; iterated only sorted
  private final Map<Long, Request> awaitingHints = new HashMap<>(); // met their level, replicas still silent
  private long nextId;
  private Counter[] started;
  private Counter[] ok;
  private Counter[] failed;
  private Counter[] unavailable;
  private Counter[] crashed;
  private Histogram[] latencyUs;
  private Histogram[] regionLatencyUs;

  /** A request waiting for answers; a write keeps its key and cell for hints (a read: null cell). */
  private record Request(int op, long startNs, ResponseTracker tracker, Timer timeout, long key, Cell cell) {}

  Coordinator(StoreServer server, StoreSettings settings, ReplicaPlacement placement, int servers, String region) {
    this.server = server;
    this.settings = settings;
    this.placement = placement;
    this.index = server.index();
    this.servers = servers;
    this.region = region;
  }

  void start(ActorContext<FabricMessage> ctx) {
    started = new Counter[2];
    ok = new Counter[2];
    failed = new Counter[2];
    unavailable = new Counter[2];
    crashed = new Counter[2];
    latencyUs = new Histogram[2];
    regionLatencyUs = new Histogram[2];
    for (int op = 0; op < 2; op++) {
      String name = StoreModel.OPS.get(op);
      started[op] = ctx.metrics().counter(StoreModel.started(name));
      ok[op] = ctx.metrics().counter(StoreModel.ok(name));
      failed[op] = ctx.metrics().counter(StoreModel.failed(name));
      unavailable[op] = ctx.metrics().counter(StoreModel.unavailable(name));
      crashed[op] = ctx.metrics().counter(StoreModel.crashed(name));
      latencyUs[op] = ctx.metrics().histogram(StoreModel.latencyUs(name));
      regionLatencyUs[op] = ctx.metrics().histogram(StoreModel.latencyUs(name, region));
    }
    scheduleNext(ctx);
  }

  /** A client request arrives: a read with probability read-fraction, else a write, of a uniform key. */
  void onNextRequest(ActorContext<FabricMessage> ctx) {
    boolean read = ctx.random().nextDouble() < settings.workload().readFraction();
    long key = ctx.random().nextLong(settings.workload().keys());
    begin(read ? StoreModel.READ : StoreModel.WRITE, key, ctx);
    scheduleNext(ctx);
  }

  private void begin(int op, long key, ActorContext<FabricMessage> ctx) {
    long id = nextId++;
    int[] replicas = placement.replicas(key);
    boolean read = op == StoreModel.READ;
    ResponseTracker tracker = read
        ? ResponseTracker.forRead(settings.readConsistency(), placement, region, replicas)
        : ResponseTracker.forWrite(settings.writeConsistency(), placement, region, replicas);
    started[op].increment();
    Cell cell = read ? null : new Cell(id * servers + index, ctx.now() / 1_000);
    if (!admit(op, key, cell, tracker, replicas, ctx)) return;
    if (tracker.satisfied()) {
      succeed(op, ctx.now(), ctx); // ANY, by a hint: the live replicas still get the write, untracked
    } else {
      Timer timeout = ctx.startTimer(new StoreProtocol.RequestTimedOut(id),
          read ? settings.readTimeoutNs() : settings.writeTimeoutNs());
      requests.put(id, new Request(op, ctx.now(), tracker, timeout, key, cell));
    }
    for (int replica : replicas) {
      if (tracker.answered(replica)) continue; // believed down
      long flow = flowId(index, id, replica);
      if (read) {
        server.send(replica, flow, StoreProtocol.HEADER_BYTES, new StoreProtocol.ReadRequest(index, id, key, flow), ctx);
      } else {
        server.send(replica, flow, StoreProtocol.HEADER_BYTES + settings.mutationBytes(),
            new StoreProtocol.Mutation(index, id, key, cell, flow), ctx);
      }
    }
  }

  /**
   * Marks the replicas believed down as failed; fails the request at once, unavailable, when the
   * others cannot meet its level; else hints a write's down replicas (a stored hint meets ANY).
   *
   * @param cell the written cell, null for a read
   * @return whether the request goes on
   */
  private boolean admit(int op, long key, Cell cell, ResponseTracker tracker, int[] replicas,
      ActorContext<FabricMessage> ctx) {
    FailureView view = server.failureView();
    boolean anyDown = false;
    for (int replica : replicas) {
      if (view.isDown(replica)) {
        tracker.fail(replica);
        anyDown = true;
      }
    }
    if (!tracker.stillPossible()) {
      unavailable[op].increment();
      failed[op].increment();
      return false;
    }
    if (cell == null || !anyDown) return true;
    boolean hinted = false;
    for (int replica : replicas) {
      if (tracker.answered(replica)) hinted |= hint(replica, key, cell, ctx);
    }
    if (hinted && tracker.level() == ConsistencyLevel.ANY) tracker.hintStored();
    return true;
  }

  /**
   * A replica answered (acknowledged a mutation, or returned a read), or acknowledged a replayed
   * hint (a negative id). A request ends when its level is met or at its timeout.
   */
  void onAnswer(int replica, long requestId, ActorContext<FabricMessage> ctx) {
    if (requestId < 0) {
      server.hints().onAck(replica, requestId, ctx);
      return;
    }
    Request request = requests.get(requestId);
    if (request == null) {
      lateAck(replica, requestId);
      return;
    }
    request.tracker().ack(replica);
    if (request.tracker().satisfied()) finish(requestId, request, true, ctx);
  }

  /** A write that met its level hears from a replica it still waited for, to know whom to hint. */
  private void lateAck(int replica, long requestId) {
    Request waiting = awaitingHints.get(requestId);
    if (waiting == null) return; // late: the request has finished
    waiting.tracker().ack(replica);
    if (waiting.tracker().pending() == 0) {
      awaitingHints.remove(requestId);
      waiting.timeout().cancel();
    }
  }

  void onTimeout(long requestId, ActorContext<FabricMessage> ctx) {
    Request request = requests.get(requestId);
    if (request != null) {
      finish(requestId, request, false, ctx);
      return;
    }
    Request waiting = awaitingHints.remove(requestId);
    if (waiting != null) hintSilent(waiting, ctx);
  }

  private void finish(long requestId, Request request, boolean succeeded, ActorContext<FabricMessage> ctx) {
    requests.remove(requestId);
    boolean silentReplicas = request.cell() != null && request.tracker().pending() > 0;
    if (succeeded && silentReplicas) {
      awaitingHints.put(requestId, request); // its timeout still runs
    } else {
      request.timeout().cancel();
      if (silentReplicas) hintSilent(request, ctx); // the write timed out
    }
    if (succeeded) {
      succeed(request.op(), request.startNs(), ctx);
    } else {
      failed[request.op()].increment();
    }
  }

  private void succeed(int op, long startNs, ActorContext<FabricMessage> ctx) {
    ok[op].increment();
    long us = (ctx.now() - startNs) / 1_000;
    latencyUs[op].recordValue(us);
    regionLatencyUs[op].recordValue(us);
  }

  /** Hints the replicas of write {@code request} that have not answered by its timeout. */
  private void hintSilent(Request request, ActorContext<FabricMessage> ctx) {
    for (int replica : placement.replicas(request.key())) {
      if (!request.tracker().answered(replica)) hint(replica, request.key(), request.cell(), ctx);
    }
  }

  private boolean hint(int replica, long key, Cell cell, ActorContext<FabricMessage> ctx) {
    return server.hints().store(replica, key, cell, server.failureView().downForNs(replica, ctx.now()), ctx.now());
  }

  /**
   * The server crashes: every request in flight fails (counted failed and crashed), and writes
   * waiting only to hint are forgotten. Their timeouts are cancelled.
   */
  void crash() {
    long[] ids = requests.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    for (long id : ids) {
      Request request = requests.remove(id);
      request.timeout().cancel();
      failed[request.op()].increment();
      crashed[request.op()].increment();
    }
    long[] waiting = awaitingHints.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    for (long id : waiting) awaitingHints.remove(id).timeout().cancel();
  }

  /** While the server is crashed its clients' requests are not taken; their arrivals go on. */
  void skipRequest(ActorContext<FabricMessage> ctx) {
    scheduleNext(ctx);
  }

  /** Requests started and not finished. */
  int inFlight() {
    return requests.size();
  }

  private void scheduleNext(ActorContext<FabricMessage> ctx) {
    ctx.startTimer(StoreServer.NEXT, (long) ctx.random().exponential(settings.workload().intervalMeanNs()));
  }

  /** The ECMP flow id of request {@code requestId} of {@code coordinator} to {@code replica}: a hash of the three. */
  static long flowId(int coordinator, long requestId, int replica) {
    return Seeds.mix64(Seeds.mix64(Seeds.mix64(coordinator) ^ requestId) ^ replica);
  }
}
