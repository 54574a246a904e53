package geosim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import geosim.autoscale.AutoscaleSettings;
import geosim.cost.CostSettings;
import geosim.faults.FaultPlan;
import geosim.fleet.FleetSettings;
import geosim.netping.NetpingSettings;
import geosim.network.NetworkSettings;
import geosim.ping.PingSettings;
import geosim.queue.QueueSettings;
import geosim.relational.RelationalSettings;
import geosim.store.client.ClientSettings;
import geosim.store.detect.DetectorSettings;
import geosim.store.node.StoreSettings;
import geosim.store.pbs.PbsSettings;
import geosim.store.ring.RingSettings;
import geosim.topology.Topology;
import java.util.Objects;

/**
 * A validated scenario, mapped once from its configuration. Times are virtual nanoseconds.
 *
 * @param name scenario name, never empty (defaults to the file's base name)
 * @param description free text, possibly empty
 * @param source the file as the user gave it, or the display name of a parsed text
 * @param seed root seed of the run, any long
 * @param durationNs virtual time to simulate, > 0
 * @param metricsIntervalNs virtual time between two snapshots, > 0
 * @param engine how the kernel runs
 * @param ping the placeholder ping model
 * @param resolved the resolved configuration these settings came from, with top-level keys
 *     ({@code seed}, {@code engine}, ...) and {@code scenario.name} filled in
 * @param model which model runs
 * @param queue the queue validation model; may be null only when {@code model} is {@link
 *     ModelKind#PING}
 * @param netping the netping model's parameters; may be null unless {@code model} is {@link
 *     ModelKind#NETPING}
 * @param topology the scenario's {@code topology} block; may be null unless {@code model} is
 *     {@link ModelKind#NETPING}
 * @param network the {@code network} block: buffers, background flows, cuts; never null
 * @param ring the ring validation model's parameters; may be null unless {@code model} is {@link
 *     ModelKind#RING}
 * @param fd the failure-detector validation model's parameters; may be null unless {@code model}
 *     is {@link ModelKind#FAILURE_DETECTOR}
 * @param pbs the PBS validation model's parameters; may be null unless {@code model} is {@link
 *     ModelKind#PBS}
 * @param store the store model's parameters; may be null unless {@code model} is {@link
 *     ModelKind#STORE}
 * @param faults the {@code faults} block: scheduled faults; never null. Its region partitions are
 *     also among {@code network}'s cuts.
 * @param clients the store's client populations ({@code store.clients}); null when the store runs
 *     its per-server stream, or for other models
 * @param fleet the fluid fleet model's parameters and prices; may be null unless {@code model} is
 *     {@link ModelKind#FLEET}
 * @param relational the relational tier's parameters; may be null unless {@code model} is {@link
 *     ModelKind#RELATIONAL}
 * @param cost the {@code cost} block: prices, disk media included; null only for a ping scenario
 *     built without a configuration
 * @param autoscale the store model's autoscalers ({@code store.autoscaler}); null for none
 */
public record ScenarioSettings(
    String name,
    String description,
    String source,
    long seed,
    long durationNs,
    long metricsIntervalNs,
    EngineSettings engine,
    PingSettings ping,
    Config resolved,
    ModelKind model,
    QueueSettings queue,
    NetpingSettings netping,
    Topology topology,
    NetworkSettings network,
    RingSettings ring,
    DetectorSettings fd,
    PbsSettings pbs,
    StoreSettings store,
    FaultPlan faults,
    ClientSettings clients, FleetSettings fleet, RelationalSettings relational, CostSettings cost,
    AutoscaleSettings autoscale) {

  public ScenarioSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(ping, "ping");
    Objects.requireNonNull(resolved, "resolved");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(faults, "faults");
    if (model == ModelKind.RING) Objects.requireNonNull(ring, "ring");
    if (model == ModelKind.QUEUE) Objects.requireNonNull(queue, "queue");
    if (model == ModelKind.NETPING) Objects.requireNonNull(netping, "netping");
    if (model.needsTopology()) Objects.requireNonNull(topology, "topology");
    if (model == ModelKind.FAILURE_DETECTOR) Objects.requireNonNull(fd, "fd");
    if (model == ModelKind.PBS) Objects.requireNonNull(pbs, "pbs");
    if (model == ModelKind.STORE) Objects.requireNonNull(store, "store");
    if (model == ModelKind.FLEET) Objects.requireNonNull(fleet, "fleet");
    if (model == ModelKind.RELATIONAL) Objects.requireNonNull(relational, "relational");
    if (name.isEmpty()) throw new IllegalArgumentException("name must not be empty");
    if (durationNs <= 0) throw new IllegalArgumentException("durationNs must be > 0, got " + durationNs);
    if (metricsIntervalNs <= 0) {
      throw new IllegalArgumentException("metricsIntervalNs must be > 0, got " + metricsIntervalNs);
    }
  }

  /** Settings of a ping scenario, as before the model key existed. */
  public ScenarioSettings(String name, String description, String source, long seed, long durationNs,
      long metricsIntervalNs, EngineSettings engine, PingSettings ping, Config resolved) {
    this(name, description, source, seed, durationNs, metricsIntervalNs, engine, ping, resolved,
        ModelKind.PING, null, null, null, NetworkSettings.CITED, null, null, null, null, FaultPlan.NONE, null, null, null,
        null, null);
  }

  /**
   * The fully resolved configuration as HOCON text, keys sorted, without comments, such that
   * loading it again gives equal settings (apart from {@link #source()}). Run folders keep it so
   * a run can be repeated exactly. The scenario's {@code vars} are left out: their values are
   * already substituted where they are used.
   */
  public String renderResolved() {
    return render(resolved);
  }

  /**
   * As {@link #renderResolved()} (without {@code vars}), with the {@code injected-faults} list given as HOCON text
   * ({@code injected-faults = [ ... ]}) in place of the scenario's own.
   */
  public String renderResolved(String injectedFaults) {
    com.typesafe.config.Config list = com.typesafe.config.ConfigFactory.parseString(injectedFaults);
    return render(resolved.withValue(FaultReader.INJECTED_BLOCK, list.getValue(FaultReader.INJECTED_BLOCK)));
  }

  private static String render(com.typesafe.config.Config config) {
    ConfigRenderOptions options =
        ConfigRenderOptions.defaults().setOriginComments(false).setComments(false).setJson(false);
    return config.root().withoutKey(UnknownKeys.FREE_FORM).render(options);
  }
}
