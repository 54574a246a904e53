package geosim.store.gossip;

/**
 * One setting of the detection experiment: φ threshold and gossip interval.
 *
 * @param phi the φ convict threshold
 * @param intervalS the gossip interval, whole seconds
 */
record DetectionCase(double phi, int intervalS) {
  static final long S = 1_000_000_000L;

  String label() {
    return String.format(java.util.Locale.ROOT, "φ = %.0f, gossip every %d s", phi, intervalS);
  }

  long intervalNs() {
    return intervalS * S;
  }

  GossipSettings settings() {
    return GossipSettings.of(intervalNs(), phi);
  }

  @Override
  public String toString() {
    return label();
  }
}
