package geosim.store.client;

import geosim.kernel.PartitionBy;
import java.util.Objects;

/**
 * The hop from a client or app server to what it calls ({@link ClientRoutes}): the one-way delay
 * within a region, and the kernel's partitioning and lookahead, which bound a delay between two
 * partition units from below.
 *
 * @param accessLatencyNs one-way delay within a region, ns, > 0
 * @param by the kernel's partitioning
 * @param lookaheadNs the kernel's lookahead, ns, >= 1
 */
record AccessHop(long accessLatencyNs, PartitionBy by, long lookaheadNs) {
  AccessHop {
    if (accessLatencyNs <= 0) throw new IllegalArgumentException("accessLatencyNs must be > 0, got " + accessLatencyNs);
    Objects.requireNonNull(by, "by");
    if (lookaheadNs < 1) throw new IllegalArgumentException("lookaheadNs must be >= 1, got " + lookaheadNs);
  }
}
