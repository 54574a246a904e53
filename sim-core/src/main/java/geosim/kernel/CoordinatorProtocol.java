package geosim.kernel;

import java.util.List;

/** Messages the run coordinator accepts. */
interface CoordinatorProtocol {
  /** Marker of the coordinator's commands. */
  interface Command extends CrossPartitionMessage {}

  /**
   * A partition finished a window ({@code windows} of them when it runs alone). {@code
   * metrics} is null unless asked for. Under {@link Sync#CHANNELS}, {@code progressSent[p]} is the
   * number of Progress messages it has sent partition p since the run began (null otherwise).
   */
  record WindowDone(
      int partition,
      long windows,
      long nextEventTimeNs,
      long events,
      List<EventBatch> outbound,
      MetricsReport metrics,
      long[] progressSent)
      implements Command {
    public WindowDone {
      outbound = List.copyOf(outbound);
    }

    /** A window's report without Progress counts ({@link Sync#WINDOWS}). */
    public WindowDone(int partition, long windows, long nextEventTimeNs, long events, List<EventBatch> outbound,
        MetricsReport metrics) {
      this(partition, windows, nextEventTimeNs, events, outbound, metrics, null);
    }
  }

  /** A simulated actor threw: the run stops with this failure. */
  record PartitionFailed(int partition, String actorPath, long timeNs, String error, String stackTrace)
      implements Command {}

  /**
   * The coordinator's own timer: window number {@code window} has waited longer than the window
   * timeout ({@link Kernel#windowTimeout}). Local only.
   */
  record WindowOverdue(long window) implements Command {}

  /** The run control released a pause or granted a step. */
  record Continue() implements Command {}
}
