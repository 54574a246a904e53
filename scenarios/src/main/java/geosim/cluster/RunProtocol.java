package geosim.cluster;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The messages that place a distributed run's partitions on workers: the run's driver sends each
 * worker's {@link PartitionHost} a {@link HostPartitions} with the fully resolved scenario and the
 * partitions it is to host; the host builds the same model and answers with the Pekko refs of the
 * partition actors it spawned ({@link PartitionsHosted}), or {@link HostingFailed}. From then on
 * the kernel's own messages (Advance / WindowDone with their event batches) flow between the
 * driver's coordinator and those actors. Every record here crosses JVMs: a {@link ClusterMessage}.
 */
public final class RunProtocol {
  private RunProtocol() {}

  /** What a run's driver receives. */
  public interface RunDriverCommand {}

  /** What a worker's partition host receives. */
  public interface HostCommand {}

  /**
   * Build the scenario and host {@code partitions} of it.
   *
   * @param runId names the run's actors on the worker (unique per driver)
   * @param resolvedText the fully resolved scenario ({@code ScenarioSettings.renderResolved()}): the
   *     worker needs no files, and builds exactly the model the driver built
   * @param partitionCount the partitions the driver's kernel has: the worker checks it built as many
   */
  public record HostPartitions(String runId, String scenarioName, String resolvedText, int partitionCount,
      List<Integer> partitions, ActorRef<RunDriverCommand> driver) implements HostCommand, ClusterMessage {
    public HostPartitions {
      partitions = List.copyOf(partitions);
    }
  }

  /** The partition actors a host spawned, in the order of {@code partitions}. */
  public record PartitionsHosted(String runId, List<Integer> partitions, List<ActorRef<?>> actors,
      ActorRef<HostCommand> host) implements RunDriverCommand, ClusterMessage {
    public PartitionsHosted {
      partitions = List.copyOf(partitions);
      actors = List.copyOf(actors);
      if (partitions.size() != actors.size()) throw new IllegalArgumentException("one actor per partition");
    }
  }

  /** The host could not build the scenario or spawn its partitions. */
  public record HostingFailed(String runId, String message, ActorRef<HostCommand> host)
      implements RunDriverCommand, ClusterMessage {}
}
