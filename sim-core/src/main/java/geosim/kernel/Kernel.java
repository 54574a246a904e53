package geosim.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * A model ready to run: its actors placed on partitions, and the settings to run them with.
 *
 * <pre>{@code
 * Kernel.Builder b = Kernel.builder(KernelSettings.of(seed, VirtualTime.seconds(60), lookahead));
 * ActorRef<Ping> a = b.spawn("us-east/srv-1", new PingServer(...));
 * RunResult result = b.build().run();
 * }</pre>
 *
 * <p>Placement: actor paths group into units ({@link PartitionBy}); units go to partitions
 * largest first, each to the least loaded partition (ties to the lowest index). Units are
 * ordered by name, so placement depends only on the set of paths.
 */
public final class Kernel {
  private final KernelSettings settings;
  private final List<PartitionCore> cores;
  private final List<SnapshotObserver> observers = new ArrayList<>();
  private final RunControl control = new RunControl();
  private Predicate<Snapshot> stopWhen = s -> false;
  private ExternalInput input = boundaryNs -> List.of();
  private boolean serializeCrossPartition;
  private WindowTimeout windowTimeout;
  private boolean ran;

  private Kernel(KernelSettings settings, List<PartitionCore> cores) {
    this.settings = settings;
    this.cores = cores;
  }

  public static Builder builder(KernelSettings settings) {
    return new Builder(settings);
  }

  /** Partitions actually used: at most the number of units. */
  public int partitionCount() {
    return cores.size();
  }

  public KernelSettings settings() {
    return settings;
  }

  /** Adds an observer that receives every snapshot. */
  public Kernel observe(SnapshotObserver observer) {
    observers.add(Objects.requireNonNull(observer, "observer"));
    return this;
  }

  /** Stops the run at the first snapshot for which {@code predicate} holds. */
  public Kernel stopWhen(Predicate<Snapshot> predicate) {
    stopWhen = Objects.requireNonNull(predicate, "predicate");
    return this;
  }

  /** Takes messages from outside the model at every snapshot boundary (a driver's fault injection). */
  public Kernel input(ExternalInput externalInput) {
    input = Objects.requireNonNull(externalInput, "externalInput");
    return this;
  }

  /**
   * Check mode for models meant to run on a cluster: every batch of events between partitions
   * goes through Pekko's serialization (Jackson CBOR, as between JVMs) and back before it is
   * delivered. A run gives the same results with it as without, or fails naming the message
   * types that cannot cross JVMs. Off by default: it only costs time in one JVM.
   */
  public Kernel serializeCrossPartition(boolean on) {
    serializeCrossPartition = on;
    return this;
  }

  /**
   * Fails the run when a window's partitions have not all answered within {@code timeout} of
   * wall time, naming the window's virtual time, the partitions that did not answer and {@code
   * advice} (the likely cause: e.g. a message dropped between cluster members). Off by default:
   * in one JVM a window always ends. The timeout never changes results, only whether a stalled
   * run fails or waits.
   */
  public Kernel windowTimeout(java.time.Duration timeout, String advice) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
    }
    windowTimeout = new WindowTimeout(timeout, Objects.requireNonNull(advice, "advice"));
    return this;
  }

  /** A bound on a window's wall time and what to say when it is exceeded. */
  record WindowTimeout(java.time.Duration timeout, String advice) {}

  /**
   * The actor of partition {@code partition} of this kernel, for a member of a cluster that hosts
   * it ({@link PartitionHosts}); spawn it with {@link #partitionDispatcher()}. The member builds
   * the same model from the same scenario and seed as the coordinator's side, so placement,
   * actors and their streams are the same; this kernel itself is then not run.
   */
  public Behavior<?> partitionBehavior(int partition) {
    if (partition < 0 || partition >= cores.size()) {
      throw new IllegalArgumentException("partition " + partition + " is not one of this kernel's " + cores.size());
    }
    return PartitionActor.create(cores.get(partition), cores.size(), settings.windowNs(), false);
  }

  /** The dispatcher partition actors run on in a run with this kernel's partition count and sync. */
  public DispatcherSelector partitionDispatcher() {
    return DispatcherSelector.fromConfig(KernelRuntime.dispatcherFor(cores.size(), settings.sync()));
  }

  /** Pause, resume and step this run from another thread. */
  public RunControl control() {
    return control;
  }

  /** Runs on a fresh actor system, closed afterwards. */
  public RunResult run() {
    try (KernelRuntime runtime = new KernelRuntime()) {
      return run(runtime);
    }
  }

  /**
   * Runs to a stop condition and returns the result; blocks the calling thread.
   *
   * @throws SimulationException if an actor throws or a kernel invariant breaks
   */
  public RunResult run(KernelRuntime runtime) {
    return run(runtime, PartitionHosts.LOCAL);
  }

  /**
   * Runs with some partitions hosted elsewhere ({@link PartitionHosts}): the coordinator lives in
   * {@code runtime}'s actor system and drives local and remote partitions alike. A hosting
   * member that goes away fails the run (death watch), naming it and the virtual time.
   */
  public RunResult run(KernelRuntime runtime, PartitionHosts hosts) {
    Objects.requireNonNull(hosts, "hosts");
    if (ran) throw new IllegalStateException("a kernel runs once; build a new one for another run");
    ran = true;
    CompletableFuture<RunResult> outcome = new CompletableFuture<>();
    var hooks = new Coordinator.RunHooks(observers, stopWhen, control, input, hosts,
        serializeCrossPartition, windowTimeout);
    runtime.spawn(Coordinator.create(settings, cores, hooks, outcome), cores.size(), settings.sync());
    try {
      return outcome.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the run", e);
    }
  }

  /** Collects the actors of a model, then places them on partitions. */
  public static final class Builder {
    private final KernelSettings settings;
    private final List<PartitionCore.Spawned> spawned = new ArrayList<>();
    private final Map<Long, String> pathsById = new HashMap<>();
    private boolean built;

    private Builder(KernelSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The settings of the kernel being built (its seed names models' own streams, {@link Seeds#streamSeed}). */
    public KernelSettings settings() {
      return settings;
    }

    /**
     * Registers an actor under a unique path such as {@code us-east/use1-a/rack-3/srv-12}.
     *
     * @throws IllegalArgumentException if the path is empty, malformed or already taken
     */
    public <M> ActorRef<M> spawn(String path, SimActor<M> actor) {
      if (built) throw new IllegalStateException("the kernel is already built");
      checkPath(path);
      long id = Seeds.idOf(path);
      String clash = pathsById.putIfAbsent(id, path);
      if (clash != null) {
        throw new IllegalArgumentException(clash.equals(path)
            ? "two actors have the path '" + path + "'"
            : "actor paths '" + clash + "' and '" + path + "' hash to the same id; rename one");
      }
      ActorRef<M> ref = new ActorRef<>(path, id);
      spawned.add(new PartitionCore.Spawned(ref, Objects.requireNonNull(actor, "actor")));
      return ref;
    }

    /** Places every actor and returns the kernel. */
    public Kernel build() {
      if (built) throw new IllegalStateException("the kernel is already built");
      built = true;
      pathsById.clear();
      List<List<PartitionCore.Spawned>> members = place();
      List<PartitionCore> cores = new ArrayList<>(members.size());
      for (int p = 0; p < members.size(); p++) {
        cores.add(new PartitionCore(p, members.size(), settings.seed(), settings.lookaheadNs(), members.get(p)));
      }
      spawned.clear();
      return new Kernel(settings, cores);
    }

    private List<List<PartitionCore.Spawned>> place() {
      PartitionBy by = settings.partitionBy();
      TreeMap<String, int[]> units = new TreeMap<>(); // unit -> {index, actor count, partition}
      for (PartitionCore.Spawned s : spawned) {
        units.computeIfAbsent(by.unitOf(s.ref().path()), u -> new int[3])[1]++;
      }
      int index = 0;
      for (int[] unit : units.values()) unit[0] = index++;
      int partitions = Math.max(1, Math.min(settings.partitions(), units.size()));
      assignLargestFirst(units, partitions);
      List<List<PartitionCore.Spawned>> members = new ArrayList<>();
      for (int p = 0; p < partitions; p++) members.add(new ArrayList<>());
      for (PartitionCore.Spawned s : spawned) {
        int[] unit = units.get(by.unitOf(s.ref().path()));
        List<PartitionCore.Spawned> list = members.get(unit[2]);
        s.ref().place(unit[2], list.size(), unit[0]);
        list.add(s);
      }
      return members;
    }

    private static void assignLargestFirst(TreeMap<String, int[]> units, int partitions) {
      List<int[]> order = new ArrayList<>(units.values());
      order.sort(Comparator.<int[]>comparingInt(u -> -u[1]).thenComparingInt(u -> u[0]));
      long[] load = new long[partitions];
      for (int[] unit : order) {
        int best = 0;
        for (int p = 1; p < partitions; p++) if (load[p] < load[best]) best = p;
        unit[2] = best;
        load[best] += unit[1];
      }
    }

    private static void checkPath(String path) {
      if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/")
          || path.contains("//") || path.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            "an actor path is non-empty segments separated by '/', without spaces; got '" + path + "'");
      }
    }
  }
}
