package geosim.store.node;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Seeds;
import geosim.kernel.Timer;
import geosim.store.ring.ReplicaPlacement;
import geosim.store.ring.ResponseTracker;
import geosim.store.storage.Cell;
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
  private final RequestTable<Request> requests = new RequestTable<>();
  private long nextId;
  private Counter[] started;
  private Counter[] ok;
  private Counter[] failed;
  private Histogram[] latencyUs;
  private Histogram[] regionLatencyUs;

  /** A request waiting for answers. */
  private record Request(int op, long startNs, ResponseTracker tracker, Timer timeout) {}

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
    Cell cell = new Cell(id * servers + index, ctx.now() / 1_000);
    for (int replica : replicas) {
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
   * A replica answered (acknowledged a mutation, or returned a read). Without a failure detector no
   * replica is ever reported failed, so a request ends when its level is met or at its timeout.
   */
  void onAnswer(int replica, long requestId, ActorContext<FabricMessage> ctx) {
    Request request = requests.get(requestId);
    if (request == null) return; // late: the request has finished
    request.tracker().ack(replica);
    if (request.tracker().satisfied()) finish(requestId, request, true, ctx);
  }

  void onTimeout(long requestId, ActorContext<FabricMessage> ctx) {
    Request request = requests.get(requestId);
    if (request != null) finish(requestId, request, false, ctx);
  }

  private void finish(long requestId, Request request, boolean succeeded, ActorContext<FabricMessage> ctx) {
    requests.remove(requestId);
    request.timeout().cancel();
    int op = request.op();
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

  private void scheduleNext(ActorContext<FabricMessage> ctx) {
    ctx.startTimer(StoreServer.NEXT, (long) ctx.random().exponential(settings.workload().intervalMeanNs()));
  }

  /** The ECMP flow id of request {@code requestId} of {@code coordinator} to {@code replica}: a hash of the three. */
  static long flowId(int coordinator, long requestId, int replica) {
    return Seeds.mix64(Seeds.mix64(Seeds.mix64(coordinator) ^ requestId) ^ replica);
  }
}
