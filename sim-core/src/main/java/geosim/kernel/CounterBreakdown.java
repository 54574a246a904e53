package geosim.kernel;

import java.util.Collections;
import java.util.SortedMap;

/**
 * Who holds what of a counter at the snapshot being observed: each actor's own value, by actor
 * path. A snapshot sums a counter over every actor that counts it; when a check on the sums fails,
 * an observer asks this for the few counters involved to name the actor at fault.
 *
 * <p>Nothing is gathered until asked, so a run whose checks pass pays nothing for it. The kernel's
 * breakdown reads the partitions while they wait at the snapshot boundary, so it answers only
 * during {@link SnapshotObserver#onSnapshot(Snapshot, CounterBreakdown)}; afterwards it throws.
 */
@FunctionalInterface
public interface CounterBreakdown {
  /**
   * The label of what counters looked up outside any actor's call hold (none do in the models so
   * far); never an actor path, as paths hold no spaces.
   */
  String NO_ACTOR = "(no actor)";

  /** No breakdown: every counter is held by no one known (for snapshots made outside a run). */
  CounterBreakdown NONE = name -> Collections.emptySortedMap();

  /**
   * Each actor's value of the counter {@code name}, by actor path (sorted), summing to the
   * snapshot's value; empty when no actor counts it or no breakdown is available.
   *
   * @throws IllegalStateException when asked after the observer call it was handed to
   */
  SortedMap<String, Long> byActor(String name);
}
