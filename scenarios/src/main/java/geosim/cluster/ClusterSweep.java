package geosim.cluster;

import geosim.scenario.ScenarioConfigException;
import geosim.sweep.SweepRunner;
import geosim.sweep.SweepRunner.Unit;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.MemberStatus;

/**
 * Runs a sweep's missing units on a cluster: this JVM joins as a member with the {@code driver}
 * role, runs a {@link SweepDriver}, writes each summary as it arrives, and leaves the cluster
 * gracefully when every unit is written (or on failure). Each unit's configuration is resolved
 * here ({@code include}s, {@code --set}s, the point's values, the replication's seed) and
 * shipped as text, so workers need neither the scenario file nor the files it includes.
 */
public final class ClusterSweep {
  /** How long the driver waits for its own graceful leave before giving up on it. */
  private static final long LEAVE_WAIT_SECONDS = 30;

  private ClusterSweep() {}

  /**
   * Runs {@code units} of {@code runner}'s sweep on the cluster reached through {@code at}.
   *
   * @throws SweepDriver.NoWorkerException when no worker was in the cluster for {@code timeout}
   * @throws IllegalStateException when a unit failed on a worker
   */
  public static void run(SweepRunner runner, String scenarioName, List<Unit> units, ClusterNode.Endpoint at,
      Duration timeout, PrintStream log) throws ScenarioConfigException, InterruptedException {
    List<SweepDriver.Pending> pending = new ArrayList<>();
    for (Unit u : units) pending.add(new SweepDriver.Pending(u, runner.settings(u).renderResolved()));
    CompletableFuture<Void> done = new CompletableFuture<>();
    SweepDriver.Settings settings = new SweepDriver.Settings(scenarioName, pending, runner::writeSummary, timeout,
        log, done);
    ActorSystem<?> system = ClusterNode.start(SweepDriver.create(settings), "driver", at, false, log);
    try {
      done.get();
    } catch (ExecutionException e) {
      throw explain(e.getCause(), system, at);
    } finally {
      leave(system);
    }
  }

  /** A timeout before this member ever joined means the seed was not reached: say so. */
  static RuntimeException explain(Throwable failure, ActorSystem<?> system, ClusterNode.Endpoint at) {
    Cluster cluster = Cluster.get(Adapter.toClassic(system));
    if (failure instanceof SweepDriver.NoWorkerException && cluster.selfMember().status() != MemberStatus.up()) {
      return new SweepDriver.NoWorkerException("could not join the cluster through " + at.seedHost() + ":"
          + at.seedPort() + " (is a seed running there? see docs/cluster.md); " + failure.getMessage());
    }
    return failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
  }

  /** Leaves the cluster gracefully (coordinated shutdown), or terminates the system when that takes too long. */
  static void leave(ActorSystem<?> system) throws InterruptedException {
    try {
      CoordinatedShutdown.get(Adapter.toClassic(system)).runAll(CoordinatedShutdown.unknownReason())
          .toCompletableFuture().get(LEAVE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      system.terminate();
    }
  }
}
