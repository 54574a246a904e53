package geosim.store.node;

import geosim.kernel.ExtensionClass;
import geosim.store.gossip.FailureDetector;
import geosim.store.gossip.GossipSettings;

/**
 * How the store's servers watch each other and cover for a replica that is down: gossip with a
 * phi-accrual failure detector, and hinted handoff. Times are virtual ns. Defaults ({@link
 * #cassandra()}) and their sources are in docs/model.md, section "Failure detection and hinted
 * handoff in the store".
 *
 * @param gossipIntervalNs time between a server's gossip rounds, ns, > 0 (Cassandra: 1 s)
 * @param phiThreshold φ above which a peer is believed down, > 0 and finite (cassandra.yaml
 *     phi_convict_threshold: 8)
 * @param windowSize inter-arrival times each detector keeps, 1 to 1,000,000 (Cassandra's
 *     FailureDetector.SAMPLE_SIZE: 1000); a detector's window costs 4 bytes a sample once full
 * @param maxHintWindowNs a replica down longer than this gets no more hints, ns, >= 0 (cassandra.yaml
 *     max_hint_window_in_ms: 3 h)
 * @param harvestIntervalNs time between two runs of a coordinator's hint harvester, ns, > 0 (the
 *     seed's "harvester every 15 min")
 * @param throttleBytesPerSecond hint bytes a coordinator replays per second, > 0 (cassandra.yaml
 *     hinted_handoff_throttle_in_kb: 1024)
 * @param detectorClass the failure detector's class ({@code store.failure-detector.class}), or
 *     null for phi accrual
 */
public record AvailabilitySettings(long gossipIntervalNs, double phiThreshold, int windowSize, long maxHintWindowNs,
    long harvestIntervalNs, long throttleBytesPerSecond, ExtensionClass<FailureDetector> detectorClass) {
  /** Cassandra's max_hint_window_in_ms: 3 hours. */
  public static final long MAX_HINT_WINDOW_NS_DEFAULT = 3 * 3600 * 1_000_000_000L;
  /** The seed's hint harvester: every 15 minutes. */
  public static final long HARVEST_INTERVAL_NS_DEFAULT = 15 * 60 * 1_000_000_000L;
  /** Cassandra's hinted_handoff_throttle_in_kb: 1024 KiB per second. */
  public static final long THROTTLE_BYTES_PER_SECOND_DEFAULT = 1024 * 1024;

  public AvailabilitySettings {
    gossip(gossipIntervalNs, phiThreshold, windowSize); // checks all three
    if (maxHintWindowNs < 0) throw new IllegalArgumentException("maxHintWindowNs must be >= 0, got " + maxHintWindowNs);
    if (harvestIntervalNs <= 0) {
      throw new IllegalArgumentException("harvestIntervalNs must be > 0, got " + harvestIntervalNs);
    }
    if (throttleBytesPerSecond <= 0) {
      throw new IllegalArgumentException("throttleBytesPerSecond must be > 0, got " + throttleBytesPerSecond);
    }
  }

  /** Cassandra's defaults, and the seed's 15-minute harvester. */
  public static AvailabilitySettings cassandra() {
    return new AvailabilitySettings(GossipSettings.INTERVAL_NS_DEFAULT, GossipSettings.PHI_CONVICT_THRESHOLD_DEFAULT,
        GossipSettings.WINDOW_SIZE_DEFAULT, MAX_HINT_WINDOW_NS_DEFAULT, HARVEST_INTERVAL_NS_DEFAULT, THROTTLE_BYTES_PER_SECOND_DEFAULT,
        null);
  }

  /** The gossip settings: these rounds, threshold and window; initial and longest interval twice the rounds', as Cassandra's. */
  public GossipSettings gossip() {
    return gossip(gossipIntervalNs, phiThreshold, windowSize).withDetector(detectorClass);
  }

  private static GossipSettings gossip(long intervalNs, double phi, int windowSize) {
    GossipSettings cassandra = GossipSettings.of(intervalNs, phi);
    return new GossipSettings(intervalNs, phi, windowSize, cassandra.initialIntervalNs(), cassandra.maxIntervalNs());
  }

  /** Time to replay one hint of {@code bytes} at the throttle, ns. */
  public long replaySpacingNs(long bytes) {
    return Math.max(1, Math.round(bytes * 1e9 / throttleBytesPerSecond));
  }
}
