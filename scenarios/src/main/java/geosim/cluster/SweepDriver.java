package geosim.cluster;

import geosim.cluster.SweepProtocol.DriverCommand;
import geosim.cluster.SweepProtocol.RunUnit;
import geosim.cluster.SweepProtocol.UnitDone;
import geosim.cluster.SweepProtocol.UnitFailed;
import geosim.cluster.SweepProtocol.WorkRequest;
import geosim.cluster.SweepProtocol.WorkerCommand;
import geosim.sweep.SweepRunner.Unit;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * The driver of a distributed sweep: holds the units still to run and hands one to each worker
 * slot that asks ({@link WorkRequest}); a request that finds the queue empty is kept, so a unit
 * that comes back later is handed out at once. It death-watches every worker that asked: when
 * a worker's member is downed (split-brain resolver) and removed, the units it was running go
 * back to the front of the queue. Each unit's summary is written once, by this actor, whatever
 * arrives twice. With no worker in the cluster it says so and waits at most {@code timeout}.
 */
public final class SweepDriver {
  /** The driver registers under this key; workers pull from the drivers they find under it. */
  public static final ServiceKey<DriverCommand> KEY = ServiceKey.create(DriverCommand.class, "geosim-sweep-driver");

  /** A unit and its resolved scenario text, ready to send. */
  public record Pending(Unit unit, String resolvedText) {}

  /** Writes a finished unit's summary (atomically, into the sweep folder). */
  public interface Sink {
    void write(Unit unit, String summaryJson) throws IOException;
  }

  /**
   * What a driver needs.
   *
   * @param scenarioName the scenario file as the user named it
   * @param timeout how long to wait while no worker is in the cluster before failing
   * @param done completed when every unit is written; completed exceptionally on a failure
   */
  public record Settings(String scenarioName, List<Pending> units, Sink sink, Duration timeout, PrintStream log,
      CompletableFuture<Void> done) {
    public Settings {
      units = List.copyOf(units);
    }
  }

  private record WorkerGone(ActorRef<WorkerCommand> worker) implements DriverCommand {}

  private record WorkersChanged(Receptionist.Listing listing) implements DriverCommand {}

  private record NoWorkerTimeout() implements DriverCommand {}

  private final ActorContext<DriverCommand> ctx;
  private final TimerScheduler<DriverCommand> timers;
  private final Settings settings;
  private final ArrayDeque<Pending> queue;
  private final Map<Unit, Pending> byUnit = new LinkedHashMap<>();
  private final Map<Unit, ActorRef<WorkerCommand>> running = new LinkedHashMap<>();
  private final ArrayDeque<ActorRef<WorkerCommand>> idle = new ArrayDeque<>();
  private final Set<ActorRef<WorkerCommand>> watched = new HashSet<>();
  private final Set<Unit> written = new HashSet<>();
  private int workers = -1;

  private SweepDriver(ActorContext<DriverCommand> ctx, TimerScheduler<DriverCommand> timers, Settings settings) {
    this.ctx = ctx;
    this.timers = timers;
    this.settings = settings;
    this.queue = new ArrayDeque<>(settings.units());
    for (Pending p : settings.units()) byUnit.put(p.unit(), p);
  }

  public static Behavior<DriverCommand> create(Settings settings) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
      ActorRef<Receptionist.Listing> listings = ctx.messageAdapter(Receptionist.Listing.class, WorkersChanged::new);
      ctx.getSystem().receptionist().tell(Receptionist.subscribe(SweepWorker.KEY, listings));
      SweepDriver driver = new SweepDriver(ctx, timers, settings);
      driver.awaitWorkers("waiting up to " + human(settings.timeout()) + " for a worker to join the cluster");
      return driver.behavior();
    }));
  }

  private Behavior<DriverCommand> behavior() {
    return Behaviors.receive(DriverCommand.class)
        .onMessage(WorkRequest.class, this::onWorkRequest)
        .onMessage(UnitDone.class, this::onUnitDone)
        .onMessage(UnitFailed.class, this::onUnitFailed)
        .onMessage(WorkerGone.class, this::onWorkerGone)
        .onMessage(WorkersChanged.class, this::onWorkersChanged)
        .onMessage(NoWorkerTimeout.class, t -> onNoWorkerTimeout())
        .build();
  }

  private Behavior<DriverCommand> onWorkRequest(WorkRequest request) {
    if (watched.add(request.worker())) ctx.watchWith(request.worker(), new WorkerGone(request.worker()));
    idle.add(request.worker());
    dispatch();
    return Behaviors.same();
  }

  private void dispatch() {
    while (!queue.isEmpty() && !idle.isEmpty()) {
      ActorRef<WorkerCommand> worker = idle.poll();
      Pending next = queue.poll();
      running.put(next.unit(), worker);
      worker.tell(new RunUnit(next.unit().point(), next.unit().replication(), settings.scenarioName(),
          next.resolvedText(), ctx.getSelf()));
    }
  }

  private Behavior<DriverCommand> onUnitDone(UnitDone done) throws IOException {
    Unit unit = new Unit(done.point(), done.replication());
    running.remove(unit);
    queue.remove(byUnit.get(unit)); // a late answer from a worker thought dead
    if (!written.add(unit)) return Behaviors.same();
    settings.sink().write(unit, done.summaryJson());
    settings.log().printf("geosim: point %d replication %d done on %s (%d of %d)%n", unit.point(),
        unit.replication(), done.worker().path().address(), written.size(), settings.units().size());
    if (written.size() < settings.units().size()) return Behaviors.same();
    settings.done().complete(null);
    return finished();
  }

  private Behavior<DriverCommand> onUnitFailed(UnitFailed failed) {
    settings.done().completeExceptionally(new IllegalStateException("point " + failed.point() + " replication "
        + failed.replication() + " failed on " + failed.worker().path().address() + ": " + failed.message()));
    return finished();
  }

  /** A worker's member was removed (or the worker stopped): its units run again elsewhere. */
  private Behavior<DriverCommand> onWorkerGone(WorkerGone gone) {
    watched.remove(gone.worker());
    idle.removeIf(gone.worker()::equals);
    List<Unit> lost = new ArrayList<>();
    running.forEach((unit, worker) -> {
      if (worker.equals(gone.worker())) lost.add(unit);
    });
    for (int i = lost.size() - 1; i >= 0; i--) {
      running.remove(lost.get(i));
      queue.addFirst(byUnit.get(lost.get(i)));
    }
    settings.log().printf("geosim: worker %s left the cluster%s%n", gone.worker().path().address(),
        lost.isEmpty() ? "" : "; re-running its " + describe(lost) + " elsewhere");
    dispatch();
    return Behaviors.same();
  }

  private Behavior<DriverCommand> onWorkersChanged(WorkersChanged changed) {
    int now = changed.listing().getServiceInstances(SweepWorker.KEY).size();
    if (now == workers) return Behaviors.same();
    boolean first = workers < 0;
    workers = now;
    if (now == 0 && !first) {
      awaitWorkers("no worker left in the cluster; " + (settings.units().size() - written.size())
          + " unit(s) to run; waiting up to " + human(settings.timeout()) + " for a worker to join");
    } else if (now > 0) {
      timers.cancel(NoWorkerTimeout.class);
      settings.log().printf("geosim: %d worker(s) in the cluster%n", now);
    }
    return Behaviors.same();
  }

  private void awaitWorkers(String message) {
    settings.log().println("geosim: " + message + " (start one with: ./geosim cluster worker --seed-node HOST:PORT)");
    timers.startSingleTimer(NoWorkerTimeout.class, new NoWorkerTimeout(), settings.timeout());
  }

  private Behavior<DriverCommand> onNoWorkerTimeout() {
    settings.done().completeExceptionally(new NoWorkerException("no worker in the cluster for "
        + human(settings.timeout()) + "; " + written.size() + " of " + settings.units().size()
        + " unit(s) written; run the same command again to resume (--cluster-timeout sets the wait)"));
    return finished();
  }

  /**
   * Ignores whatever still arrives. The driver is its system's guardian: stopping it would
   * terminate the system under the graceful leave that {@link ClusterSweep} runs next.
   */
  private static Behavior<DriverCommand> finished() {
    return Behaviors.ignore();
  }

  private static String describe(List<Unit> units) {
    List<String> parts = new ArrayList<>();
    for (Unit u : units) parts.add("point " + u.point() + " replication " + u.replication());
    return String.join(", ", parts);
  }

  static String human(Duration d) {
    return d.toSeconds() % 60 == 0 && d.toSeconds() > 0 ? d.toMinutes() + " min" : d.toMillis() / 1000.0 + " s";
  }

  /** The sweep waited {@code --cluster-timeout} without any worker. */
  public static final class NoWorkerException extends RuntimeException {
    NoWorkerException(String message) {
      super(message);
    }
  }
}
