package geosim.store.client;

import geosim.fabric.Fabric;
import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Deadlines;
import geosim.kernel.IdTable;
import geosim.kernel.SimActor;
import geosim.store.node.ScalingProtocol;
import geosim.store.node.StoreProtocol;
import geosim.workload.Arrivals;
import geosim.workload.KeyChooser;
import geosim.workload.OperationMix;
import org.HdrHistogram.Histogram;

/**
 * The clients of one region ({@link ClientPopulation}). Each request is one or more store requests
 * ({@code StoreProtocol.ClientRequest}) sent to a coordinator the {@link CoordinatorChoice} picks
 * in the region in use, after the access delay of that server ({@link ClientRoutes}); the
 * coordinator's answer comes back after the same delay. The client's latency runs from its first
 * store request to its last answer, so it includes the access hop both ways.
 *
 * <p>Failover: the clients use their own region; after {@code failoverAfter} consecutive failed
 * requests sent to the region in use, or when every server there is avoided, they use the next
 * region by RTT from their own, and after {@code failbackNs} they try their own again. A request
 * gets no answer from a crashed coordinator; the client's timeout fails it and avoids that
 * coordinator for {@code failbackNs}.
 */
final class ClientActor implements SimActor<FabricMessage> {
  private static final ClientProtocol.NextArrival NEXT = new ClientProtocol.NextArrival();
  private static final ClientProtocol.TimeoutsDue TIMEOUTS = new ClientProtocol.TimeoutsDue();

  private final ClientSettings settings;
  private final ClientPopulation population;
  private final ClientRoutes routes;
  private final Fabric fabric;
  private final CoordinatorChoice choice;
  private final Arrivals arrivals;
  private final int source;
  private final int sources;
  private final long horizonNs;
  private final AppTier appTier; // null: the clients call the store directly
  private final IdTable<Op> ops = new IdTable<>();
  private final Deadlines deadlines = new Deadlines();
  private boolean armed;
  private long nextOp;
  private int using; // index into routes' regions, 0 = home
  private long homeRetryAtNs;
  private int consecutiveFailures;
  private KeyChooser.Source keys;
  private Counter[] counters; // requests, ok, failed, failovers
  private Histogram latencyUs;
  private Histogram regionLatencyUs;

  /** A client request in flight: its parts are store requests; a read-modify-write has two stages. */
  private static final class Op {
    final OperationMix.Kind kind;
    final long startNs;
    final int user;
    final int regionSlot;
    long key;
    int partsLeft;
    boolean failed;
    boolean writing;
    int lastCoordinator = -1;
    int lastApp = -1;

    Op(OperationMix.Kind kind, long startNs, int user, int regionSlot) {
      this.kind = kind;
      this.startNs = startNs;
      this.user = user;
      this.regionSlot = regionSlot;
    }
  }

  ClientActor(ClientSettings settings, ClientPopulation population, ClientPlace place) {
    this.settings = settings;
    this.population = population;
    this.routes = place.routes();
    this.fabric = place.routes().fabric();
    this.choice = place.choice();
    this.arrivals = new Arrivals(population.ratePerSecond(), population.shape());
    this.source = place.source();
    this.sources = place.sources();
    this.horizonNs = place.horizonNs();
    this.appTier = place.appTier();
  }

  @Override
  public void start(ActorContext<FabricMessage> ctx) {
    keys = settings.keys().source(source, sources, ctx.random());
    String region = population.region();
    counters = new Counter[StoreClients.COUNTERS.size()];
    for (int i = 0; i < counters.length; i++) {
      counters[i] = ctx.metrics().counter(StoreClients.counter(region, StoreClients.COUNTERS.get(i)));
    }
    latencyUs = ctx.metrics().histogram(StoreClients.LATENCY_US);
    regionLatencyUs = ctx.metrics().histogram(StoreClients.latencyUs(region));
    if (population.closedLoop()) {
      for (int user = 0; user < population.clients(); user++) think(user, ctx);
    } else {
      scheduleArrival(ctx);
    }
  }

  @Override
  public void receive(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof StoreProtocol.ClientResponse response) {
      onResponse(response, ctx);
    } else if (message instanceof ClientProtocol.NextArrival) {
      begin(-1, ctx);
      scheduleArrival(ctx);
    } else if (message instanceof ClientProtocol.ThinkDone done) {
      begin(done.user(), ctx);
    } else if (message instanceof ClientProtocol.TimeoutsDue) {
      onTimeoutsDue(ctx);
    } else if (message instanceof ScalingProtocol.AppInService change && appTier != null) {
      appTier.balancer().inService(change.app(), change.inService());
    } else {
      throw new IllegalStateException("client " + ctx.self().path() + " cannot handle " + message + " at t=" + ctx.now() + " ns");
    }
  }

  private void scheduleArrival(ActorContext<FabricMessage> ctx) {
    long at = arrivals.next(ctx.now(), horizonNs, ctx.random());
    if (at != Long.MAX_VALUE) ctx.schedule(NEXT, at - ctx.now());
  }

  private void think(int user, ActorContext<FabricMessage> ctx) {
    long thinkNs = population.thinkTimeNs() == 0 ? 0 : (long) ctx.random().exponential(population.thinkTimeNs());
    if (ctx.now() + thinkNs < horizonNs) ctx.schedule(new ClientProtocol.ThinkDone(user), thinkNs);
  }

  /** A new request of user {@code user} (-1 in an open loop): its kind from the mix, its keys from the chooser. */
  private void begin(int user, ActorContext<FabricMessage> ctx) {
    long id = nextOp++;
    Op op = new Op(settings.mix().draw(ctx.random().nextDouble()), ctx.now(), user, slot(ctx.now()));
    counters[0].increment();
    ops.put(id, op);
    deadlines.add(id, ctx.now() + settings.requestTimeoutNs());
    if (!armed) arm(ctx);
    op.key = op.kind == OperationMix.Kind.INSERT ? keys.insertKey() : keys.next();
    boolean read = op.kind != OperationMix.Kind.UPDATE && op.kind != OperationMix.Kind.INSERT;
    op.partsLeft = op.kind == OperationMix.Kind.SCAN && appTier == null
        ? 1 + ctx.random().nextInt(settings.mix().scanLengthMax()) : 1;
    int parts = op.partsLeft;
    for (int part = 0; part < parts && ops.get(id) != null; part++) send(id, op, part, read, op.key + part, ctx);
  }

  /**
   * Sends one part of {@code op} to an app server when there is an app tier (a whole request is one
   * part there), else to a coordinator; fails the part at once when none is available.
   */
  private void send(long id, Op op, int part, boolean read, long key, ActorContext<FabricMessage> ctx) {
    if (appTier != null) {
      sendToApp(id, op, read, ctx);
      return;
    }
    int coordinator = choice.pick(key, routes.region(op.regionSlot), ctx.now(), ctx.random());
    if (coordinator < 0) {
      if (op.regionSlot == using) failover(ctx.now());
      onPart(id, op, false, ctx);
      return;
    }
    op.lastCoordinator = coordinator;
    long delayNs = routes.delayNs(coordinator);
    ctx.send(fabric.serverRef(coordinator),
        new StoreProtocol.ClientRequest(ctx.self(), (id << ClientSettings.PARTS_BITS) | part, read, key, delayNs), delayNs);
  }

  private void sendToApp(long id, Op op, boolean read, ActorContext<FabricMessage> ctx) {
    int a = appTier.balancer().pick(routes.region(op.regionSlot), ctx.now());
    if (a < 0) {
      if (op.regionSlot == using) failover(ctx.now());
      onPart(id, op, false, ctx);
      return;
    }
    op.lastApp = a;
    long delayNs = appTier.delayNs()[a];
    ctx.send(appTier.refs().get(a),
        new StoreProtocol.ClientRequest(ctx.self(), id << ClientSettings.PARTS_BITS, read, op.key, delayNs), delayNs);
  }

  private void onResponse(StoreProtocol.ClientResponse response, ActorContext<FabricMessage> ctx) {
    long id = response.requestId() >>> ClientSettings.PARTS_BITS;
    Op op = ops.get(id);
    if (op == null) return;
    appDone(op);
    if (response.ok() && op.lastCoordinator >= 0) choice.succeeded(op.lastCoordinator);
    onPart(id, op, response.ok(), ctx);
  }

  /** The app server of {@code op}'s request in flight is done with it (answered or timed out). */
  private void appDone(Op op) {
    if (op.lastApp < 0) return;
    appTier.balancer().done(op.lastApp);
    op.lastApp = -1;
  }

  private void onPart(long id, Op op, boolean ok, ActorContext<FabricMessage> ctx) {
    op.failed |= !ok;
    if (--op.partsLeft > 0) return;
    if (op.kind == OperationMix.Kind.READ_MODIFY_WRITE && !op.writing && !op.failed) {
      op.writing = true;
      op.partsLeft = 1;
      send(id, op, 0, false, op.key, ctx);
      return;
    }
    finish(id, op, !op.failed, ctx);
  }

  private void finish(long id, Op op, boolean ok, ActorContext<FabricMessage> ctx) {
    ops.remove(id);
    if (ok) {
      counters[1].increment();
      long us = (ctx.now() - op.startNs) / 1_000;
      latencyUs.recordValue(us);
      regionLatencyUs.recordValue(us);
      if (op.regionSlot == using) consecutiveFailures = 0;
    } else {
      counters[2].increment();
      if (op.regionSlot == using && ++consecutiveFailures >= settings.failoverAfter()) failover(ctx.now());
    }
    if (op.user >= 0) think(op.user, ctx);
  }

  /** The region slot in use now: back to the home region once its retry time has come. */
  private int slot(long nowNs) {
    if (using != 0 && nowNs >= homeRetryAtNs) {
      using = 0;
      consecutiveFailures = 0;
      choice.forgive(routes.region(0));
    }
    return using;
  }

  /** The clients move on to the next region by RTT (wrapping around), and retry their own later. */
  private void failover(long nowNs) {
    if (routes.regionCount() == 1) return;
    using = (using + 1) % routes.regionCount();
    consecutiveFailures = 0;
    homeRetryAtNs = nowNs + settings.failbackNs();
    choice.forgive(routes.region(using));
    counters[3].increment();
  }

  private void onTimeoutsDue(ActorContext<FabricMessage> ctx) {
    armed = false;
    for (long id = deadlines.popDue(ctx.now(), this::live); id >= 0; id = deadlines.popDue(ctx.now(), this::live)) {
      Op op = ops.get(id);
      if (op.lastCoordinator >= 0) choice.avoid(op.lastCoordinator, ctx.now(), settings.failbackNs());
      if (op.lastApp >= 0) appTier.balancer().avoid(op.lastApp, ctx.now() + settings.failbackNs());
      appDone(op);
      finish(id, op, false, ctx);
    }
    arm(ctx);
  }

  private boolean live(long id) {
    return ops.get(id) != null;
  }

  /** Sets the timer for the oldest request still in flight, if any. */
  private void arm(ActorContext<FabricMessage> ctx) {
    long headNs = deadlines.headNs(this::live);
    if (headNs == Deadlines.NONE) return;
    armed = true;
    ctx.schedule(TIMEOUTS, headNs - ctx.now());
  }
}
