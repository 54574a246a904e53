package geosim.cluster;

import geosim.cluster.RunProtocol.HostCommand;
import geosim.cluster.RunProtocol.HostPartitions;
import geosim.cluster.RunProtocol.HostingFailed;
import geosim.cluster.RunProtocol.PartitionsHosted;
import geosim.cluster.RunProtocol.RunDriverCommand;
import geosim.scenario.EndState;
import geosim.scenario.Simulation;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * Places a distributed run's partitions: waits until {@code workers} partition hosts are listed
 * by the receptionist, gives partition {@code p} to the {@code p mod n}-th host by address, and
 * completes {@link Settings#placed} with each partition's remote actor once every host answered.
 * Everything from joining the cluster to the last answer must fit in {@code timeout}; a host that
 * leaves or fails meanwhile fails the placement with its address. Once placed, the kernel's
 * coordinator (in this member's actor system) death-watches the partition actors itself. After the
 * run, {@link CollectEndState} gathers the hosts' end states ({@link EndStateCollector}); a host
 * that fails, leaves or stays silent longer than the given timeout fails that step, naming it.
 */
public final class RunDriver {
  /**
   * What a run's driver needs.
   *
   * @param partitions the partitions the driver's kernel has
   * @param workers hosts to wait for before placing (partitions are spread over all listed then)
   * @param placed completed with the actor of each partition, by index; exceptionally on failure
   */
  public record Settings(String scenarioName, String resolvedText, int partitions, int workers, Duration timeout,
      PrintStream log, CompletableFuture<TreeMap<Integer, ActorRef<?>>> placed) {}

  private record HostsChanged(Receptionist.Listing listing) implements RunDriverCommand {}

  private record HostGone(ActorRef<HostCommand> host) implements RunDriverCommand {}

  private record PlacementTimeout() implements RunDriverCommand {}

  /**
   * After the run (local, never crosses JVMs): gather the hosts' end states at {@code endNs}
   * into {@code done}, each step within {@code timeout}.
   */
  record CollectEndState(long endNs, Simulation simulation, Duration timeout, CompletableFuture<EndState> done)
      implements RunDriverCommand {}

  private record CollectTimeout() implements RunDriverCommand {}

  private final ActorContext<RunDriverCommand> ctx;
  private final Settings settings;
  private final String runId = UUID.randomUUID().toString();
  private final TreeMap<Integer, ActorRef<?>> actors = new TreeMap<>();
  private final List<ActorRef<HostCommand>> used = new ArrayList<>();
  private boolean placing;
  private EndStateCollector collector;
  private CompletableFuture<EndState> collected;
  private Duration collectTimeout;

  private RunDriver(ActorContext<RunDriverCommand> ctx, Settings settings) {
    this.ctx = ctx;
    this.settings = settings;
  }

  public static Behavior<RunDriverCommand> create(Settings settings) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      ActorRef<Receptionist.Listing> listings = ctx.messageAdapter(Receptionist.Listing.class, HostsChanged::new);
      ctx.getSystem().receptionist().tell(Receptionist.subscribe(PartitionHost.KEY, listings));
      timers.startSingleTimer(new PlacementTimeout(), settings.timeout());
      settings.log().printf("geosim: waiting up to %s for %d worker(s) to host %d partition(s)%n",
          SweepDriver.human(settings.timeout()), settings.workers(), settings.partitions());
      return new RunDriver(ctx, settings).behavior(timers);
    }));
  }

  private Behavior<RunDriverCommand> behavior(TimerScheduler<RunDriverCommand> timers) {
    return Behaviors.receive(RunDriverCommand.class)
        .onMessage(HostsChanged.class, this::onHostsChanged)
        .onMessage(PartitionsHosted.class, hosted -> onHosted(hosted, timers))
        .onMessage(HostingFailed.class, f -> fail(new IllegalStateException("worker " + f.host().path().address()
            + " could not host its partitions: " + f.message())))
        .onMessage(HostGone.class, g -> fail(new IllegalStateException("worker " + g.host().path().address()
            + " left the cluster while the run's partitions were being placed")))
        .onMessage(PlacementTimeout.class, t -> onTimeout())
        .build();
  }

  private Behavior<RunDriverCommand> onHostsChanged(HostsChanged changed) {
    if (placing) return Behaviors.same();
    List<ActorRef<HostCommand>> hosts = new ArrayList<>(changed.listing().getServiceInstances(PartitionHost.KEY));
    if (hosts.size() < settings.workers()) return Behaviors.same();
    hosts.sort(Comparator.comparing(ref -> ref.path().toString()));
    placing = true;
    int count = Math.min(hosts.size(), settings.partitions());
    for (int h = 0; h < count; h++) {
      List<Integer> mine = new ArrayList<>();
      for (int p = h; p < settings.partitions(); p += count) mine.add(p);
      ActorRef<HostCommand> host = hosts.get(h);
      used.add(host);
      ctx.watchWith(host, new HostGone(host));
      host.tell(new HostPartitions(runId, settings.scenarioName(), settings.resolvedText(), settings.partitions(),
          mine, ctx.getSelf()));
      settings.log().printf("geosim: partition(s) %s on %s%n", mine, host.path().address());
    }
    return Behaviors.same();
  }

  private Behavior<RunDriverCommand> onHosted(PartitionsHosted hosted, TimerScheduler<RunDriverCommand> timers) {
    if (!hosted.runId().equals(runId)) return Behaviors.same();
    for (int i = 0; i < hosted.partitions().size(); i++) actors.put(hosted.partitions().get(i), hosted.actors().get(i));
    if (actors.size() < settings.partitions()) return Behaviors.same();
    timers.cancelAll();
    settings.placed().complete(new TreeMap<>(actors));
    return collecting(timers);
  }

  /** From here the coordinator watches the partition actors; this actor waits to gather the run's end state. */
  private Behavior<RunDriverCommand> collecting(TimerScheduler<RunDriverCommand> timers) {
    return Behaviors.receive(RunDriverCommand.class)
        .onMessage(CollectEndState.class, c -> onCollect(c, timers))
        .onMessage(RunProtocol.Chunk.class, c -> onChunk(c, timers))
        .onMessage(HostingFailed.class, f -> failCollecting("worker " + f.host().path().address() + ": " + f.message()))
        .onMessage(HostGone.class, g -> failCollecting("worker " + g.host().path().address()
            + " left the cluster before it had sent its partitions' end state"))
        .onMessage(CollectTimeout.class, t -> failCollecting("no " + collector.awaiting() + " within "
            + SweepDriver.human(collectTimeout) + " (--cluster-window-timeout sets the wait)"))
        .onAnyMessage(m -> Behaviors.same())
        .build();
  }

  private Behavior<RunDriverCommand> onCollect(CollectEndState c, TimerScheduler<RunDriverCommand> timers) {
    collected = c.done();
    collectTimeout = c.timeout();
    collector = new EndStateCollector(ctx, runId, used, c.simulation(), c.done(), settings.log());
    timers.startSingleTimer(new CollectTimeout(), c.timeout());
    collector.start(c.endNs());
    return Behaviors.same();
  }

  private Behavior<RunDriverCommand> onChunk(RunProtocol.Chunk c, TimerScheduler<RunDriverCommand> timers) {
    if (collector == null) return Behaviors.same();
    try {
      collector.onChunk(c);
    } catch (RuntimeException e) {
      return failCollecting("the end state from worker " + c.from().path().address() + " could not be read: " + e);
    }
    if (collected.isDone()) {
      timers.cancelAll();
    } else {
      timers.startSingleTimer(new CollectTimeout(), collectTimeout); // a piece came: the wait starts again
    }
    return Behaviors.same();
  }

  private Behavior<RunDriverCommand> failCollecting(String why) {
    if (collected != null && !collected.isDone()) {
      collected.completeExceptionally(new IllegalStateException("the run ended, but its end state could not be "
          + "gathered: " + why));
    }
    return Behaviors.same();
  }

  /** Placement failed: this actor ignores what still comes. */
  private static Behavior<RunDriverCommand> placed() {
    return Behaviors.ignore();
  }

  private Behavior<RunDriverCommand> onTimeout() {
    String what = placing ? "the workers did not report their partitions hosted"
        : "fewer than " + settings.workers() + " worker(s) joined the cluster";
    return fail(new SweepDriver.NoWorkerException(what + " within " + SweepDriver.human(settings.timeout())
        + " (--cluster-timeout sets the wait; start workers with: ./geosim cluster worker --seed-node HOST:PORT)"));
  }

  private Behavior<RunDriverCommand> fail(RuntimeException e) {
    settings.placed().completeExceptionally(e);
    return placed();
  }
}
