package geosim.store.pbs;

import geosim.kernel.ActorRef;
import geosim.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;

/**
 * The PBS validation model: one coordinator ({@code pbs/coordinator}) and N replicas ({@code
 * pbs/replica-<i>}) in one partition unit (message delays are exponential, so as short as you
 * like: no lookahead between them).
 */
public final class PbsModel {
  /** Counter: trials started (one write, then one read, per trial). */
  public static final String TRIALS = "pbs.trials";
  /** Counter: reads returned. */
  public static final String READS = "pbs.reads";
  /** Counter: reads none of whose first R answers held the trial's write. */
  public static final String STALE_READS = "pbs.stale-reads";
  /** Histogram: write latency (to the W-th ack), us. */
  public static final String WRITE_LATENCY_US = "pbs.write.latency-us";
  /** Histogram: read latency (to the R-th answer), us. */
  public static final String READ_LATENCY_US = "pbs.read.latency-us";

  private PbsModel() {}

  /** Registers the coordinator and the replicas with {@code builder}. */
  public static void populate(PbsSettings settings, Kernel.Builder builder) {
    List<PbsReplica> replicas = new ArrayList<>();
    List<ActorRef<PbsProtocol>> refs = new ArrayList<>();
    for (int i = 0; i < settings.n(); i++) {
      PbsReplica replica = new PbsReplica(i, settings.messageLatencyMeanNs());
      replicas.add(replica);
      refs.add(builder.spawn("pbs/replica-" + i, replica));
    }
    ActorRef<PbsProtocol> coordinator = builder.spawn("pbs/coordinator", new PbsCoordinator(settings, refs));
    for (PbsReplica replica : replicas) replica.coordinator = coordinator;
  }

  /** Lookahead: every actor is in the one unit {@code pbs}, so any value works; the run's duration. */
  public static long lookaheadNs(long durationNs) {
    return Math.max(1, durationNs);
  }
}
