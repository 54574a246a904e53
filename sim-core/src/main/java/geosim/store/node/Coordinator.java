package geosim.store.node;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Deadlines;
import geosim.kernel.IdTable;
import geosim.kernel.Seeds;
import geosim.store.audit.ConsistencyLog;
import geosim.store.audit.ConsistencyRecorder;
import geosim.store.audit.Versions;
import geosim.store.ring.ConsistencyLevel;
import geosim.store.ring.ReplicaPlacement;
import geosim.store.ring.ResponseTracker;
import geosim.store.storage.Cell;
import java.util.function.LongPredicate;
import org.HdrHistogram.Histogram;

/**
 * The coordinator half of a {@link StoreServer}: it sends each write of its clients to all the
 * key's replicas, and each read through its {@link ReadPath} (data and digest reads, read
 * repair), and answers the client once the request's consistency level is met (a {@link
 * ResponseTracker}), or fails it when its timeout passes first, as Cassandra's coordinator does
 * with write_request_timeout and read_request_timeout [1]. Answers after that are ignored: a
 * finished request is forgotten at once, so late answers find nothing and hold no memory.
 *
 * <p>A write carries a version unique to the run and increasing at this coordinator ({@link
 * Versions}: {@code requestId x servers + index}) and a timestamp of the coordinator's clock in
 * microseconds ({@code (now + offset) / 1000}, the server's offset from {@link ClockSettings}),
 * which replicas reconcile last write wins. Every write and answered read goes to the
 * consistency audit's {@link ConsistencyRecorder}.
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
  private final int index;
  private final int servers;
  private final String region;
  private long clockOffsetNs; // changes only by a scheduled clock jump
  private final ReadPath readPath;
  private final ConsistencyLog log;
  private ConsistencyRecorder recorder;
  private final IdTable<Request> requests = new IdTable<>();
  private final IdTable<Request> awaitingHints = new IdTable<>(); // met their level, replicas still silent
  private final Deadlines[] deadlines = {new Deadlines(), new Deadlines()}; // by op: one timer each, not one per request
  private final boolean[] armed = new boolean[2];
  private long nextId;
  private Counter[] started;
  private Counter[] ok;
  private Counter[] failed;
  private Counter[] unavailable;
  private Counter[] crashed;
  private Histogram[] latencyUs;
  private Histogram[] regionLatencyUs;

  /**
   * A request waiting for answers; a write keeps its key and cell for hints (a read: null cell);
   * {@code client} is the client actor's request, or null for the server's own stream.
   */
  private record Request(int op, long startNs, ResponseTracker tracker, long key, Cell cell,
      StoreProtocol.ClientRequest client) {}

  Coordinator(StoreServer server, StoreSettings settings, StoreLayout layout, int servers, String region) {
    this.server = server;
    this.settings = settings;
    this.index = server.index();
    this.servers = servers;
    this.region = region;
    this.clockOffsetNs = layout.clockOffsetNs(index);
    this.readPath = new ReadPath(server, this, settings, layout);
    this.log = new ConsistencyLog(index);
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
    recorder = new ConsistencyRecorder(log, ctx.metrics().histogram(StoreModel.VISIBILITY_US));
    readPath.start(ctx);
    if (settings.workload().ratePerServerPerSecond() > 0) scheduleNext(ctx);
  }

  /** The server's clock jumps by {@code byNs} (a scheduled clock-jump fault): later writes carry the new time. */
  void jumpClock(long byNs) {
    clockOffsetNs += byNs;
  }

  /** A client request arrives: a read with probability read-fraction, else a write, of a uniform key. */
  void onNextRequest(ActorContext<FabricMessage> ctx) {
    boolean read = ctx.random().nextDouble() < settings.workload().readFraction();
    long key = ctx.random().nextLong(settings.workload().keys());
    begin(read ? StoreModel.READ : StoreModel.WRITE, key, null, ctx);
    scheduleNext(ctx);
  }

  /** A client actor's request arrives: coordinated like the server's own, answered to the client. */
  void onClientRequest(StoreProtocol.ClientRequest request, ActorContext<FabricMessage> ctx) {
    begin(request.read() ? StoreModel.READ : StoreModel.WRITE, request.key(), request, ctx);
  }

  private void begin(int op, long key, StoreProtocol.ClientRequest client, ActorContext<FabricMessage> ctx) {
    long id = nextId++;
    ReplicaPlacement placement = server.ring().placement();
    int[] replicas = placement.replicas(key);
    boolean read = op == StoreModel.READ;
    ResponseTracker tracker = read
        ? ResponseTracker.forRead(settings.readConsistency(), placement, region, replicas)
        : ResponseTracker.forWrite(settings.writeConsistency(), placement, region, replicas);
    started[op].increment();
    Cell cell = read ? null
        : new Cell(Versions.of(id, index, servers), Math.floorDiv(ctx.now() + clockOffsetNs, 1_000));
    if (!admit(op, key, cell, tracker, replicas, ctx)) {
      answer(client, false, ctx);
      return;
    }
    // Visibility waits for every replica: a hinted one's replay is not heard of here, so a write
    // with a replica down stays incomplete (docs/store/consistency.md).
    if (!read) recorder.writeStarted(id, key, cell, ctx.now(), replicas.length);
    if (tracker.satisfied()) {
      // ANY, by a hint: acknowledged at once; the live replicas still get the write, untracked.
      recorder.writeFinished(id, true, ctx.now());
      recorder.expire(id); // a replica is down: never fully visible in the run's sense
      succeed(op, ctx.now(), ctx);
      answer(client, true, ctx);
    } else {
      requests.put(id, new Request(op, ctx.now(), tracker, key, cell, client));
      deadlines[op].add(id, ctx.now() + (read ? settings.readTimeoutNs() : settings.writeTimeoutNs()));
      if (!armed[op]) arm(op, ctx);
    }
    if (read) {
      readPath.begin(id, key, replicas, tracker, ctx);
      return;
    }
    for (int replica : replicas) {
      if (tracker.answered(replica)) continue; // believed down
      sendMutation(replica, id, key, cell, ctx);
    }
    for (int pending : server.ring().pendingReplicas(key)) {
      sendMutation(pending, StoreProtocol.UNTRACKED, key, cell, ctx); // a joining or new owner: not counted
    }
  }

  private void sendMutation(int replica, long id, long key, Cell cell, ActorContext<FabricMessage> ctx) {
    long flow = flowId(index, id, replica);
    server.send(replica, flow, StoreProtocol.HEADER_BYTES + settings.mutationBytes(),
        new StoreProtocol.Mutation(index, id, key, cell, flow), ctx);
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
   * A replica acknowledged a mutation: of a write, of a read's repair, or of a replayed hint (a
   * negative id). A write ends when its level is met or at its timeout.
   */
  void onMutationAck(StoreProtocol.MutationAck ack, ActorContext<FabricMessage> ctx) {
    if (ack.requestId() == StoreProtocol.UNTRACKED) return; // a pending replica's: the write did not wait for it
    if (ack.requestId() < 0) {
      server.hints().onAck(ack.replica(), ack.requestId(), ctx);
      return;
    }
    recorder.writeApplied(ack.requestId(), ack.appliedNs());
    if (readPath.onRepairAck(ack, ctx)) return;
    Request request = requests.get(ack.requestId());
    if (request == null) {
      lateAck(ack.replica(), ack.requestId());
      return;
    }
    request.tracker().ack(ack.replica());
    if (request.tracker().satisfied()) finish(ack.requestId(), request, true, ctx);
  }

  /** A write that met its level hears from a replica it still waited for, to know whom to hint. */
  private void lateAck(int replica, long requestId) {
    Request waiting = awaitingHints.get(requestId);
    if (waiting == null) return; // late: the request has finished
    waiting.tracker().ack(replica);
    if (waiting.tracker().pending() == 0) awaitingHints.remove(requestId);
  }

  /** A replica answered a read: the read path decides. */
  void onReadResponse(StoreProtocol.ReadResponse response, ActorContext<FabricMessage> ctx) {
    readPath.onResponse(response, ctx);
  }

  /** A read has waited its speculative-retry delay. */
  void onReadSpeculate(long requestId, ActorContext<FabricMessage> ctx) {
    readPath.onSpeculate(requestId, ctx);
  }

  /** The background part of a read gave up waiting. */
  void onReadRepairExpired(long requestId) {
    readPath.onExpired(requestId);
  }

  /** The read path answers read {@code requestId} of {@code key}, started at {@code startNs}, with {@code cell}. */
  void completeRead(long requestId, long key, long startNs, Cell cell, ActorContext<FabricMessage> ctx) {
    Request request = requests.get(requestId);
    if (request == null) return;
    finish(requestId, request, true, ctx);
    recorder.readReturned(key, startNs, cell);
  }

  /** The first open request's deadline of {@code op} has come: time out every open request now due, then re-arm. */
  void onTimeoutsDue(int op, ActorContext<FabricMessage> ctx) {
    armed[op] = false;
    LongPredicate open = open(op);
    for (long id = deadlines[op].popDue(ctx.now(), open); id >= 0; id = deadlines[op].popDue(ctx.now(), open)) {
      onTimeout(id, ctx);
      if (op == StoreModel.WRITE) recorder.expire(id);
    }
    arm(op, ctx);
  }

  /** Sets {@code op}'s timer for the first request still open, if any. */
  private void arm(int op, ActorContext<FabricMessage> ctx) {
    long headNs = deadlines[op].headNs(open(op));
    if (headNs == Deadlines.NONE) return;
    armed[op] = true;
    ctx.schedule(new StoreProtocol.TimeoutsDue(op), headNs - ctx.now());
  }

  /**
   * Whether something still happens at a request's deadline: a read has not finished; a write has
   * not finished, waits to hint a silent replica, or the audit still awaits a replica's apply time.
   */
  private LongPredicate open(int op) {
    return op == StoreModel.WRITE
        ? id -> requests.get(id) != null || awaitingHints.get(id) != null || recorder.awaits(id)
        : id -> requests.get(id) != null;
  }

  private void onTimeout(long requestId, ActorContext<FabricMessage> ctx) {
    Request request = requests.get(requestId);
    if (request != null) {
      finish(requestId, request, false, ctx);
      return;
    }
    Request waiting = awaitingHints.get(requestId);
    if (waiting != null) {
      awaitingHints.remove(requestId);
      hintSilent(waiting, ctx);
    }
  }

  private void finish(long requestId, Request request, boolean succeeded, ActorContext<FabricMessage> ctx) {
    requests.remove(requestId);
    int op = request.op();
    boolean silentReplicas = request.cell() != null && request.tracker().pending() > 0;
    if (succeeded && silentReplicas) {
      awaitingHints.put(requestId, request); // its deadline still comes
    } else if (silentReplicas) {
      hintSilent(request, ctx); // the write timed out
    }
    if (op == StoreModel.WRITE) {
      recorder.writeFinished(requestId, succeeded, ctx.now());
    } else if (!succeeded) {
      readPath.abandon(requestId);
    }
    if (succeeded) {
      succeed(op, request.startNs(), ctx);
    } else {
      failed[op].increment();
    }
    answer(request.client(), succeeded, ctx);
  }

  /** Answers a client actor's request (nothing for the server's own stream). */
  private static void answer(StoreProtocol.ClientRequest client, boolean ok, ActorContext<FabricMessage> ctx) {
    if (client != null) ctx.send(client.client(), new StoreProtocol.ClientResponse(client.requestId(), ok), client.replyDelayNs());
  }

  private void succeed(int op, long startNs, ActorContext<FabricMessage> ctx) {
    ok[op].increment();
    long us = (ctx.now() - startNs) / 1_000;
    latencyUs[op].recordValue(us);
    regionLatencyUs[op].recordValue(us);
  }

  /** Hints the replicas of write {@code request} that have not answered by its timeout. */
  private void hintSilent(Request request, ActorContext<FabricMessage> ctx) {
    for (int replica : request.tracker().replicas()) {
      if (!request.tracker().answered(replica)) hint(replica, request.key(), request.cell(), ctx);
    }
  }

  private boolean hint(int replica, long key, Cell cell, ActorContext<FabricMessage> ctx) {
    return server.hints().store(replica, key, cell, server.failureView().downForNs(replica, ctx.now()), ctx.now());
  }

  /**
   * The server crashes: every request in flight fails (counted failed and crashed; a write's end
   * becomes unknown to the audit), writes waiting only to hint are forgotten, and so are the read
   * path's exchanges. Their deadlines still come and find nothing. A client actor's request gets
   * no answer: the client's own timeout fails it.
   */
  void crash() {
    for (long id : requests.sortedIds()) {
      Request request = requests.get(id);
      requests.remove(id);
      if (request.op() == StoreModel.WRITE) recorder.writeFinished(id, false, request.startNs());
      failed[request.op()].increment();
      crashed[request.op()].increment();
    }
    for (long id : awaitingHints.sortedIds()) awaitingHints.remove(id);
    readPath.crash();
  }

  /** While the server is crashed its clients' requests are not taken; their arrivals go on. */
  void skipRequest(ActorContext<FabricMessage> ctx) {
    scheduleNext(ctx);
  }

  /** Requests started and not finished. */
  int inFlight() {
    return requests.size();
  }

  /** This coordinator's operations, for the consistency audit after the run. */
  ConsistencyLog consistencyLog() {
    return log;
  }

  private void scheduleNext(ActorContext<FabricMessage> ctx) {
    ctx.schedule(StoreServer.NEXT, (long) ctx.random().exponential(settings.workload().intervalMeanNs()));
  }

  /** The ECMP flow id of request {@code requestId} of {@code coordinator} to {@code replica}: a hash of the three. */
  static long flowId(int coordinator, long requestId, int replica) {
    return Seeds.mix64(Seeds.mix64(Seeds.mix64(coordinator) ^ requestId) ^ replica);
  }
}
