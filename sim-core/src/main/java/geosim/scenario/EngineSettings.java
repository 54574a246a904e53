package geosim.scenario;

import geosim.kernel.PartitionBy;
import java.util.Objects;

/**
 * How the kernel runs a scenario.
 *
 * @param partitionBy the topology level that groups actors into partition units
 * @param partitions number of partitions, {@value #PARTITIONS_MIN} to {@value #PARTITIONS_MAX}
 * @param eventBudget stop after this many events, >= 0; 0 means no budget
 */
public record EngineSettings(PartitionBy partitionBy, int partitions, long eventBudget) {
  public static final int PARTITIONS_MIN = 1;
  /** Assumption: more partitions than this gains nothing on the machines geosim targets. */
  public static final int PARTITIONS_MAX = 256;

  public EngineSettings {
    Objects.requireNonNull(partitionBy, "partitionBy");
    if (partitions < PARTITIONS_MIN || partitions > PARTITIONS_MAX) {
      throw new IllegalArgumentException(
          "partitions must be between " + PARTITIONS_MIN + " and " + PARTITIONS_MAX + ", got " + partitions);
    }
    if (eventBudget < 0) {
      throw new IllegalArgumentException("eventBudget must be >= 0, got " + eventBudget);
    }
  }
}
