package geosim.kernel;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/** Messages a partition actor accepts. */
interface PartitionProtocol {
  /** Marker of the partition's commands. */
  interface Command extends CrossPartitionMessage {}

  /**
   * Process every event before {@code windowEndNs}, after queueing {@code incoming}; report
   * metrics when {@code collectMetrics} (the window ends at a snapshot boundary). The first
   * Advance also runs the actors' start hooks. When {@code alone}, the partition is the only one
   * and runs consecutive windows up to {@code windowEndNs} itself.
   */
  record Advance(
      long windowEndNs,
      boolean alone,
      List<EventBatch> incoming,
      boolean collectMetrics,
      ActorRef<CoordinatorProtocol.Command> replyTo)
      implements Command {
    public Advance {
      incoming = List.copyOf(incoming);
    }
  }
}
