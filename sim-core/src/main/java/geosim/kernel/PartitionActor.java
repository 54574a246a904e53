package geosim.kernel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * A Pekko typed actor that owns one partition: it runs its {@link PartitionCore} one window at a
 * time when the coordinator says so ({@link Sync#WINDOWS}), or up to a snapshot boundary in steps
 * paced by its peers' promises ({@link Sync#CHANNELS}, see {@link ChannelSync}). Pekko messages
 * go per window or step, never per event.
 */
final class PartitionActor extends AbstractBehavior<PartitionProtocol.Command> {
  private static final PartitionProtocol.Step STEP = new PartitionProtocol.Step();

  private final PartitionCore core;
  private final long windowNs;
  private final ChannelSync channels;
  /** Non-null in the check mode {@link Kernel#serializeCrossPartition}: peers' events go through it. */
  private final BatchWire wire;
  /** Under CHANNELS: the window being run, null once it is reported. */
  private PartitionProtocol.RunWindow window;
  private boolean stepAsked;

  private PartitionActor(ActorContext<PartitionProtocol.Command> context, PartitionCore core, int partitions,
      long windowNs, boolean serializeBatches) {
    super(context);
    this.core = core;
    this.windowNs = windowNs;
    this.channels = new ChannelSync(core, partitions);
    this.wire = serializeBatches ? new BatchWire(context.getSystem()) : null;
  }

  /**
   * A partition actor for {@code core}, one of {@code partitions}, whose lone runs use windows of
   * {@code windowNs}; with {@code serializeBatches}, events from peers under {@link Sync#CHANNELS}
   * go through serialization and back first (the check mode).
   */
  static Behavior<PartitionProtocol.Command> create(PartitionCore core, int partitions, long windowNs,
      boolean serializeBatches) {
    return Behaviors.setup(context -> new PartitionActor(context, core, partitions, windowNs, serializeBatches));
  }

  @Override
  public Receive<PartitionProtocol.Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(PartitionProtocol.Advance.class, this::onAdvance)
        .onMessage(PartitionProtocol.Peers.class, peers -> {
          channels.meet(peers.partitions());
          return this;
        })
        .onMessage(PartitionProtocol.RunWindow.class, this::onRunWindow)
        .onMessage(PartitionProtocol.Progress.class, this::onProgress)
        .onMessage(PartitionProtocol.Step.class, step -> {
          stepAsked = false;
          return stepChannels();
        })
        .build();
  }

  private Behavior<PartitionProtocol.Command> onRunWindow(PartitionProtocol.RunWindow run) {
    try {
      core.start();
      for (EventBatch batch : run.incoming()) core.accept(batch);
    } catch (RuntimeException | StackOverflowError e) {
      run.replyTo().tell(failure(e));
      return this;
    }
    window = run;
    channels.open(run.startNs(), run.endNs(), run.progressExpected());
    return stepChannels();
  }

  private Behavior<PartitionProtocol.Command> onProgress(PartitionProtocol.Progress progress) {
    try {
      channels.heard(wire == null || progress.events() == null ? progress : new PartitionProtocol.Progress(
          progress.fromPartition(), progress.promiseNs(), wire.roundTrip(progress.events())));
    } catch (RuntimeException e) {
      if (window != null) window.replyTo().tell(failure(e));
      window = null;
      return this;
    }
    return stepChannels();
  }

  /** One step of the current window; reports at its end, or asks itself for the next step. */
  private Behavior<PartitionProtocol.Command> stepChannels() {
    if (window == null) return this; // between windows, peers' news only queue up
    PartitionProtocol.RunWindow run = window;
    try {
      boolean more = channels.step();
      if (channels.done()) {
        window = null;
        MetricsReport metrics = run.collectMetrics() ? MetricsReport.drain(core.metricsRegistry(), run.endNs()) : null;
        run.replyTo().tell(new CoordinatorProtocol.WindowDone(core.index(), 1, channels.earliestPendingNs(),
            core.events(), List.of(), metrics, channels.progressSent()));
      } else if (more && !stepAsked) {
        stepAsked = true;
        getContext().getSelf().tell(STEP);
      }
    } catch (RuntimeException | StackOverflowError e) {
      window = null;
      run.replyTo().tell(failure(e));
    }
    return this;
  }

  private Behavior<PartitionProtocol.Command> onAdvance(PartitionProtocol.Advance advance) {
    CoordinatorProtocol.Command reply;
    try {
      core.start();
      for (EventBatch batch : advance.incoming()) core.accept(batch);
      long windows = 1;
      if (advance.alone()) {
        windows = core.runWindowsAlone(advance.windowEndNs(), windowNs);
      } else {
        core.runUntil(advance.windowEndNs());
      }
      MetricsReport metrics = advance.collectMetrics()
          ? MetricsReport.drain(core.metricsRegistry(), advance.windowEndNs())
          : null;
      reply = new CoordinatorProtocol.WindowDone(core.index(), windows,
          core.nextEventTime(), core.events(), core.drainOutboxes(), metrics);
    } catch (RuntimeException | StackOverflowError e) {
      reply = failure(e);
    }
    advance.replyTo().tell(reply);
    return this;
  }

  /** A model bug (including runaway recursion) fails the run with its actor and time. */
  private CoordinatorProtocol.PartitionFailed failure(Throwable e) {
    return new CoordinatorProtocol.PartitionFailed(
        core.index(), core.currentActorPath(), core.now(), e.toString(), stackTrace(e));
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
