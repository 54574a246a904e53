package geosim.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The Pekko typed actor that advances a run in conservative windows [1], [2].
 *
 * <p>Each window is {@code [T, min(T + L, B))}: T is the earliest pending event anywhere (so idle
 * stretches are jumped), L the lookahead and B the next snapshot boundary. Inside a window no
 * partition can receive an event from another, because every message between partition units
 * takes at least L; so all partitions run their windows in parallel, then hand the events they
 * made for each other to the coordinator, which delivers them with the next window. The window
 * sequence depends only on event times, L and the boundaries, never on the partitioning, so
 * neither do the results.
 *
 * <p>Under {@link Sync#CHANNELS} the windows span {@link KernelSettings#windowNs()} (16
 * lookaheads), the partitions trade events and promises directly inside one ({@link
 * ChannelSync}), and each reports only at the window's end.
 *
 * <p>[1] Chandy, Misra: Distributed simulation: a case study in design and verification of
 * distributed programs, IEEE TSE 5(5), 1979. <br>
 * [2] Lubachevsky: Efficient distributed event-driven simulations of multiple-loop networks,
 * CACM 32(1), 1989 (bounded-lag windows).
 */
final class Coordinator extends AbstractBehavior<CoordinatorProtocol.Command> {
  private final KernelSettings settings;
  private final RunHooks hooks;
  private static final Object WINDOW_TIMER = "window";
  private final TimerScheduler<CoordinatorProtocol.Command> timers;
  private boolean[] answered;
  /** Under CHANNELS: the Progress messages each partition has sent each other one, as last reported. */
  private final long[][] progressSent;
  private long windowsStarted;
  private final List<PartitionCore> cores;
  /** Observers may ask for each actor's share of a counter only while they are being called. */
  private boolean observing;
  private final CounterBreakdown byActor = this::counterByActor;
  private final CompletableFuture<RunResult> outcome;
  private final List<ActorRef<PartitionProtocol.Command>> partitions = new ArrayList<>();
  private final long[] nextEventTime;
  private final long[] events;
  private final List<List<EventBatch>> pending = new ArrayList<>();
  /** Partitions trade events among themselves between snapshot boundaries ({@link Sync#CHANNELS}). */
  private final boolean channels;
  /** Non-null in the check mode {@link Kernel#serializeCrossPartition}. */
  private final BatchWire wire;

  private int awaiting;
  private long windowEnd;
  private boolean collecting;
  private boolean paused;
  private long windows;
  private long lastSnapshot;
  private long nextSnapshot;
  private SortedMap<String, Long> counters = new TreeMap<>();
  private SortedMap<String, Long> collectedCounters = new TreeMap<>();
  private SortedMap<String, Histogram> intervalHistograms = new TreeMap<>();
  private final SortedMap<String, Histogram> runHistograms = new TreeMap<>();

  /** Observers, stop predicate and control of one run. */
  record RunHooks(List<SnapshotObserver> observers, Predicate<Snapshot> stopWhen, RunControl control,
      ExternalInput input, PartitionHosts hosts, boolean serializeBatches, Kernel.WindowTimeout windowTimeout) {
    RunHooks {
      observers = List.copyOf(observers);
    }
  }

  private Coordinator(ActorContext<CoordinatorProtocol.Command> context, KernelSettings settings,
      List<PartitionCore> cores, RunHooks hooks, CompletableFuture<RunResult> outcome,
      TimerScheduler<CoordinatorProtocol.Command> timers) {
    super(context);
    this.timers = timers;
    this.settings = settings;
    this.hooks = hooks;
    this.cores = List.copyOf(cores);
    this.outcome = outcome;
    int n = cores.size();
    nextEventTime = new long[n];
    events = new long[n];
    answered = new boolean[n];
    progressSent = new long[n][n];
    channels = settings.sync() == Sync.CHANNELS && n > 1;
    this.wire = hooks.serializeBatches() ? new BatchWire(context.getSystem()) : null;
    DispatcherSelector dispatcher = DispatcherSelector.fromConfig(KernelRuntime.dispatcherFor(n, settings.sync()));
    for (PartitionCore core : cores) {
      ActorRef<PartitionProtocol.Command> partition = remote(core.index());
      if (partition == null) {
        Behavior<PartitionProtocol.Command> behavior =
            PartitionActor.create(core, n, settings.windowNs(), wire != null);
        partition = context.spawn(behavior, "partition-" + core.index(), dispatcher);
      }
      context.watch(partition); // a partition that dies unexpectedly must fail the run, not hang it
      partitions.add(partition);
      pending.add(new ArrayList<>());
    }
    nextSnapshot = Math.min(settings.metricsIntervalNs(), settings.endNs());
    if (channels) {
      PartitionProtocol.Peers peers = new PartitionProtocol.Peers(partitions);
      for (ActorRef<PartitionProtocol.Command> partition : partitions) partition.tell(peers);
    }
    hooks.control().attach(context.getSelf());
    // The first, empty window runs the actors' start hooks and reports their first events.
    send(0, false);
  }

  /** The partition's actor on another member, or null when it runs here. */
  @SuppressWarnings("unchecked")
  private ActorRef<PartitionProtocol.Command> remote(int partition) {
    return (ActorRef<PartitionProtocol.Command>) hooks.hosts().remote(partition);
  }

  static Behavior<CoordinatorProtocol.Command> create(KernelSettings settings,
      List<PartitionCore> cores, RunHooks hooks, CompletableFuture<RunResult> outcome) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      try {
        return new Coordinator(context, settings, cores, hooks, outcome, timers);
      } catch (RuntimeException e) {
        outcome.completeExceptionally(e);
        return Behaviors.stopped();
      }
    }));
  }

  @Override
  public Receive<CoordinatorProtocol.Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(CoordinatorProtocol.WindowDone.class, this::onWindowDone)
        .onMessage(CoordinatorProtocol.PartitionFailed.class, this::onPartitionFailed)
        .onMessage(CoordinatorProtocol.Continue.class, this::onContinue)
        .onMessage(CoordinatorProtocol.WindowOverdue.class, this::onWindowOverdue)
        .onSignal(Terminated.class, this::onPartitionStopped)
        .onSignal(PostStop.class, signal -> onStopped())
        .build();
  }

  private Behavior<CoordinatorProtocol.Command> onWindowDone(CoordinatorProtocol.WindowDone done) {
    nextEventTime[done.partition()] = done.nextEventTimeNs();
    events[done.partition()] = done.events();
    try {
      for (EventBatch batch : done.outbound()) pending.get(batch.toPartition()).add(carried(batch));
    } catch (IllegalStateException e) {
      return fail(new SimulationException(settings.seed(), windowEnd, null, e.getMessage(), null));
    }
    if (done.metrics() != null) done.metrics().addTo(collectedCounters, intervalHistograms);
    answered[done.partition()] = true;
    if (done.progressSent() != null) progressSent[done.partition()] = done.progressSent();
    if (--awaiting > 0) return this;
    timers.cancel(WINDOW_TIMER);
    windows += done.windows();
    try {
      return afterWindow();
    } catch (ObservedFailure e) {
      return fail(SimulationException.observed(settings.seed(), windowEnd, e));
    } catch (RuntimeException e) {
      // Observers and the stop predicate run here; the windows themselves cannot throw.
      return fail(new SimulationException(settings.seed(), windowEnd, null,
          "a snapshot observer, stop predicate or external input threw " + e, null));
    }
  }

  private Behavior<CoordinatorProtocol.Command> afterWindow() {
    long total = totalEvents();
    if (collecting) {
      Snapshot snapshot = publishSnapshot(total);
      if (windowEnd >= settings.endNs()) return finish(StopReason.END_TIME, total);
      // Budget and predicate are checked at snapshot boundaries, which do not depend on the
      // partitioning or the lookahead (window ends do), so neither does where a run stops.
      if (settings.eventBudget() > 0 && total >= settings.eventBudget()) {
        return finish(StopReason.EVENT_BUDGET, total);
      }
      if (hooks.stopWhen().test(snapshot)) return finish(StopReason.PREDICATE, total);
    }
    boolean atBoundary = collecting || windows == 1;
    if (atBoundary && !hooks.control().mayProceed()) {
      paused = true;
      return this;
    }
    if (atBoundary) takeExternal();
    nextWindow();
    return this;
  }

  /** Queues the external events handed in since the last boundary, for the partitions of their targets. */
  private void takeExternal() {
    List<ExternalEvent> external = hooks.input().drain(windowEnd);
    if (external.isEmpty()) return;
    long source = Seeds.idOf(ExternalInput.SOURCE_PATH);
    List<List<ExternalEvent>> byPartition = new ArrayList<>();
    for (int p = 0; p < partitions.size(); p++) byPartition.add(new ArrayList<>());
    for (ExternalEvent e : external) {
      if (e.timeNs() < windowEnd) {
        throw new IllegalStateException("an external event for " + e.target().path() + " at " + e.timeNs()
            + " ns lies before the boundary " + windowEnd + " ns the run stands at");
      }
      byPartition.get(e.target().partition()).add(e);
    }
    for (int p = 0; p < partitions.size(); p++) {
      List<ExternalEvent> mine = byPartition.get(p);
      if (mine.isEmpty()) continue;
      int n = mine.size();
      long[] times = new long[n];
      long[] sources = new long[n];
      long[] seqs = new long[n];
      int[] targets = new int[n];
      Object[] messages = new Object[n];
      for (int i = 0; i < n; i++) {
        times[i] = mine.get(i).timeNs();
        sources[i] = source;
        seqs[i] = mine.get(i).seq();
        targets[i] = mine.get(i).target().slot();
        messages[i] = mine.get(i).message();
      }
      pending.get(p).add(carried(new EventBatch(p, times, sources, seqs, targets, messages)));
    }
  }

  /** The batch as its partition receives it: through serialization and back in the check mode. */
  private EventBatch carried(EventBatch batch) {
    return wire == null ? batch : wire.roundTrip(batch);
  }

  private Behavior<CoordinatorProtocol.Command> onContinue(CoordinatorProtocol.Continue c) {
    if (paused && hooks.control().mayProceed()) {
      paused = false;
      try {
        takeExternal();
      } catch (RuntimeException e) {
        return fail(new SimulationException(settings.seed(), windowEnd, null, "an external input threw " + e, null));
      }
      nextWindow();
    }
    return this;
  }

  private void nextWindow() {
    long boundary = nextSnapshot;
    if (partitions.size() == 1) {
      send(boundary, true); // the lone partition runs the windows up to the boundary itself
      return;
    }
    long earliest = Long.MAX_VALUE;
    for (int p = 0; p < nextEventTime.length; p++) {
      earliest = Math.min(earliest, nextEventTime[p]);
      for (EventBatch batch : pending.get(p)) earliest = Math.min(earliest, batch.minTime());
    }
    long end = Windows.end(earliest, settings.windowNs(), boundary);
    if (channels) {
      runWindow(earliest, end);
    } else {
      send(end, end == boundary);
    }
  }

  private void send(long end, boolean collect) {
    boolean alone = partitions.size() == 1 && end > 0;
    startWindow(end, collect,
        (p, incoming) -> new PartitionProtocol.Advance(end, alone, incoming, collect, getContext().getSelf()));
  }

  /** Under CHANNELS: every partition runs the window, pacing itself by its peers' promises. */
  private void runWindow(long start, long end) {
    boolean collect = end == nextSnapshot;
    startWindow(end, collect, (p, incoming) -> new PartitionProtocol.RunWindow(Math.min(start, end), end, incoming,
        collect, getContext().getSelf(), progressTo(p)));
  }

  /** The Progress messages each partition has sent partition {@code p}, by sender. */
  private long[] progressTo(int p) {
    long[] expected = new long[progressSent.length];
    for (int from = 0; from < expected.length; from++) expected[from] = progressSent[from][p];
    return expected;
  }

  /** Opens a window: each partition gets the events pending for it in the message {@code window} makes. */
  private void startWindow(long end, boolean collect,
      java.util.function.BiFunction<Integer, List<EventBatch>, PartitionProtocol.Command> window) {
    windowEnd = end;
    collecting = collect;
    if (collect) {
      collectedCounters = new TreeMap<>();
      intervalHistograms = new TreeMap<>();
    }
    awaiting = partitions.size();
    java.util.Arrays.fill(answered, false);
    if (hooks.windowTimeout() != null) {
      timers.startSingleTimer(WINDOW_TIMER, new CoordinatorProtocol.WindowOverdue(++windowsStarted),
          hooks.windowTimeout().timeout());
    }
    for (int p = 0; p < partitions.size(); p++) {
      List<EventBatch> incoming = pending.get(p);
      pending.set(p, new ArrayList<>());
      partitions.get(p).tell(window.apply(p, incoming));
    }
  }

  private Snapshot publishSnapshot(long total) {
    counters = collectedCounters;
    Snapshot snapshot = new Snapshot(windowEnd, lastSnapshot, total, counters, intervalHistograms);
    for (var e : intervalHistograms.entrySet()) {
      runHistograms.computeIfAbsent(e.getKey(), n -> Metrics.newHistogram()).add(e.getValue());
    }
    lastSnapshot = windowEnd;
    nextSnapshot = Math.min(Windows.saturatingAdd(windowEnd, settings.metricsIntervalNs()), settings.endNs());
    observing = true;
    try {
      for (SnapshotObserver observer : hooks.observers()) observer.onSnapshot(snapshot, byActor);
    } finally {
      observing = false;
    }
    return snapshot;
  }

  /**
   * Each actor's value of a counter, read from the partitions' registries. Safe on this thread:
   * every partition has reported the window that ends at the snapshot (the message orders its
   * writes before this read) and waits for the next one, which is sent only after the observers.
   * Partitions hosted on other members ({@link PartitionHosts}) keep their registries there: their
   * actors are missing from the answer.
   */
  private SortedMap<String, Long> counterByActor(String name) {
    if (!observing) {
      throw new IllegalStateException("each actor's share of a counter can be asked only during onSnapshot");
    }
    SortedMap<String, Long> values = new TreeMap<>();
    for (PartitionCore core : cores) {
      if (remote(core.index()) == null) core.addCounterByActor(name, values); // other members' actors: not here
    }
    return values;
  }

  private Behavior<CoordinatorProtocol.Command> finish(StopReason reason, long total) {
    hooks.control().detach();
    outcome.complete(new RunResult(reason, windowEnd, total, windows, counters, runHistograms));
    return Behaviors.stopped();
  }

  /** A window took longer than the window timeout: some partition's answer (or its orders) never came. */
  private Behavior<CoordinatorProtocol.Command> onWindowOverdue(CoordinatorProtocol.WindowOverdue overdue) {
    if (overdue.window() != windowsStarted || awaiting == 0) return this; // a window that has ended since
    List<Integer> silent = new ArrayList<>();
    for (int p = 0; p < answered.length; p++) {
      if (!answered[p]) silent.add(p);
    }
    return fail(new SimulationException(settings.seed(), windowEnd, null, "the window ending at virtual time "
        + VirtualTime.format(windowEnd) + " got no answer from partition(s) " + silent + " within "
        + VirtualTime.format(hooks.windowTimeout().timeout().toNanos()) + " of wall time: "
        + hooks.windowTimeout().advice(), null));
  }

  private Behavior<CoordinatorProtocol.Command> onPartitionFailed(CoordinatorProtocol.PartitionFailed f) {
    return fail(new SimulationException(settings.seed(), f.timeNs(), f.actorPath(), f.error(), f.stackTrace()));
  }

  private Behavior<CoordinatorProtocol.Command> onPartitionStopped(Terminated signal) {
    var path = signal.getRef().path();
    boolean elsewhere = !path.address().equals(getContext().getSystem().address());
    return fail(new SimulationException(settings.seed(), windowEnd, null, "partition actor " + path.name()
        + (elsewhere ? " on cluster member " + path.address() + " stopped: the member left the cluster or was downed"
            : " stopped unexpectedly"), null));
  }

  private Behavior<CoordinatorProtocol.Command> onStopped() {
    if (!outcome.isDone()) {
      outcome.completeExceptionally(new SimulationException(settings.seed(), windowEnd, null,
          "the run coordinator stopped before the run ended", null));
    }
    return this;
  }

  private Behavior<CoordinatorProtocol.Command> fail(SimulationException e) {
    hooks.control().detach();
    outcome.completeExceptionally(e);
    return Behaviors.stopped();
  }

  private long totalEvents() {
    long sum = 0;
    for (long e : events) sum += e;
    return sum;
  }

}
