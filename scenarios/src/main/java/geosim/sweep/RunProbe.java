package geosim.sweep;

import geosim.kernel.SnapshotObserver;
import java.util.SortedMap;

/**
 * Extra figures a sweep adds to each replication's summary, read off the run's snapshots (for
 * example when something first happened). One probe watches one run: a sweep asks its factory for
 * a fresh probe per replication. Like every observer it sees only immutable snapshots, so it never
 * changes the run's results.
 */
public interface RunProbe extends SnapshotObserver {
  /** Adds the probe's figures to {@code summary} once the run has ended. */
  void addTo(SortedMap<String, Object> summary);
}
