package geosim.cluster;

import geosim.kernel.KernelRuntime;
import geosim.kernel.RunResult;
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
 * Snapshot observers (time series, progress) and metrics stay here; summary.json is the same as
 * in one JVM with the same partitioning and seed. A worker that leaves or is downed mid-run fails
 * the run (the coordinator's death watch) naming the member and the virtual time.
 */
public final class ClusterRun {
  private ClusterRun() {}

  /**
   * Places {@code simulation}'s partitions on {@code workers} or more workers and runs it.
   *
   * @param resolvedText the scenario as resolved on this side ({@code Simulation.renderResolved()})
   * @throws SweepDriver.NoWorkerException when the workers did not come within {@code timeout}
   * @throws IllegalStateException when a worker could not host its partitions
   * @throws geosim.kernel.SimulationException when the run failed, on a worker or by losing one
   */
  public static RunResult run(Simulation simulation, String scenarioName, String resolvedText,
      ClusterNode.Endpoint at, int workers, Duration timeout, PrintStream log) throws InterruptedException {
    CompletableFuture<TreeMap<Integer, ActorRef<?>>> placed = new CompletableFuture<>();
    RunDriver.Settings settings = new RunDriver.Settings(scenarioName, resolvedText, simulation.partitionCount(),
        workers, timeout, log, placed);
    ActorSystem<?> system = ClusterNode.start(RunDriver.create(settings), "driver", at, false, log);
    try {
      TreeMap<Integer, ActorRef<?>> actors;
      try {
        actors = placed.get();
      } catch (ExecutionException e) {
        throw ClusterSweep.explain(e.getCause(), system, at);
      }
      return simulation.run(KernelRuntime.on(system), actors::get);
    } finally {
      ClusterSweep.leave(system);
    }
  }
}
