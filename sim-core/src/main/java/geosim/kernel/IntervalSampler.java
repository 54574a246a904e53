package geosim.kernel;

/**
 * Something a model measures at every snapshot boundary rather than at its own events, for
 * example the share of an interval a link was busy. Register it with {@link
 * Metrics#sampleAtSnapshots} (typically in {@link SimActor#start}); the partition calls it at
 * every boundary, after every event before the boundary and before the snapshot's metrics are
 * taken, so what it records lands in the interval that ends there.
 *
 * <p>It runs between events, with no {@link ActorContext}: it may read its owner's state and
 * record into counters and histograms it looked up, nothing else. Samplers of one partition run
 * in the order they were registered; the boundaries are the same at any partitioning, so what
 * they record is too.
 */
@FunctionalInterface
public interface IntervalSampler {
  /**
   * Samples at a snapshot boundary.
   *
   * @param atNs virtual time of the boundary, ns: every event before it has been processed, none
   *     at or after it
   */
  void sample(long atNs);
}
