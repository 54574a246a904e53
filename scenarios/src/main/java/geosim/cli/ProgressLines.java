package geosim.cli;

import geosim.kernel.Snapshot;
import geosim.kernel.SnapshotObserver;
import geosim.kernel.VirtualTime;
import java.io.PrintStream;

/**
 * Plain progress lines on stderr, at most one every two seconds of wall time: virtual time done
 * of total, events per second. (The terminal progress bar comes with the batch CLI issue.)
 */
final class ProgressLines implements SnapshotObserver {
  private static final long EVERY_NS = 2_000_000_000L;
  private final PrintStream err;
  private final long totalNs;
  private final long startWall = System.nanoTime();
  private long lastPrint = startWall;

  ProgressLines(PrintStream err, long totalNs) {
    this.err = err;
    this.totalNs = totalNs;
  }

  @Override
  public void onSnapshot(Snapshot snapshot) {
    long wall = System.nanoTime();
    if (wall - lastPrint < EVERY_NS) return;
    lastPrint = wall;
    double elapsed = (wall - startWall) / 1e9;
    double fraction = snapshot.timeNs() / (double) totalNs;
    err.printf("geosim: %s of %s virtual (%.0f%%), %,.0f events/s, about %.0f s left%n",
        VirtualTime.format(snapshot.timeNs()), VirtualTime.format(totalNs), 100 * fraction,
        snapshot.events() / elapsed, elapsed * (1 - fraction) / Math.max(fraction, 1e-9));
  }
}
