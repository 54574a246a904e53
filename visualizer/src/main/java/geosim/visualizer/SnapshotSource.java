package geosim.visualizer;

import geosim.kernel.SnapshotObserver;

/**
 * Where the visualizer's live snapshots come from: {@link SimulationSource}, a kernel run with the
 * observer registered. (A replay needs no source: {@link RunFolder} reads the whole run at once.)
 *
 * <p>A source calls its observer on a thread of its own, never the JavaFX thread, one snapshot at
 * a time, in increasing virtual time.
 */
public interface SnapshotSource {

  /**
   * Starts delivering snapshots to {@code observer} and returns at once. Called at most once.
   *
   * @throws IllegalStateException if the source was already started
   */
  void start(SnapshotObserver observer);

  /**
   * Stops delivering and returns once no further {@code onSnapshot} call will be made. Safe to
   * call more than once, and before {@link #start}.
   */
  void stop();

  /** One line for the status bar, e.g. "demo: synthetic load, seed 42". */
  String description();
}
