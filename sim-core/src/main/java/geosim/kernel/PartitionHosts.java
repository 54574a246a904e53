package geosim.kernel;

/**
 * Where a run's partition actors live. The coordinator talks to every partition through a Pekko
 * {@code ActorRef} and the same Advance / WindowDone messages, so a partition hosted by another
 * member of a Pekko Cluster (its actor spawned there from {@link Kernel#partitionBehavior}) is
 * driven exactly like one spawned beside the coordinator, and the run's windows are the same.
 */
@FunctionalInterface
public interface PartitionHosts {
  /** Every partition beside the coordinator, in its actor system: a one-JVM run. */
  PartitionHosts LOCAL = partition -> null;

  /**
   * The actor that hosts {@code partition} elsewhere (it must accept the kernel's partition
   * protocol: spawned from {@link Kernel#partitionBehavior} of the same scenario and seed), or
   * null to spawn the partition beside the coordinator.
   */
  org.apache.pekko.actor.typed.ActorRef<?> remote(int partition);
}
