package geosim.store.node;

import geosim.kernel.ExtensionClass;
import geosim.store.repair.RepairSettings;
import geosim.store.ring.ConsistencyLevel;
import geosim.store.ring.PlacementStrategy;
import geosim.store.ring.ReplicationStrategy;
import geosim.store.ring.TokenRing;
import geosim.store.storage.StorageEngine;
import geosim.store.storage.StorageSettings;
import java.util.Objects;

/**
 * Parameters of {@code model = store}. Times are virtual nanoseconds. Whether the strategy fits
 * the topology (a region's rf at most its servers, levels satisfiable from every region) is
 * checked where the topology is known: by the scenario reader, and by {@link
 * geosim.store.ring.ReplicaPlacement} when the model is built.
 *
 * @param vnodes tokens per server, 1 to {@link TokenRing#VNODES_MAX}
 * @param strategy SimpleStrategy or NetworkTopologyStrategy
 * @param writeConsistency level of every write
 * @param readConsistency level of every read; not ANY
 * @param writeTimeoutNs time after which a write not yet acknowledged fails, > 0
 * @param readTimeoutNs time after which a read not yet answered fails, > 0
 * @param cpuPerRequestNs CPU a replica spends on one mutation or read, core-ns, >= 0
 * @param storage each replica's storage engine settings
 * @param workload the requests each server coordinates
 * @param repair anti-entropy repair: when, and its costs
 * @param clocks the servers' clock offsets, which write timestamps carry
 * @param readRepair how often reads ask replicas beyond their level, for read repair
 * @param availability gossip, failure detection and hinted handoff
 * @param speculativeRetry when a slow read asks one more replica
 * @param membership servers that join or leave the ring during the run
 * @param placementClass the replica placement strategy's class ({@code store.placement-class}), or
 *     null for the strategy's own (SimpleStrategy's or NetworkTopologyStrategy's walk)
 */
public record StoreSettings(int vnodes, ReplicationStrategy strategy, ConsistencyLevel writeConsistency,
    ConsistencyLevel readConsistency, long writeTimeoutNs, long readTimeoutNs, long cpuPerRequestNs,
    StorageSettings storage, StoreWorkload workload, RepairSettings repair, ClockSettings clocks,
    ReadRepairSettings readRepair, AvailabilitySettings availability, SpeculativeRetry speculativeRetry,
    MembershipSettings membership, ExtensionClass<PlacementStrategy> placementClass) {
  /**
   * Bytes a mutation adds to its value in the commit log and memtable: an 8-byte key and an 8-byte
   * timestamp. Assumption: Cassandra's row and cell headers, a few bytes each, are left out.
   */
  public static final int MUTATION_OVERHEAD_BYTES = 16;

  public StoreSettings {
    if (vnodes < 1 || vnodes > TokenRing.VNODES_MAX) {
      throw new IllegalArgumentException("vnodes must be between 1 and " + TokenRing.VNODES_MAX + ", got " + vnodes);
    }
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(writeConsistency, "writeConsistency");
    Objects.requireNonNull(readConsistency, "readConsistency");
    if (!readConsistency.allowsReads()) throw new IllegalArgumentException("readConsistency must not be ANY");
    if (writeTimeoutNs <= 0) throw new IllegalArgumentException("writeTimeoutNs must be > 0, got " + writeTimeoutNs);
    if (readTimeoutNs <= 0) throw new IllegalArgumentException("readTimeoutNs must be > 0, got " + readTimeoutNs);
    if (cpuPerRequestNs < 0) throw new IllegalArgumentException("cpuPerRequestNs must be >= 0, got " + cpuPerRequestNs);
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(repair, "repair");
    Objects.requireNonNull(clocks, "clocks");
    Objects.requireNonNull(readRepair, "readRepair");
    Objects.requireNonNull(availability, "availability");
    Objects.requireNonNull(speculativeRetry, "speculativeRetry");
    Objects.requireNonNull(membership, "membership");
    if (workload.valueBytes() + MUTATION_OVERHEAD_BYTES > StorageEngine.MUTATION_BYTES_MAX) {
      throw new IllegalArgumentException("a mutation of " + workload.valueBytes() + " value bytes exceeds "
          + StorageEngine.MUTATION_BYTES_MAX);
    }
  }

  /** The same settings with no per-server request stream: client actors send the requests. */
  public StoreSettings withoutServerStream() {
    return new StoreSettings(vnodes, strategy, writeConsistency, readConsistency, writeTimeoutNs, readTimeoutNs,
        cpuPerRequestNs, storage, workload.withoutServerStream(), repair, clocks, readRepair, availability,
        speculativeRetry, membership, placementClass);
  }

  /**
   * These settings with an elastic ring ({@link MembershipSettings#elastic}): the first {@code
   * initialPerRegion} servers of each region on the ring at the start, the others spares.
   */
  public StoreSettings withElasticRing(int initialPerRegion) {
    return new StoreSettings(vnodes, strategy, writeConsistency, readConsistency, writeTimeoutNs, readTimeoutNs,
        cpuPerRequestNs, storage, workload, repair, clocks, readRepair, availability, speculativeRetry,
        membership.elastic(initialPerRegion), placementClass);
  }

  /** A new instance of the placement strategy: {@link #placementClass}'s, or the replication strategy itself. */
  public PlacementStrategy placement() {
    return placementClass == null ? strategy : placementClass.create();
  }

  /** Bytes of one mutation in the commit log and memtable: value + {@value #MUTATION_OVERHEAD_BYTES}. */
  public int mutationBytes() {
    return workload.valueBytes() + MUTATION_OVERHEAD_BYTES;
  }
}
