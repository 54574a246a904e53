package geosim.cluster;

import geosim.cluster.SweepProtocol.DriverCommand;
import geosim.cluster.SweepProtocol.RunUnit;
import geosim.cluster.SweepProtocol.UnitDone;
import geosim.cluster.SweepProtocol.UnitFailed;
import geosim.cluster.SweepProtocol.WorkRequest;
import geosim.cluster.SweepProtocol.WorkerCommand;
import geosim.kernel.KernelRuntime;
import geosim.scenario.ScenarioLoader;
import geosim.sweep.SweepRunner;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * A worker member's actor: {@code slots} runs at a time, pulled from the sweep driver that the
 * receptionist lists (the first by address when several sweeps run; the others are served when it
 * leaves). It asks for one unit per free slot ({@link WorkRequest}), runs each on its own thread
 * exactly as {@link SweepRunner} runs a replication, and answers with the summary's JSON.
 */
public final class SweepWorker {
  /** Workers register under this key; the driver watches the listing to know whether any is left. */
  public static final ServiceKey<WorkerCommand> KEY = ServiceKey.create(WorkerCommand.class, "geosim-sweep-worker");

  private record DriversChanged(Receptionist.Listing listing) implements WorkerCommand {}

  private record Finished(RunUnit unit, String summaryJson, Throwable failure) implements WorkerCommand {}

  private final ActorContext<WorkerCommand> ctx;
  private final int slots;
  private final PrintStream out;
  private final ExecutorService threads;
  private final KernelRuntime runtime = new KernelRuntime();
  private ActorRef<DriverCommand> driver;
  private int busy;

  private SweepWorker(ActorContext<WorkerCommand> ctx, int slots, PrintStream out) {
    this.ctx = ctx;
    this.slots = slots;
    this.out = out;
    this.threads = Executors.newFixedThreadPool(slots);
  }

  /** A worker with {@code slots} >= 1 runs at a time; {@code out} gets a line per unit. */
  public static Behavior<WorkerCommand> create(int slots, PrintStream out) {
    if (slots < 1) throw new IllegalArgumentException("slots must be >= 1, got " + slots);
    return Behaviors.setup(ctx -> {
      ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
      ActorRef<Receptionist.Listing> listings = ctx.messageAdapter(Receptionist.Listing.class, DriversChanged::new);
      ctx.getSystem().receptionist().tell(Receptionist.subscribe(SweepDriver.KEY, listings));
      return new SweepWorker(ctx, slots, out).behavior();
    });
  }

  private Behavior<WorkerCommand> behavior() {
    return Behaviors.receive(WorkerCommand.class)
        .onMessage(DriversChanged.class, this::onDriversChanged)
        .onMessage(RunUnit.class, this::onRunUnit)
        .onMessage(Finished.class, this::onFinished)
        .onSignal(PostStop.class, s -> stop())
        .build();
  }

  /** Follows the first driver by address; a new one gets a request per free slot. */
  private Behavior<WorkerCommand> onDriversChanged(DriversChanged changed) {
    List<ActorRef<DriverCommand>> drivers = changed.listing().getServiceInstances(SweepDriver.KEY).stream()
        .sorted(Comparator.comparing(ref -> ref.path().toString())).toList();
    ActorRef<DriverCommand> first = drivers.isEmpty() ? null : drivers.get(0);
    if (first != null && !first.equals(driver)) {
      driver = first;
      for (int i = busy; i < slots; i++) driver.tell(new WorkRequest(ctx.getSelf()));
    } else if (first == null) {
      driver = null;
    }
    return Behaviors.same();
  }

  private Behavior<WorkerCommand> onRunUnit(RunUnit unit) {
    busy++;
    out.printf("geosim: worker running point %d replication %d%n", unit.point(), unit.replication());
    CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
      try {
        return SweepRunner.summaryJson(ScenarioLoader.parse(unit.scenarioName(), unit.resolvedText(), List.of()),
            runtime);
      } catch (Exception e) {
        throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
      }
    }, threads);
    ctx.pipeToSelf(run, (json, failure) -> new Finished(unit, json, failure));
    return Behaviors.same();
  }

  private Behavior<WorkerCommand> onFinished(Finished finished) {
    busy--;
    RunUnit unit = finished.unit();
    if (finished.failure() == null) {
      unit.driver().tell(new UnitDone(unit.point(), unit.replication(), finished.summaryJson(), ctx.getSelf()));
    } else {
      Throwable cause = finished.failure().getCause() != null ? finished.failure().getCause() : finished.failure();
      unit.driver().tell(new UnitFailed(unit.point(), unit.replication(), String.valueOf(cause.getMessage()),
          ctx.getSelf()));
    }
    if (driver != null) driver.tell(new WorkRequest(ctx.getSelf()));
    return Behaviors.same();
  }

  private Behavior<WorkerCommand> stop() {
    threads.shutdownNow();
    runtime.close();
    return Behaviors.same();
  }
}
