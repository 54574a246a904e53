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

  /** {@link Sync#CHANNELS}: every partition's actor, in index order; sent once, before any window. */
  record Peers(List<ActorRef<Command>> partitions) implements Command {
    public Peers {
      partitions = List.copyOf(partitions);
    }
  }

  /**
   * {@link Sync#CHANNELS}: process every event before {@code endNs}, after queueing {@code
   * incoming}, trading events and promises with the peers directly; report to {@code replyTo} at
   * the end. {@code startNs} is the earliest event pending anywhere when the window opens, so no
   * peer sends anything due before {@code startNs} + L in it; that holds for peer p once the
   * {@code progressExpected[p]} Progress messages it sent before the window have arrived.
   */
  record RunWindow(
      long startNs,
      long endNs,
      List<EventBatch> incoming,
      boolean collectMetrics,
      ActorRef<CoordinatorProtocol.Command> replyTo,
      long[] progressExpected)
      implements Command {
    public RunWindow {
      incoming = List.copyOf(incoming);
    }
  }

  /**
   * From one partition to another under {@link Sync#CHANNELS}: the events it made for the
   * receiver since its last Progress ({@code events} null when none), and its promise that
   * every event it sends the receiver from now on lies at or after {@code promiseNs}.
   */
  record Progress(int fromPartition, long promiseNs, EventBatch events) implements Command {}

  /** A partition's note to itself to take its next step, so peers sharing its thread get a turn. */
  record Step() implements Command {}
}
