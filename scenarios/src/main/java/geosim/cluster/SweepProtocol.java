package geosim.cluster;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * The messages between a sweep's driver and its workers (work pulling): a worker with a free
 * slot sends {@link WorkRequest}; the driver answers with a {@link RunUnit} when it has one
 * (or keeps the request until a unit comes back from a worker that died); the worker runs it and
 * answers {@link UnitDone} or {@link UnitFailed}. Every record here crosses JVMs and so is a
 * {@link ClusterMessage}; the actors' local messages live in the actors.
 */
public final class SweepProtocol {
  private SweepProtocol() {}

  /** What a sweep driver receives. */
  public interface DriverCommand {}

  /** What a worker receives. */
  public interface WorkerCommand {}

  /** A worker has one free slot. */
  public record WorkRequest(ActorRef<WorkerCommand> worker) implements DriverCommand, ClusterMessage {}

  /**
   * Run replication {@code replication} of point {@code point}.
   *
   * @param scenarioName the scenario file as the user named it (names the scenario in errors
   *     and, when the file sets no name, in the summary)
   * @param resolvedText the unit's fully resolved configuration (includes, overrides, the point's
   *     values and the replication's seed applied on the driver), so workers need no files
   */
  public record RunUnit(int point, int replication, String scenarioName, String resolvedText,
      ActorRef<DriverCommand> driver) implements WorkerCommand, ClusterMessage {}

  /** A unit finished; {@code summaryJson} is the text of its {@code points/p...json}. */
  public record UnitDone(int point, int replication, String summaryJson, ActorRef<WorkerCommand> worker)
      implements DriverCommand, ClusterMessage {}

  /** A unit failed on the worker (a model error: running it elsewhere would fail the same way). */
  public record UnitFailed(int point, int replication, String message, ActorRef<WorkerCommand> worker)
      implements DriverCommand, ClusterMessage {}
}
