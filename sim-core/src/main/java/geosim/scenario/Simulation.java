package geosim.scenario;

import geosim.autoscale.AutoscaleSettings;
import geosim.autoscale.Autoscalers;
import geosim.faults.FaultPlan;
import geosim.kernel.Kernel;
import geosim.fabric.Fabric;
import geosim.fleet.FleetModel;
import geosim.kernel.KernelRuntime;
import geosim.kernel.KernelSettings;
import geosim.kernel.PartitionBy;
import geosim.kernel.PartitionHosts;
import geosim.kernel.RunControl;
import geosim.kernel.RunResult;
import geosim.kernel.SnapshotObserver;
import geosim.netping.NetpingModel;
import geosim.ping.PingModel;
import geosim.queue.QueueModel;
import geosim.relational.RelationalModel;
import geosim.store.detect.DetectorModel;
import geosim.store.client.ClientSettings;
import geosim.store.client.StoreClients;
import geosim.store.node.StoreModel;
import geosim.store.pbs.PbsModel;
import geosim.store.audit.KeyCells;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * A scenario made runnable: the model built from its settings on a kernel. The one entry point
 * the command line and the visualizer use.
 *
 * <pre>{@code
 * Simulation sim = Simulation.create(ScenarioLoader.load(path, List.of()));
 * RunResult result = sim.observe(snapshot -> ...).run();
 * }</pre>
 */
public final class Simulation {
  private final ScenarioSettings scenario;
  private final Kernel kernel;
  private final NetpingModel netping;
  private final Fabric fabric;
  private final StoreModel store;
  private final FaultInjector injector;
  private boolean perElement;

  private Simulation(ScenarioSettings scenario, Kernel kernel, NetpingModel netping, Fabric fabric, StoreModel store) {
    this.scenario = scenario;
    this.kernel = kernel;
    this.netping = netping;
    this.fabric = fabric;
    this.store = store;
    this.injector = new FaultInjector(scenario, fabric, store != null);
    kernel.input(injector);
    if (store != null) kernel.observe(store.auditFolding(StoreModel.AUDIT_FOLD_ROWS));
  }

  /** Builds the scenario's model; the kernel's lookahead is the one the model guarantees. */
  public static Simulation create(ScenarioSettings scenario) {
    EngineSettings engine = scenario.engine();
    KernelSettings settings = new KernelSettings(scenario.seed(), scenario.durationNs(), lookaheadNs(scenario),
        engine.partitions(), engine.partitionBy(), engine.eventBudget(), scenario.metricsIntervalNs(), engine.sync());
    Kernel.Builder builder = Kernel.builder(settings);
    NetpingModel netping = null;
    Fabric fabric = null;
    StoreModel store = null;
    if (scenario.model() == ModelKind.STORE) {
      store = StoreModel.populate(scenario.topology(), scenario.store(), scenario.network(), scenario.faults(),
          scenario.seed(), StoreCost.meter(scenario.cost(), scenario.topology().servers()), builder);
      fabric = store.fabric();
      if (scenario.clients() != null) populateClients(scenario, store, settings, builder);
    } else if (scenario.model() == ModelKind.QUEUE) {
      QueueModel.populate(scenario.queue(), scenario.durationNs(), builder);
    } else if (scenario.model() == ModelKind.FAILURE_DETECTOR) {
      fabric = DetectorModel.populate(scenario.topology(), scenario.fd(), scenario.network(), builder).fabric();
    } else if (scenario.model() == ModelKind.PBS) {
      PbsModel.populate(scenario.pbs(), builder);
    } else if (scenario.model() == ModelKind.RELATIONAL) {
      RelationalModel.populate(scenario.relational(), builder);
    } else if (scenario.model() == ModelKind.FLEET) {
      FleetModel.populate(scenario.fleet(), scenario.durationNs(), builder);
    } else if (scenario.model() == ModelKind.RING) {
      // No actors: the ring is worked out from the seed (RingSummary); the run only keeps time.
    } else if (scenario.model() == ModelKind.NETPING) {
      netping = NetpingModel.populate(scenario.topology(), scenario.netping(), scenario.network(), builder);
      fabric = netping.fabric();
    } else {
      PingModel.populate(scenario.ping(), builder);
    }
    return new Simulation(scenario, builder.build(), netping, fabric, store);
  }

  /**
   * The store's clients and app tier, and the autoscalers of {@code store.autoscaler}: with an app
   * autoscaler each region has a pool of {@code max} app servers, the first {@code min} in service.
   */
  private static void populateClients(ScenarioSettings scenario, StoreModel store, KernelSettings settings,
      Kernel.Builder builder) {
    AutoscaleSettings autoscale = scenario.autoscale();
    ClientSettings clients = scenario.clients();
    if (autoscale != null && autoscale.app() != null) {
      clients = clients.withApp(clients.app().withServersPerRegion(autoscale.app().max()));
    }
    PartitionBy by = scenario.engine().partitionBy();
    int inService = clients.app() == null ? 0 : Autoscalers.appInService(autoscale, clients.app().serversPerRegion());
    StoreClients.ClientActors actors = StoreClients.populate(store, scenario.topology(), clients, scenario.durationNs(),
        by, settings.lookaheadNs(), inService, builder);
    if (autoscale != null) {
      Autoscalers.populate(store.fabric(), actors, autoscale,
          new Autoscalers.Placement(by, settings.lookaheadNs(), clients.accessLatencyNs()), builder);
    }
  }

  private static long lookaheadNs(ScenarioSettings scenario) {
    PartitionBy by = scenario.engine().partitionBy();
    switch (scenario.model()) {
      case QUEUE: return QueueModel.lookaheadNs(by, scenario.durationNs());
      case NETPING, FAILURE_DETECTOR, STORE: return Fabric.lookaheadNs(scenario.topology(), by, scenario.durationNs());
      case RING: return scenario.durationNs();
      case FLEET: return FleetModel.lookaheadNs(scenario.durationNs());
      case PBS: return PbsModel.lookaheadNs(scenario.durationNs());
      case RELATIONAL: return RelationalModel.lookaheadNs(scenario.durationNs());
      default: return PingModel.lookaheadNs(scenario.ping(), by);
    }
  }

  /**
   * Before {@link #run}: also record each element's own load in the time series, as the live
   * view's drill-down wants: every store server's CPU utilization ({@code server.<path>.cpu-ns})
   * and, in models on the data-center network, every link's ({@code link.<from>><to>.busy-ns});
   * other models have neither. Adds time series only: the results are the same.
   *
   * @return this simulation
   */
  public Simulation recordPerElement() {
    perElement = true;
    if (store != null) store.recordCpuPerServer();
    if (fabric != null) fabric.recordPerLink();
    return this;
  }

  /**
   * Whether {@link #recordPerElement} was asked for: it sets this JVM's model objects only, so a run
   * whose partitions are hosted elsewhere would not record the series (a cluster's driver refuses it).
   */
  public boolean recordsPerElement() {
    return perElement;
  }

  /** The netping model as built, for its summary; null for other models. */
  NetpingModel netping() {
    return netping;
  }

  /** The store model as built, for its summary; null for other models. */
  StoreModel store() {
    return store;
  }

  /** The network of a model on the topology, for the summary's link utilization; null for other models. */
  Fabric fabric() {
    return fabric;
  }

  public ScenarioSettings scenario() {
    return scenario;
  }

  /** The kernel's settings as used (including the model's lookahead). */
  public KernelSettings kernelSettings() {
    return kernel.settings();
  }

  /** Partitions actually used (at most the number of partition units). */
  public int partitionCount() {
    return kernel.partitionCount();
  }

  /**
   * Heap bytes of the data the model simulates (the store's cells in memtables and SSTables,
   * {@link StoreModel#storageHeapBytes}); 0 for models without. Read at a snapshot or after the run.
   */
  public long modelDataBytes() {
    return store == null ? 0 : store.storageHeapBytes();
  }

  /** Adds an observer of every snapshot. */
  public Simulation observe(SnapshotObserver observer) {
    kernel.observe(observer);
    return this;
  }

  /** Stops the run at the first snapshot for which {@code predicate} holds. */
  public Simulation stopWhen(java.util.function.Predicate<geosim.kernel.Snapshot> predicate) {
    kernel.stopWhen(predicate);
    return this;
  }

  /** Injects faults while the run goes on, from another thread; they are recorded ({@link #renderResolved}). */
  public FaultInjector faultInjector() {
    return injector;
  }

  /** The scenario's faults and those injected so far: what the summary counts and the fault log lists. */
  public FaultPlan faultPlan() {
    return injector.plan();
  }

  /**
   * The resolved scenario with the faults injected so far as its {@code injected-faults} list:
   * running it again gives the same results.
   */
  public String renderResolved() {
    return scenario.renderResolved(injector.render());
  }

  /** Pause, resume and step the run from another thread. */
  public RunControl control() {
    return kernel.control();
  }

  /**
   * Check mode ({@link Kernel#serializeCrossPartition}): every message between partitions goes
   * through Jackson serialization and back, as between the JVMs of a cluster. Same results, or a
   * failure naming the message types that cannot cross.
   *
   * @return this simulation
   */
  public Simulation serializeCrossPartition(boolean on) {
    kernel.serializeCrossPartition(on);
    return this;
  }

  /**
   * What the model objects of {@code partitions} hold at {@code endNs}, the end of the run, for
   * the summary ({@link EndState}); a store's replicas' cells come later ({@link #keyCells}). A
   * cluster member that ran some of a run's partitions takes their part; the driver merges the parts.
   */
  public EndState endState(long endNs, Collection<Integer> partitions) {
    boolean[] mine = new boolean[partitionCount()];
    for (int p : partitions) {
      if (p < 0 || p >= mine.length) throw new IllegalArgumentException("no partition " + p + " of " + mine.length);
      mine[p] = true;
    }
    IntPredicate ownedServer = server -> mine[fabric.serverRef(server).partition()];
    double[] cpu = new double[0];
    if (store != null) cpu = store.serverCpuUtilization(endNs, ownedServer);
    if (netping != null) cpu = netping.serverCpuUtilization(endNs, ownedServer);
    double[] links = fabric == null ? new double[0] : fabric.linkUtilization(endNs, p -> mine[p]);
    return new EndState(List.copyOf(partitions), endNs, cpu, links,
        store == null ? null : store.atEnd().endState(endNs, ownedServer));
  }

  /** Every key a store's audit asks about, given {@code merged} over all partitions; none for other models. */
  public long[] auditedKeys(EndState merged) {
    return store == null ? new long[0] : store.atEnd().auditedKeys(merged.store());
  }

  /** The index of a store ring's placement at the end, given {@code merged} over all partitions; 0 for other models. */
  public int placementIndexAtEnd(EndState merged) {
    return store == null ? 0 : store.atEnd().placementIndexAtEnd(merged.store());
  }

  /**
   * The cells the store replicas of {@code partitions} hold of {@code keys} ({@link
   * #auditedKeys}), with the final ring {@code atEndIndex} ({@link #placementIndexAtEnd}).
   */
  public KeyCells keyCells(long[] keys, int atEndIndex, Collection<Integer> partitions) {
    if (store == null) throw new IllegalStateException("only model = store has replicas' cells");
    boolean[] mine = new boolean[partitionCount()];
    for (int p : partitions) mine[p] = true;
    return store.atEnd().keyCells(keys, atEndIndex, server -> mine[fabric.serverRef(server).partition()]);
  }

  /** The end state of a run in this JVM, over every partition, cells included: what {@link RunSummary} reads. */
  public EndState endState(RunResult result) {
    List<Integer> all = new ArrayList<>();
    for (int p = 0; p < partitionCount(); p++) all.add(p);
    EndState state = endState(result.endTimeNs(), all);
    if (store == null) return state;
    return state.withCells(keyCells(auditedKeys(state), placementIndexAtEnd(state), all));
  }

  /** A bound on each window's wall time ({@link Kernel#windowTimeout}): past it the run fails with {@code advice}. */
  public Simulation windowTimeout(java.time.Duration timeout, String advice) {
    kernel.windowTimeout(timeout, advice);
    return this;
  }

  /** Partition {@code partition}'s actor, for a cluster member that hosts it ({@link Kernel#partitionBehavior}). */
  public Behavior<?> partitionBehavior(int partition) {
    return kernel.partitionBehavior(partition);
  }

  /** The dispatcher for {@link #partitionBehavior}'s actors. */
  public DispatcherSelector partitionDispatcher() {
    return kernel.partitionDispatcher();
  }

  /** Runs with partitions hosted by other cluster members ({@link Kernel#run(KernelRuntime, PartitionHosts)}). */
  public RunResult run(KernelRuntime runtime, PartitionHosts hosts) {
    return kernel.run(runtime, hosts);
  }

  /** Runs to the scenario's end on a fresh actor system. */
  public RunResult run() {
    return kernel.run();
  }

  /** Runs to the scenario's end on a shared actor system. */
  public RunResult run(KernelRuntime runtime) {
    return kernel.run(runtime);
  }
}
