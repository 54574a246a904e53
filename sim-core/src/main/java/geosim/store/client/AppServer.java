package geosim.store.client;

import geosim.fabric.Fabric;
import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Deadlines;
import geosim.kernel.IdTable;
import geosim.kernel.SimActor;
import geosim.node.Cpu;
import geosim.relational.RelationalProtocol;
import geosim.store.cache.CacheProtocol;
import geosim.store.node.ScalingProtocol;
import geosim.store.node.StoreProtocol;
import geosim.store.objects.ObjectStoreProtocol;

/**
 * A stateless app server ({@link AppSettings}) of one region: a client's request ({@code
 * StoreProtocol.ClientRequest}) waits for a core, costs its CPU time, then the app server sends its
 * store calls to coordinators of its own region, token-aware, and answers the client once all have
 * answered ({@code StoreProtocol.ClientResponse}, ok if all were). A store call unanswered after
 * half the clients' request timeout fails (so that the app server answers before its client gives
 * up on it; assumption: still above the store's own timeouts with the defaults), and its
 * coordinator is avoided as a client does ({@link CoordinatorChoice}). It keeps no data.
 *
 * <p>With a cache tier ({@link CacheAccess}) it caches look-aside, as memcached's users do [1]: a
 * read asks the cache server that holds its key; a hit answers it, a miss reads the store and then
 * sets the value in the cache. A write goes to the store and then deletes the key from the cache.
 *
 * <p>[1] R. Nishtala et al., "Scaling Memcache at Facebook", NSDI 2013, section 2 (a demand-filled
 * look-aside cache; on a write, the web server deletes the key rather than updating it).
 *
 * <p>With an object store ({@link ObjectAccess}) each request also makes its object calls in
 * parallel with the store calls, on keys from the client's key: a get for a read, a put for a write.
 *
 * <p>With a database ({@link DatabaseAccess}) each request also makes its database calls, on keys
 * from the client's key: a read at a replica of the key's shard, a write at its primary; with a
 * cache tier they are cached look-aside like store reads. It follows a failover of a shard's primary
 * when the failover manager tells it ({@code RelationalProtocol.NewPrimary}); until then a call to
 * the crashed primary is unanswered and fails at the database's timeout, failing the request. A
 * request's parts are numbered store calls first, then database calls, then object calls.
 *
 * <p>With an app autoscaler ({@code geosim.autoscale}) it is a slot: it answers the autoscaler's
 * probes with its CPU time, and on a scale-in drains (its clients no longer send to it; it answers
 * what it has, then reports itself stopped), as Elastic Load Balancing's connection draining [2].
 *
 * <p>[2] AWS Elastic Load Balancing, "Deregistration delay" (connection draining): the load balancer
 * stops sending new requests to a deregistering target and lets requests in flight complete.
 */
final class AppServer implements SimActor<FabricMessage> {
  private static final AppProtocol.TimeoutsDue TIMEOUTS = new AppProtocol.TimeoutsDue();
  private static final long PART_MASK = (1L << ClientSettings.PARTS_BITS) - 1;

  private final AppSettings app;
  private final ClientSettings settings;
  private final String region;
  private final ClientRoutes routes;
  private final Fabric fabric;
  private final CoordinatorChoice choice;
  private final CacheAccess cache;
  private final ObjectAccess objects;
  private final DatabaseAccess database;
  private final Cpu cpu;
  private final IdTable<Call> calls = new IdTable<>();
  private final Deadlines deadlines = new Deadlines();
  private boolean armed;
  private ScalingProtocol.Release draining; // the scale-in under way, or null
  private long nextId;
  private long sampledBusyNs;
  private Counter requests;
  private Counter failed;

  /** A client request being served: its store calls still to answer, and whether one failed. */
  private static final class Call {
    final StoreProtocol.ClientRequest request;
    int left;
    boolean failed;
    int lastCoordinator = -1;

    Call(StoreProtocol.ClientRequest request) {
      this.request = request;
    }
  }

  /**
   * @param routes delays from this app server to the store servers; its region is {@code routes.region(0)}
   * @param backends its region's cache servers and object store endpoint, each null without one
   */
  AppServer(AppSettings app, ClientSettings settings, ClientRoutes routes, CoordinatorChoice choice,
      AppServerBackends backends) {
    this.app = app;
    this.settings = settings;
    this.routes = routes;
    this.fabric = routes.fabric();
    this.region = fabric.regionName(routes.region(0));
    this.choice = choice;
    this.cache = backends.cache();
    this.objects = backends.objects();
    this.database = backends.database();
    this.cpu = new Cpu(app.cores());
  }

  @Override
  public void start(ActorContext<FabricMessage> ctx) {
    requests = ctx.metrics().counter(StoreClients.appCounter(region, "requests"));
    failed = ctx.metrics().counter(StoreClients.appCounter(region, StoreClients.APP_FAILED));
    if (database != null) database.start(ctx);
    Counter busy = ctx.metrics().counter(StoreClients.appCounter(region, StoreClients.APP_BUSY_CORE_NS));
    ctx.metrics().sampleAtSnapshots(atNs -> {
      long now = cpu.busyCoreNs(atNs);
      busy.add(now - sampledBusyNs);
      sampledBusyNs = now;
    });
  }

  @Override
  public void receive(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof StoreProtocol.ClientRequest request) {
      requests.increment();
      long id = nextId++;
      calls.put(id, new Call(request));
      long doneNs = cpu.submit(ctx.now(), app.serviceTimeNs(ctx.random()));
      ctx.schedule(new AppProtocol.Served(id), doneNs - ctx.now());
    } else if (message instanceof AppProtocol.Served served) {
      callStore(served.id(), ctx);
    } else if (message instanceof StoreProtocol.ClientResponse response) {
      long id = response.requestId() >>> ClientSettings.PARTS_BITS;
      Call call = calls.get(id);
      if (call == null) return;
      if (response.ok() && call.lastCoordinator >= 0) choice.succeeded(call.lastCoordinator);
      if (cache != null) updateCache(call, (int) (response.requestId() & PART_MASK), response.ok(), ctx);
      answered(id, call, response.ok(), ctx);
    } else if (message instanceof CacheProtocol.GetResult result) {
      onCacheResult(result, ctx);
    } else if (message instanceof ObjectStoreProtocol.Done done) {
      Call call = calls.get(done.tag() >>> ClientSettings.PARTS_BITS);
      if (call != null) answered(done.tag() >>> ClientSettings.PARTS_BITS, call, true, ctx);
    } else if (message instanceof RelationalProtocol.ReadResult result) {
      database.readAnswered(result);
      onDatabaseAnswer(result.id(), ctx);
    } else if (message instanceof RelationalProtocol.WriteAck ack) {
      database.writeAcknowledged(ack);
      onDatabaseAnswer(ack.id(), ctx);
    } else if (message instanceof RelationalProtocol.NewPrimary np) {
      database.follow(np);
    } else if (message instanceof AppProtocol.TimeoutsDue) {
      onTimeoutsDue(ctx);
    } else if (message instanceof ScalingProtocol.ScalingMessage scaling) {
      onScaling(scaling, ctx);
    } else if (message instanceof AppProtocol.DatabaseTimeoutsDue) {
      database.timeoutsDue(ctx, tag -> {
        Call call = calls.get(tag >>> ClientSettings.PARTS_BITS);
        if (call != null) answered(tag >>> ClientSettings.PARTS_BITS, call, false, ctx);
      });
    } else {
      throw new IllegalStateException("app server " + ctx.self().path() + " cannot handle " + message + " at t="
          + ctx.now() + " ns");
    }
  }

  /** The CPU work is done: the store calls go out (or, with none, the answer); reads ask the cache first. */
  private void callStore(long id, ActorContext<FabricMessage> ctx) {
    Call call = calls.get(id);
    int backendCalls = app.storeCalls() + app.databaseCalls();
    int parts = backendCalls + app.objectCalls();
    call.left = Math.max(1, parts);
    if (parts == 0) {
      answered(id, call, true, ctx);
      return;
    }
    deadlines.add(id, ctx.now() + settings.requestTimeoutNs() / 2);
    if (!armed) arm(ctx);
    for (int i = 0; i < backendCalls && calls.get(id) != null; i++) {
      if (cache != null && call.request.read()) {
        askCache(id, i, keyOf(call, i), ctx);
      } else {
        sendToBackend(id, i, call, ctx);
      }
    }
    for (int i = backendCalls; i < parts && calls.get(id) != null; i++) {
      StoreProtocol.ClientRequest r = call.request;
      ctx.send(objects.ref(), new ObjectStoreProtocol.Call(ctx.self(), tag(id, i), r.key() + i - backendCalls,
          !r.read(), objects.delayNs()), objects.delayNs());
    }
  }

  /** Look-aside caching: a read's key is first looked up on the cache server that holds it. */
  private void askCache(long id, int part, long key, ActorContext<FabricMessage> ctx) {
    int server = cache.serverOf(key);
    long delayNs = cache.delayNs()[server];
    ctx.send(cache.refs().get(server), new CacheProtocol.Get(ctx.self(), tag(id, part), key, delayNs), delayNs);
  }

  /** The key of part {@code part} (a store or database call): consecutive keys from the client's, per backend. */
  private long keyOf(Call call, int part) {
    return call.request.key() + (part < app.storeCalls() ? part : part - app.storeCalls());
  }

  /** Part {@code part} goes to the store (the first storeCalls parts) or to the database. */
  private void sendToBackend(long id, int part, Call call, ActorContext<FabricMessage> ctx) {
    if (part < app.storeCalls()) {
      sendToStore(id, part, call, ctx);
    } else {
      database.send(tag(id, part), keyOf(call, part), call.request.read(), ctx);
    }
  }

  /** A database call answered (an answer is a success: a failed call is one that never answers). */
  private void onDatabaseAnswer(long tag, ActorContext<FabricMessage> ctx) {
    long id = tag >>> ClientSettings.PARTS_BITS;
    Call call = calls.get(id);
    if (call == null) return;
    if (cache != null) updateCache(call, (int) (tag & PART_MASK), true, ctx);
    answered(id, call, true, ctx);
  }

  private void sendToStore(long id, int part, Call call, ActorContext<FabricMessage> ctx) {
    StoreProtocol.ClientRequest r = call.request;
    int coordinator = choice.pick(r.key() + part, routes.region(0), ctx.now(), ctx.random());
    if (coordinator < 0) {
      answered(id, call, false, ctx);
      return;
    }
    call.lastCoordinator = coordinator;
    long delayNs = routes.delayNs(coordinator);
    ctx.send(fabric.serverRef(coordinator),
        new StoreProtocol.ClientRequest(ctx.self(), tag(id, part), r.read(), r.key() + part, delayNs), delayNs);
  }

  /**
   * After the store answered part {@code part}: a read missed the cache, so its value is set there
   * (if the store had it); a write deletes the key's cached value (memcached's invalidation on
   * update, rather than a set, so that racing writers cannot leave an older value cached).
   */
  private void updateCache(Call call, int part, boolean ok, ActorContext<FabricMessage> ctx) {
    if (call.request.read() && !ok) return;
    long key = keyOf(call, part);
    int server = cache.serverOf(key);
    FabricMessage update = call.request.read() ? new CacheProtocol.Set(key) : new CacheProtocol.Delete(key);
    ctx.send(cache.refs().get(server), update, cache.delayNs()[server]);
  }

  private static long tag(long id, int part) {
    return (id << ClientSettings.PARTS_BITS) | part;
  }

  private void onCacheResult(CacheProtocol.GetResult result, ActorContext<FabricMessage> ctx) {
    long id = result.tag() >>> ClientSettings.PARTS_BITS;
    Call call = calls.get(id);
    if (call == null) return;
    if (result.hit()) {
      answered(id, call, true, ctx);
    } else {
      sendToBackend(id, (int) (result.tag() & PART_MASK), call, ctx);
    }
  }

  private void answered(long id, Call call, boolean ok, ActorContext<FabricMessage> ctx) {
    call.failed |= !ok;
    if (--call.left > 0) return;
    calls.remove(id);
    if (call.failed) failed.increment();
    StoreProtocol.ClientRequest r = call.request;
    ctx.send(r.client(), new StoreProtocol.ClientResponse(r.requestId(), !call.failed), r.replyDelayNs());
    stopIfDrained(ctx);
  }

  /**
   * An autoscaler's probe (the CPU busy time so far), provisioning (nothing to do: its clients are
   * told to use it) or scale-in: it drains, and reports it stopped once its last request is answered.
   */
  private void onScaling(ScalingProtocol.ScalingMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof ScalingProtocol.Probe probe) {
      ctx.send(probe.autoscaler(), new ScalingProtocol.Load(probe.slot(), cpu.busyCoreNs(ctx.now()), cpu.cores()),
          probe.replyDelayNs());
    } else if (message instanceof ScalingProtocol.Release release) {
      draining = release;
      stopIfDrained(ctx);
    } else if (!(message instanceof ScalingProtocol.Provision)) {
      throw new IllegalStateException("app server " + ctx.self().path() + " cannot handle " + message);
    }
  }

  /** A draining app server with nothing in flight stops. */
  private void stopIfDrained(ActorContext<FabricMessage> ctx) {
    if (draining == null || calls.size() > 0) return;
    ctx.send(draining.autoscaler(), new ScalingProtocol.Stopped(draining.slot()), draining.replyDelayNs());
    draining = null;
  }

  private void onTimeoutsDue(ActorContext<FabricMessage> ctx) {
    armed = false;
    for (long id = deadlines.popDue(ctx.now(), this::live); id >= 0; id = deadlines.popDue(ctx.now(), this::live)) {
      Call call = calls.get(id);
      if (call.lastCoordinator >= 0) choice.avoid(call.lastCoordinator, ctx.now(), settings.failbackNs());
      for (int part = app.storeCalls(); database != null && part < app.storeCalls() + app.databaseCalls(); part++) {
        database.timedOut(tag(id, part));
      }
      call.left = 1;
      answered(id, call, false, ctx);
    }
    arm(ctx);
  }

  private boolean live(long id) {
    return calls.get(id) != null;
  }

  private void arm(ActorContext<FabricMessage> ctx) {
    long headNs = deadlines.headNs(this::live);
    if (headNs == Deadlines.NONE) return;
    armed = true;
    ctx.schedule(TIMEOUTS, headNs - ctx.now());
  }
}
