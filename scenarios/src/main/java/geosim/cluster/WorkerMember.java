package geosim.cluster;

import java.io.PrintStream;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The guardian of a worker member: a {@link SweepWorker} that pulls sweep units, and a
 * {@link PartitionHost} that hosts partitions of distributed single runs. Both at once: a worker
 * serves whichever driver comes.
 */
public final class WorkerMember {
  private WorkerMember() {}

  /** A worker running up to {@code slots} sweep units at a time; {@code out} gets its lines. */
  public static Behavior<Void> create(int slots, PrintStream out) {
    Behavior<SweepProtocol.WorkerCommand> sweeps = SweepWorker.create(slots, out);
    return Behaviors.setup(ctx -> {
      ctx.spawn(sweeps, "sweep-worker");
      ctx.spawn(PartitionHost.create(out), "partition-host");
      return Behaviors.empty();
    });
  }
}
