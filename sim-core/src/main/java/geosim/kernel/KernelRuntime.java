package geosim.kernel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The Pekko actor system that hosts partition and coordinator actors. One runtime can run many
 * kernels one after another (benchmark repetitions, sweeps); close it when done.
 *
 * <p>Partitions run on dispatchers whose parallelism is capped at the number of cores (see
 * {@code geosim-kernel.conf}): more threads than cores only add context switches to a workload
 * that never blocks.
 */
public final class KernelRuntime implements AutoCloseable {
  static final String DISPATCHER = "geosim-kernel-dispatcher";
  static final String PARALLEL_DISPATCHER = "geosim-kernel-parallel-dispatcher";
  static final String CHANNELS_DISPATCHER = "geosim-kernel-channels-dispatcher";
  private static final AtomicLong RUNS = new AtomicLong();

  private final ActorSystem<?> system;
  private final boolean owned;

  public KernelRuntime() {
    this(ActorSystem.create(Behaviors.empty(), "geosim", config()), true);
  }

  private KernelRuntime(ActorSystem<?> system, boolean owned) {
    this.system = system;
    this.owned = owned;
  }

  /**
   * Runs kernels on an actor system that someone else started and will terminate (a cluster
   * member's); its configuration must include {@link #dispatchers()} and bind
   * {@link CrossPartitionMessage} to Jackson. {@link #close()} leaves it running.
   */
  public static KernelRuntime on(ActorSystem<?> system) {
    return new KernelRuntime(system, false);
  }

  private static Config config() {
    return dispatchers()
        .withFallback(ConfigFactory.parseResources("geosim-kernel.conf"))
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  /**
   * The kernel's three dispatchers from {@code geosim-kernel.conf}, sized for this machine's cores:
   * for the configuration of another actor system that hosts partitions or coordinators.
   */
  public static Config dispatchers() {
    int cores = Runtime.getRuntime().availableProcessors();
    Config own = ConfigFactory.parseResources(KernelRuntime.class.getClassLoader(), "geosim-kernel.conf");
    return ConfigFactory.parseString(DISPATCHER + ".fork-join-executor.parallelism-max = " + cores
        + "\n" + CHANNELS_DISPATCHER + ".fork-join-executor.parallelism-max = " + cores
        + "\n" + PARALLEL_DISPATCHER + ".affinity-pool-executor.parallelism-max = " + cores
        + "\n" + PARALLEL_DISPATCHER + ".affinity-pool-executor.parallelism-min = " + Math.min(2, cores))
        .withFallback(own.withOnlyPath(DISPATCHER))
        .withFallback(own.withOnlyPath(CHANNELS_DISPATCHER))
        .withFallback(own.withOnlyPath(PARALLEL_DISPATCHER));
  }

  /** The underlying Pekko system (for serialization tests and cluster members). */
  public ActorSystem<?> system() {
    return system;
  }

  /** The dispatcher for a run with this many partitions, synchronised this way. */
  static String dispatcherFor(int partitions, Sync sync) {
    if (partitions == 1) return DISPATCHER;
    return sync == Sync.CHANNELS ? CHANNELS_DISPATCHER : PARALLEL_DISPATCHER;
  }

  void spawn(Behavior<CoordinatorProtocol.Command> coordinator, int partitions, Sync sync) {
    system.systemActorOf(coordinator, "run-" + RUNS.incrementAndGet(),
        DispatcherSelector.fromConfig(dispatcherFor(partitions, sync)));
  }

  @Override
  public void close() {
    if (!owned) return;
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }
}
