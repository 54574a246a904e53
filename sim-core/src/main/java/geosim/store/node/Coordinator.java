package geosim.store.node;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Seeds;
import geosim.kernel.Timer;
import geosim.store.audit.ConsistencyLog;
import geosim.store.audit.ConsistencyRecorder;
import geosim.store.audit.Versions;
import geosim.store.ring.ReplicaPlacement;
import geosim.store.ring.ResponseTracker;
import geosim.store.storage.Cell;
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
  private final long clockOffsetNs;
  private final ReadPath readPath;
  private final ConsistencyLog log;
  private ConsistencyRecorder recorder;
  private final RequestTable<Request> requests = new RequestTable<>();
  private long nextId;
  private Counter[] started;
  private Counter[] ok;
  private Counter[] failed;
  private Histogram[] latencyUs;
  private Histogram[] regionLatencyUs;

  /** A request waiting for answers. */
  private record Request(int op, long startNs, ResponseTracker tracker, Timer timeout) {}

  Coordinator(StoreServer server, StoreSettings settings, ReplicaPlacement placement, StoreLayout layout,
      int servers, String region) {
    this.server = server;
    this.settings = settings;
    this.placement = placement;
    this.index = server.index();
    this.servers = servers;
    this.region = region;
    this.clockOffsetNs = layout.clockOffsetNs(index);
    this.readPath = new ReadPath(server, this, settings, placement, layout, region);
    this.log = new ConsistencyLog(index);
  }

  void start(ActorContext<FabricMessage> ctx) {
    started = new Counter[2];
    ok = new Counter[2];
    failed = new Counter[2];
    latencyUs = new Histogram[2];
    regionLatencyUs = new Histogram[2];
    for (int op = 0; op < 2; op++) {
      String name = StoreModel.OPS.get(op);
      started[op] = ctx.metrics().counter(StoreModel.started(name));
      ok[op] = ctx.metrics().counter(StoreModel.ok(name));
      failed[op] = ctx.metrics().counter(StoreModel.failed(name));
      latencyUs[op] = ctx.metrics().histogram(StoreModel.latencyUs(name));
      regionLatencyUs[op] = ctx.metrics().histogram(StoreModel.latencyUs(name, region));
    }
    recorder = new ConsistencyRecorder(log, ctx.metrics().histogram(StoreModel.VISIBILITY_US));
    readPath.start(ctx);
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
    Timer timeout = ctx.startTimer(new StoreProtocol.RequestTimedOut(id),
        read ? settings.readTimeoutNs() : settings.writeTimeoutNs());
    requests.put(id, new Request(op, ctx.now(), tracker, timeout));
    started[op].increment();
    if (read) {
      readPath.begin(id, key, replicas, tracker, ctx);
      return;
    }
    Cell cell = new Cell(Versions.of(id, index, servers), Math.floorDiv(ctx.now() + clockOffsetNs, 1_000));
    recorder.writeStarted(id, key, cell, ctx.now(), replicas.length);
    for (int replica : replicas) {
      long flow = flowId(index, id, replica);
      server.send(replica, flow, StoreProtocol.HEADER_BYTES + settings.mutationBytes(),
          new StoreProtocol.Mutation(index, id, key, cell, flow), ctx);
    }
  }

  /**
   * A replica acknowledged a mutation: of a write, or a read's repair. Without a failure detector
   * no replica is ever reported failed, so a request ends when its level is met or at its timeout.
   */
  void onMutationAck(StoreProtocol.MutationAck ack, ActorContext<FabricMessage> ctx) {
    recorder.writeApplied(ack.requestId(), ack.appliedNs());
    if (readPath.onRepairAck(ack, ctx)) return;
    Request request = requests.get(ack.requestId());
    if (request == null) return; // late: the request has finished
    request.tracker().ack(ack.replica());
    if (request.tracker().satisfied()) finish(ack.requestId(), request, true, ctx);
  }

  /** A replica answered a read: the read path decides. */
  void onReadResponse(StoreProtocol.ReadResponse response, ActorContext<FabricMessage> ctx) {
    readPath.onResponse(response, ctx);
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

  void onTimeout(long requestId, ActorContext<FabricMessage> ctx) {
    Request request = requests.get(requestId);
    if (request != null) finish(requestId, request, false, ctx);
  }

  private void finish(long requestId, Request request, boolean succeeded, ActorContext<FabricMessage> ctx) {
    requests.remove(requestId);
    request.timeout().cancel();
    int op = request.op();
    if (op == StoreModel.WRITE) {
      recorder.writeFinished(requestId, succeeded, ctx.now());
    } else if (!succeeded) {
      readPath.abandon(requestId);
    }
    if (succeeded) {
      ok[op].increment();
      long us = (ctx.now() - request.startNs()) / 1_000;
      latencyUs[op].recordValue(us);
      regionLatencyUs[op].recordValue(us);
    } else {
      failed[op].increment();
    }
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
    ctx.startTimer(StoreServer.NEXT, (long) ctx.random().exponential(settings.workload().intervalMeanNs()));
  }

  /** The ECMP flow id of request {@code requestId} of {@code coordinator} to {@code replica}: a hash of the three. */
  static long flowId(int coordinator, long requestId, int replica) {
    return Seeds.mix64(Seeds.mix64(Seeds.mix64(coordinator) ^ requestId) ^ replica);
  }
}
