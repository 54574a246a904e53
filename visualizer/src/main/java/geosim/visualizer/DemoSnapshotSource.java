package geosim.visualizer;

import geosim.kernel.SnapshotObserver;

/**
 * Feeds a {@link SyntheticRun} to an observer from a background thread, paced in wall time so a
 * person can watch it (the pacing is the visualizer's, not the simulation's: the snapshots are the
 * same whatever the pace).
 */
public final class DemoSnapshotSource implements SnapshotSource {

  private final long seed;
  private final long wallMsPerSnapshot;
  private Thread thread;

  /**
   * @param seed seed of the synthetic run; the same seed gives the same snapshots
   * @param wallMsPerSnapshot wall-clock pause between snapshots, in ms; {@code >= 0} (100 plays one
   *     virtual second per 0.1 s, i.e. 10x real time)
   */
  public DemoSnapshotSource(long seed, long wallMsPerSnapshot) {
    if (wallMsPerSnapshot < 0) {
      throw new IllegalArgumentException("wallMsPerSnapshot must be >= 0, got " + wallMsPerSnapshot);
    }
    this.seed = seed;
    this.wallMsPerSnapshot = wallMsPerSnapshot;
  }

  @Override
  public synchronized void start(SnapshotObserver observer) {
    if (thread != null) {
      throw new IllegalStateException("demo source already started");
    }
    SyntheticRun run = new SyntheticRun(seed);
    thread = new Thread(() -> feed(run, observer), "geosim-demo-source");
    thread.setDaemon(true);
    thread.start();
  }

  private void feed(SyntheticRun run, SnapshotObserver observer) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        observer.onSnapshot(run.next());
        Thread.sleep(wallMsPerSnapshot);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stop() asked us to end; nothing left to do
    }
  }

  @Override
  public void stop() {
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t == null) {
      return;
    }
    t.interrupt();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String description() {
    return "demo: synthetic load, seed " + seed + ", 1 snapshot per virtual second";
  }
}
