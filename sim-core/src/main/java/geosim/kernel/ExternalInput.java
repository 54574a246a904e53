package geosim.kernel;

import java.util.List;

/**
 * Where messages from outside the model come in while a run goes on (the visualizer's fault
 * injection). The run coordinator asks at every snapshot boundary (and once at time 0, after the
 * start hooks), when no partition is running: every event returned must lie at or after that
 * boundary, so no partition has passed its time yet, and the events join the queues of the
 * partitions that own their targets. Whatever the partitioning, the same events therefore run in
 * the same order; a run fed the same events, handed in at any earlier boundary, computes the same.
 *
 * <p>Called on the coordinator's thread; an implementation that drivers feed from other threads
 * must hand their requests over safely.
 */
public interface ExternalInput {
  /** The path whose id external events carry as their source in the total event order. */
  String SOURCE_PATH = "kernel/external-input";

  /**
   * The external events to deliver from now on.
   *
   * @param boundaryNs the snapshot boundary the run stands at, ns; every event must have {@code
   *     timeNs >= boundaryNs}
   */
  List<ExternalEvent> drain(long boundaryNs);
}
