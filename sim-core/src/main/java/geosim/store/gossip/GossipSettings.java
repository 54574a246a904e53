package geosim.store.gossip;

import geosim.kernel.ExtensionClass;

/**
 * Parameters of gossip and of the failure detector.
 *
 * <p>Defaults ({@link #cassandra()}) are Cassandra's: a round every second (Gossiper.intervalInMillis
 * = 1000), conviction at φ > 8 (cassandra.yaml, {@code phi_convict_threshold: 8}; DataStax
 * advises 10 to 12 on EC2), a window of 1000 inter-arrival times (FailureDetector.SAMPLE_SIZE),
 * an initial interval of twice the gossip interval (FailureDetector.INITIAL_VALUE) and the same
 * as the longest interval recorded (ArrivalWindow.MAX_INTERVAL). Source: github.com/apache/cassandra,
 * src/java/org/apache/cassandra/gms/{Gossiper,FailureDetector}.java and conf/cassandra.yaml;
 * docs.datastax.com/en/cassandra/2.1/cassandra/architecture/architectureDataDistributeFailDetect_c.html.
 * The 2008 Cassandra of the seed notes used φ = 5 ("detection is 10 to 15 seconds with PHI=5").
 *
 * @param intervalNs time between a node's gossip rounds, ns, >= 1
 * @param phiConvictThreshold φ above which a peer is convicted (unreachable), > 0 and finite
 * @param windowSize inter-arrival times each detector keeps, 1 to 1,000,000
 * @param initialIntervalNs the detector's first sample, ns, >= 1
 * @param maxIntervalNs the longest inter-arrival time a detector records, ns, >= 1
 * @param detectorClass the failure detector's class, or null for {@link PhiAccrualDetector}
 */
public record GossipSettings(long intervalNs, double phiConvictThreshold, int windowSize, long initialIntervalNs,
    long maxIntervalNs, ExtensionClass<FailureDetector> detectorClass) {

  /** Cassandra's gossip interval: 1 s. */
  public static final long INTERVAL_NS_DEFAULT = 1_000_000_000L;
  /** Cassandra's phi_convict_threshold: 8. */
  public static final double PHI_CONVICT_THRESHOLD_DEFAULT = 8.0;
  /** Cassandra's FailureDetector.SAMPLE_SIZE: 1000. */
  public static final int WINDOW_SIZE_DEFAULT = 1000;

  public GossipSettings {
    if (intervalNs < 1) throw new IllegalArgumentException("intervalNs must be >= 1, got " + intervalNs);
    if (!(phiConvictThreshold > 0 && Double.isFinite(phiConvictThreshold))) {
      throw new IllegalArgumentException("phiConvictThreshold must be > 0 and finite, got " + phiConvictThreshold);
    }
    // The detector checks the window and the intervals; fail here, when the settings are made.
    new PhiAccrualDetector(windowSize, initialIntervalNs, maxIntervalNs);
  }

  /** Settings with the phi-accrual detector. */
  public GossipSettings(long intervalNs, double phiConvictThreshold, int windowSize, long initialIntervalNs,
      long maxIntervalNs) {
    this(intervalNs, phiConvictThreshold, windowSize, initialIntervalNs, maxIntervalNs, null);
  }

  /** The same settings with {@code detector} (null: phi accrual). */
  public GossipSettings withDetector(ExtensionClass<FailureDetector> detector) {
    return new GossipSettings(intervalNs, phiConvictThreshold, windowSize, initialIntervalNs, maxIntervalNs, detector);
  }

  /** Cassandra's defaults: 1 s rounds, φ threshold 8, 1000 samples, 2 s initial and maximum interval. */
  public static GossipSettings cassandra() {
    return of(INTERVAL_NS_DEFAULT, PHI_CONVICT_THRESHOLD_DEFAULT);
  }

  /**
   * Rounds every {@code intervalNs}, conviction above {@code phiConvictThreshold}, and the rest
   * derived as Cassandra derives it: 1000 samples, initial and maximum interval twice the
   * gossip interval.
   */
  public static GossipSettings of(long intervalNs, double phiConvictThreshold) {
    if (intervalNs < 1 || intervalNs > Long.MAX_VALUE / (2L * WINDOW_SIZE_DEFAULT)) {
      throw new IllegalArgumentException("intervalNs must be between 1 and "
          + Long.MAX_VALUE / (2L * WINDOW_SIZE_DEFAULT) + ", got " + intervalNs);
    }
    return new GossipSettings(intervalNs, phiConvictThreshold, WINDOW_SIZE_DEFAULT, 2 * intervalNs, 2 * intervalNs);
  }

  /** A fresh detector with these settings: the configured class, else phi accrual. */
  public FailureDetector newDetector() {
    return detectorClass == null ? new PhiAccrualDetector(windowSize, initialIntervalNs, maxIntervalNs)
        : detectorClass.create(this);
  }
}
