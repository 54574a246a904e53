package geosim.kernel;

import java.util.Objects;

/**
 * How the kernel runs a model. Results depend on {@code seed}, {@code endNs}, {@code
 * eventBudget}, {@code metricsIntervalNs} and on the model's lookahead, never on {@code
 * partitions} or {@code partitionBy}.
 *
 * @param seed root seed of the run; every random stream derives from it
 * @param endNs virtual time to stop at, > 0
 * @param lookaheadNs smallest delay of any message between two partition units, >= 1 ns; the
 *     model declares it (e.g. the shortest link between regions when partitioning by region)
 * @param partitions number of partition actors, 1 to 1024
 * @param partitionBy how actor paths group into units that are placed on partitions
 * @param eventBudget stop at the first snapshot boundary where this many events are done, 0 = none
 * @param metricsIntervalNs time between snapshots, > 0
 * @param sync how partitions synchronise between snapshots; no effect on results
 */
public record KernelSettings(
    long seed,
    long endNs,
    long lookaheadNs,
    int partitions,
    PartitionBy partitionBy,
    long eventBudget,
    long metricsIntervalNs,
    Sync sync) {

  public static final int MAX_PARTITIONS = 1024;

  public KernelSettings {
    Objects.requireNonNull(partitionBy, "partitionBy");
    Objects.requireNonNull(sync, "sync");
    require(endNs > 0, "endNs must be > 0, got " + endNs);
    require(lookaheadNs >= 1, "lookaheadNs must be >= 1, got " + lookaheadNs);
    require(partitions >= 1 && partitions <= MAX_PARTITIONS,
        "partitions must be between 1 and " + MAX_PARTITIONS + ", got " + partitions);
    require(eventBudget >= 0, "eventBudget must be >= 0, got " + eventBudget);
    require(metricsIntervalNs > 0, "metricsIntervalNs must be > 0, got " + metricsIntervalNs);
  }

  /** Settings for a run to {@code endNs} with one partition, no budget and one snapshot at the end. */
  public static KernelSettings of(long seed, long endNs, long lookaheadNs) {
    return new KernelSettings(seed, endNs, lookaheadNs, 1, PartitionBy.NONE, 0, endNs, Sync.WINDOWS);
  }

  public KernelSettings withPartitions(int count, PartitionBy by) {
    return new KernelSettings(seed, endNs, lookaheadNs, count, by, eventBudget, metricsIntervalNs, sync);
  }

  public KernelSettings withEventBudget(long budget) {
    return new KernelSettings(seed, endNs, lookaheadNs, partitions, partitionBy, budget, metricsIntervalNs, sync);
  }

  public KernelSettings withMetricsInterval(long intervalNs) {
    return new KernelSettings(seed, endNs, lookaheadNs, partitions, partitionBy, eventBudget, intervalNs, sync);
  }

  /** The span of the coordinator's windows: the lookahead, or a multiple of it under {@link Sync#CHANNELS}. */
  public long windowNs() {
    return sync.windowNs(lookaheadNs);
  }

  public KernelSettings withSync(Sync mode) {
    return new KernelSettings(seed, endNs, lookaheadNs, partitions, partitionBy, eventBudget, metricsIntervalNs, mode);
  }

  private static void require(boolean ok, String message) {
    if (!ok) throw new IllegalArgumentException(message);
  }
}
