package geosim.scenario;

import geosim.kernel.PartitionBy;
import geosim.kernel.Sync;
import java.util.Objects;

/**
 * How the kernel runs a scenario.
 *
 * @param partitionBy the topology level that groups actors into partition units
 * @param partitions number of partitions, {@value #PARTITIONS_MIN} to {@value #PARTITIONS_MAX}
 * @param eventBudget stop after this many events, >= 0; 0 means no budget
 * @param sync how partitions synchronise between snapshots (no effect on results)
 */
public record EngineSettings(PartitionBy partitionBy, int partitions, long eventBudget, Sync sync) {
  public static final int PARTITIONS_MIN = 1;
  /** Assumption: more partitions than this gains nothing on the machines geosim targets. */
  public static final int PARTITIONS_MAX = 256;

  public EngineSettings {
    Objects.requireNonNull(partitionBy, "partitionBy");
    Objects.requireNonNull(sync, "sync");
    if (partitions < PARTITIONS_MIN || partitions > PARTITIONS_MAX) {
      throw new IllegalArgumentException(
          "partitions must be between " + PARTITIONS_MIN + " and " + PARTITIONS_MAX + ", got " + partitions);
    }
    if (eventBudget < 0) {
      throw new IllegalArgumentException("eventBudget must be >= 0, got " + eventBudget);
    }
  }

  /** Windows synchronisation, the default. */
  public EngineSettings(PartitionBy partitionBy, int partitions, long eventBudget) {
    this(partitionBy, partitions, eventBudget, Sync.WINDOWS);
  }
}
