package geosim.kernel;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * A Pekko typed actor that owns one partition: it runs its {@link PartitionCore} one window at a
 * time when the coordinator says so. One Pekko message per window, none per event.
 */
final class PartitionActor extends AbstractBehavior<PartitionProtocol.Command> {
  private final PartitionCore core;

  private PartitionActor(ActorContext<PartitionProtocol.Command> context, PartitionCore core) {
    super(context);
    this.core = core;
  }

  static Behavior<PartitionProtocol.Command> create(PartitionCore core) {
    return Behaviors.setup(context -> new PartitionActor(context, core));
  }

  @Override
  public Receive<PartitionProtocol.Command> createReceive() {
    return newReceiveBuilder().onMessage(PartitionProtocol.Advance.class, this::onAdvance).build();
  }

  private Behavior<PartitionProtocol.Command> onAdvance(PartitionProtocol.Advance advance) {
    CoordinatorProtocol.Command reply;
    try {
      core.start();
      for (EventBatch batch : advance.incoming()) core.accept(batch);
      long windows = 1;
      if (advance.alone()) {
        windows = core.runWindowsAlone(advance.windowEndNs());
      } else {
        core.runUntil(advance.windowEndNs());
      }
      MetricsReport metrics = advance.collectMetrics()
          ? MetricsReport.drain(core.metricsRegistry(), advance.windowEndNs())
          : null;
      reply = new CoordinatorProtocol.WindowDone(core.index(), windows,
          core.nextEventTime(), core.events(), core.drainOutboxes(), metrics);
    } catch (RuntimeException | StackOverflowError e) {
      // A model bug (including runaway recursion) fails the run with its actor and time.
      reply = new CoordinatorProtocol.PartitionFailed(
          core.index(), core.currentActorPath(), core.now(), e.toString(), stackTrace(e));
    }
    advance.replyTo().tell(reply);
    return this;
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
