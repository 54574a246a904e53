package geosim.cluster;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The messages that place a distributed run's partitions on workers: the run's driver sends each
 * worker's {@link PartitionHost} a {@link HostPartitions} with the fully resolved scenario and the
 * partitions it is to host; the host builds the same model and answers with the Pekko refs of the
 * partition actors it spawned ({@link PartitionsHosted}), or {@link HostingFailed}. From then on
 * the kernel's own messages (Advance / WindowDone with their event batches) flow between the
 * driver's coordinator and those actors. After the last window the driver asks each host for its
 * partitions' end state ({@link SendEndState}) and, for a store, the replicas' cells of the keys
 * the audit needs ({@code CellsQuery}); values that may exceed a frame travel as numbered {@link
 * Chunk}s ({@link Chunks}). Every record here crosses JVMs: a {@link ClusterMessage}.
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

  /** After the last window: send the end state ({@code geosim.scenario.EndState}) of the run's partitions. */
  public record SendEndState(String runId, long endNs, ActorRef<RunDriverCommand> driver)
      implements HostCommand, ClusterMessage {}

  /**
   * Piece {@code index} of {@code count} of a value written as CBOR ({@link Chunks}): a host's
   * {@link #END_STATE} or {@link #KEY_CELLS}, or the driver's {@link #CELLS_QUERY}.
   *
   * @param from the sender: the host whose answer this is, or the driver that asks
   */
  public record Chunk(String runId, String kind, int index, int count, byte[] bytes, ActorRef<?> from)
      implements HostCommand, RunDriverCommand, ClusterMessage {
    public static final String END_STATE = "end-state";
    public static final String CELLS_QUERY = "cells-query";
    public static final String KEY_CELLS = "key-cells";

    public Chunk {
      if (count < 1 || index < 0 || index >= count) {
        throw new IllegalArgumentException("piece " + index + " of " + count);
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Chunk c && c.runId.equals(runId) && c.kind.equals(kind) && c.index == index
          && c.count == count && java.util.Arrays.equals(c.bytes, bytes) && java.util.Objects.equals(c.from, from);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(runId, kind, index, count, java.util.Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
      return "Chunk[" + kind + " " + index + " of " + count + ", " + bytes.length + " bytes, run " + runId + "]";
    }
  }
}
