package geosim.kernel;

/**
 * Receives a {@link Snapshot} at every metrics interval, on the kernel's coordinating thread.
 *
 * <p>The run waits while an observer works, so a slow observer throttles a run; it can never
 * change its results, because it sees only immutable snapshots and acts only between windows.
 * An observer that needs a UI thread hands the snapshot over and returns.
 */
@FunctionalInterface
public interface SnapshotObserver {
  void onSnapshot(Snapshot snapshot);
}
