package geosim.store.detect;

import geosim.fabric.Fabric;
import geosim.kernel.Kernel;
import geosim.network.NetworkSettings;
import geosim.store.gossip.GossipRoster;
import geosim.store.gossip.GossipSettings;
import geosim.store.gossip.Gossiper;
import geosim.topology.Placement;
import geosim.topology.Topology;
import java.util.List;

/**
 * The failure-detector validation model on the fabric: every server of the topology gossips
 * ({@link DetectorNode}); the last server crashes at {@code crashAtNs}; the others record when
 * they convict it.
 */
public final class DetectorModel {
  /** Counter: observers that convicted the victim after its crash. */
  public static final String DETECTIONS = "fd.detections";
  /** Counter: sum of the observers' detection times (conviction - crash), ns. */
  public static final String DETECTION_NS_SUM = "fd.detection-ns-sum";
  /** Counter: sum of the observers' detector means (inter-arrival of news of the victim) at conviction, ns. */
  public static final String MEAN_INTERVAL_NS_SUM = "fd.mean-interval-ns-sum";
  /** Counter: sum of the observers' silence at conviction (conviction - their last news of the victim), ns. */
  public static final String SILENCE_NS_SUM = "fd.silence-ns-sum";
  /** Counter: convictions of nodes that had not crashed. */
  public static final String FALSE_CONVICTIONS = "fd.false-convictions";
  /** Histogram: detection times, ms. */
  public static final String DETECTION_MS = "fd.detection-ms";

  private final int observers;
  private final Fabric fabric;

  private DetectorModel(int observers, Fabric fabric) {
    this.observers = observers;
    this.fabric = fabric;
  }

  /**
   * Registers a gossiping node for every server of {@code topology} (at least two). Every node's
   * seeds are the first server of each data center, as operators list one or two nodes per data
   * center; every node starts in generation 1.
   */
  public static DetectorModel populate(Topology topology, DetectorSettings settings, NetworkSettings network,
      Kernel.Builder builder) {
    List<Placement> servers = topology.servers();
    if (servers.size() < 2) throw new IllegalArgumentException("the failure detector needs at least 2 servers, got 1");
    GossipRoster roster = GossipRoster.of(topology);
    String victim = servers.get(servers.size() - 1).path();
    GossipSettings gossip = GossipSettings.of(settings.gossipIntervalNs(), settings.phiThreshold())
        .withDetector(settings.detectorClass());
    Fabric fabric = Fabric.populate(topology, network, builder, (f, index, placement, nic) ->
        new DetectorNode(f, settings, index, nic, new Gossiper(placement.path(), 1, roster.seeds(), gossip), victim,
            roster));
    return new DetectorModel(servers.size() - 1, fabric);
  }

  public Fabric fabric() {
    return fabric;
  }

  /** Nodes that watch the victim: every server but the victim. */
  public int observers() {
    return observers;
  }
}
