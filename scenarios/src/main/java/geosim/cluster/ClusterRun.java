package geosim.cluster;

import geosim.kernel.KernelRuntime;
import geosim.kernel.RunResult;
import geosim.scenario.EndState;
import geosim.scenario.Simulation;
import java.io.PrintStream;
import java.time.Duration;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Runs one scenario with its partitions on the workers of a cluster: this JVM joins as a member
 * with the {@code driver} role, places the partitions ({@link RunDriver}), then runs the kernel's
 * coordinator here, driving the remote partition actors window by window exactly as local ones.
 * Snapshot observers (time series, progress) and metrics stay here. After the last window the
 * hosts send their partitions' end state ({@link RunDriver.CollectEndState}), merged here into what
 * one JVM would have taken, so summary.json is the same as in one JVM with the same partitioning
 * and seed. A worker that leaves or is downed mid-run fails the run (the coordinator's death
 * watch) naming the member and the virtual time; a window whose answers do not come within the
 * window timeout fails it too, naming the window's virtual time.
 */
public final class ClusterRun {
  /** What a window timeout most likely means on a cluster, and what to do about it. */
  static final String WINDOW_ADVICE = "a message between the driver and a worker was lost: Artery drops one above "
      + "pekko.remote.artery.advanced.maximum-frame-size (8 MiB in geosim-cluster.conf; raise it on every member, "
      + "e.g. GEOSIM_JAVA_OPTS=-Dpekko.remote.artery.advanced.maximum-frame-size=64MiB), or a worker is stalled or "
      + "overloaded (--cluster-window-timeout sets the wait)";

  private ClusterRun() {}

  /** A finished distributed run: its metrics and its merged end state. */
  public record Finished(RunResult result, EndState endState) {}

  /**
   * Places {@code simulation}'s partitions on {@code workers} or more workers and runs it.
   *
   * @param resolvedText the scenario as resolved on this side ({@code Simulation.renderResolved()})
   * @param windowTimeout the longest wait for a window's answers, and for each step of the end state
   * @throws SweepDriver.NoWorkerException when the workers did not come within {@code timeout}
   * @throws IllegalStateException when a worker could not host its partitions, or the end state could not be gathered
   * @throws geosim.kernel.SimulationException when the run failed, on a worker, by losing one, or by a window timeout
   */
  public static Finished run(Simulation simulation, String scenarioName, String resolvedText,
      ClusterNode.Endpoint at, int workers, Duration timeout, Duration windowTimeout, PrintStream log)
      throws InterruptedException {
    if (simulation.recordsPerElement()) {
      throw new IllegalArgumentException(
          "per-element series (Simulation.recordPerElement) are recorded only in one JVM");
    }
    CompletableFuture<TreeMap<Integer, ActorRef<?>>> placed = new CompletableFuture<>();
    RunDriver.Settings settings = new RunDriver.Settings(scenarioName, resolvedText, simulation.partitionCount(),
        workers, timeout, log, placed);
    ActorSystem<RunProtocol.RunDriverCommand> system =
        ClusterNode.start(RunDriver.create(settings), "driver", at, false, log);
    try {
      TreeMap<Integer, ActorRef<?>> actors;
      try {
        actors = placed.get();
      } catch (ExecutionException e) {
        throw ClusterSweep.explain(e.getCause(), system, at);
      }
      simulation.windowTimeout(windowTimeout, WINDOW_ADVICE);
      RunResult result = simulation.run(KernelRuntime.on(system), actors::get);
      CompletableFuture<EndState> end = new CompletableFuture<>();
      system.tell(new RunDriver.CollectEndState(result.endTimeNs(), simulation, windowTimeout, end));
      try {
        return new Finished(result, end.get());
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    } finally {
      ClusterSweep.leave(system);
    }
  }
}
