package geosim.network;

import geosim.kernel.Seeds;
import geosim.topology.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The scenario's {@code network} block: egress buffer sizes, background flows and cuts, how
 * messages cross the network, and the links degraded by faults.
 *
 * @param defaults buffer sizes (and the MTU)
 * @param flows background flows, in the order the scenario lists them
 * @param cuts network partitions, in the order the scenario lists them
 * @param mode hop by hop through switch actors, or one event per message ({@link NetworkMode})
 * @param degradations link degradations (faults of kind link-degradation), in the plan's order
 * @param partitions partitions between two sets of elements (faults of kind partition), filters on
 *     a frame's ends rather than cuts of links ({@link PartitionSchedule}), in the plan's order
 */
public record NetworkSettings(NetworkDefaults defaults, List<BackgroundFlowSpec> flows, List<CutSpec> cuts,
    NetworkMode mode, List<DegradationSpec> degradations, List<PartitionSpec> partitions) {
  /** Cited buffers, no flows, no cuts, hop by hop. */
  public static final NetworkSettings CITED = new NetworkSettings(NetworkDefaults.CITED, List.of(), List.of());

  public NetworkSettings {
    Objects.requireNonNull(defaults, "defaults");
    flows = List.copyOf(flows);
    cuts = List.copyOf(cuts);
    Objects.requireNonNull(mode, "mode");
    degradations = List.copyOf(degradations);
    partitions = List.copyOf(partitions);
  }

  /** No partition. */
  public NetworkSettings(NetworkDefaults defaults, List<BackgroundFlowSpec> flows, List<CutSpec> cuts,
      NetworkMode mode, List<DegradationSpec> degradations) {
    this(defaults, flows, cuts, mode, degradations, List.of());
  }

  /** No degraded link. */
  public NetworkSettings(NetworkDefaults defaults, List<BackgroundFlowSpec> flows, List<CutSpec> cuts,
      NetworkMode mode) {
    this(defaults, flows, cuts, mode, List.of());
  }

  /** Hop by hop ({@link NetworkMode#HOPS}). */
  public NetworkSettings(NetworkDefaults defaults, List<BackgroundFlowSpec> flows, List<CutSpec> cuts) {
    this(defaults, flows, cuts, NetworkMode.HOPS);
  }

  /** These settings with {@code more} cuts after their own (a fault plan's partitions, say). */
  public NetworkSettings withMoreCuts(List<CutSpec> more) {
    List<CutSpec> all = new ArrayList<>(cuts);
    all.addAll(more);
    return new NetworkSettings(defaults, flows, all, mode, degradations, partitions);
  }

  /** These settings with {@code more} background flows after their own (a fault plan's storms, say). */
  public NetworkSettings withMoreFlows(List<BackgroundFlowSpec> more) {
    List<BackgroundFlowSpec> all = new ArrayList<>(flows);
    all.addAll(more);
    return new NetworkSettings(defaults, all, cuts, mode, degradations, partitions);
  }

  /** These settings with {@code more} link degradations after their own (a fault plan's). */
  public NetworkSettings withMoreDegradations(List<DegradationSpec> more) {
    List<DegradationSpec> all = new ArrayList<>(degradations);
    all.addAll(more);
    return new NetworkSettings(defaults, flows, cuts, mode, all, partitions);
  }

  /** These settings with {@code more} partitions after their own (a fault plan's). */
  public NetworkSettings withMorePartitions(List<PartitionSpec> more) {
    List<PartitionSpec> all = new ArrayList<>(partitions);
    all.addAll(more);
    return new NetworkSettings(defaults, flows, cuts, mode, degradations, all);
  }

  /** These settings with messages carried in {@code newMode}. */
  public NetworkSettings withMode(NetworkMode newMode) {
    return new NetworkSettings(defaults, flows, cuts, newMode, degradations, partitions);
  }

  /**
   * What the flows, cuts and degradations do to the links of {@code routes}: each flow takes the
   * route ECMP gives it (its flow id is a hash of its name; {@link Routes#flowRoute}).
   */
  public LinkSchedule schedule(Routes routes) {
    List<Link> links = routes.links();
    if (flows.isEmpty() && cuts.isEmpty() && degradations.isEmpty()) return LinkSchedule.empty();
    double[] capacity = new double[links.size()];
    for (int id = 0; id < capacity.length; id++) capacity[id] = links.get(id).spec().bandwidthGbps() * 1e9;
    List<TimedFlow> timed = new ArrayList<>();
    for (BackgroundFlowSpec f : flows) {
      Route route = routes.flowRoute(f.from(), f.to(), Seeds.idOf("background-flow/" + f.name()));
      timed.add(new TimedFlow(f.name(), f.startNs(), f.endNs(), new FlowDemand(f.demandBps(), route.linkIds())));
    }
    List<TimedCut> timedCuts = new ArrayList<>();
    for (CutSpec c : cuts) timedCuts.add(new TimedCut(c.startNs(), c.endNs(), c.linkIds(links)));
    List<TimedDegradation> degraded = new ArrayList<>();
    for (DegradationSpec d : degradations) {
      for (int id : d.linkIds(links)) {
        degraded.add(new TimedDegradation(d.startNs(), d.endNs(), id, d.degradation().on(capacity[id])));
      }
    }
    return LinkSchedule.compute(capacity, timed, timedCuts, degraded);
  }
}
