package geosim.kernel;

/**
 * Receives a {@link Snapshot} at every metrics interval, on the kernel's coordinating thread.
 *
 * <p>The run waits while an observer works, so a slow observer throttles a run; it can never
 * change its results, because it sees only immutable snapshots and acts only between windows.
 * An observer that needs a UI thread hands the snapshot over and returns.
 *
 * <p>An observer that fails the run throws; an {@link ObservedFailure} names the actor at fault.
 */
@FunctionalInterface
public interface SnapshotObserver {
  void onSnapshot(Snapshot snapshot);

  /**
   * What the kernel calls: the snapshot and, for the length of this call, each actor's share of
   * its counters. By default the breakdown is not used.
   */
  default void onSnapshot(Snapshot snapshot, CounterBreakdown byActor) {
    onSnapshot(snapshot);
  }
}
