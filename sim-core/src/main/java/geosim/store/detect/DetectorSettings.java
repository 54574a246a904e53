package geosim.store.detect;

import geosim.kernel.ExtensionClass;
import geosim.store.gossip.FailureDetector;

/**
 * Parameters of the failure-detector validation model. Times are virtual ns.
 *
 * @param gossipIntervalNs time between a node's gossip rounds, > 0
 * @param phiThreshold phi above which a peer is convicted, > 0 and finite
 * @param crashAtNs when the victim (the topology's last server) crashes, > 0
 * @param detectorClass the failure detector's class, or null for phi accrual
 */
public record DetectorSettings(long gossipIntervalNs, double phiThreshold, long crashAtNs, ExtensionClass<FailureDetector> detectorClass) {
  public DetectorSettings {
    if (gossipIntervalNs <= 0) throw new IllegalArgumentException("gossipIntervalNs must be > 0, got " + gossipIntervalNs);
    if (!(phiThreshold > 0 && Double.isFinite(phiThreshold))) {
      throw new IllegalArgumentException("phiThreshold must be > 0 and finite, got " + phiThreshold);
    }
    if (crashAtNs <= 0) throw new IllegalArgumentException("crashAtNs must be > 0, got " + crashAtNs);
  }

  /** Settings with the phi-accrual detector. */
  public DetectorSettings(long gossipIntervalNs, double phiThreshold, long crashAtNs) {
    this(gossipIntervalNs, phiThreshold, crashAtNs, null);
  }
}
