package geosim.visualizer;

/**
 * Simulated events per wall-clock second, for the status line: the kernel's event count between
 * two renders over the wall time between them, smoothed. The wall clock is the UI's, never the
 * simulation's.
 */
final class EventRate {
  /** Weight of the newest measurement: about the last ten renders count. */
  private static final double SMOOTHING = 0.2;

  private long lastEvents = -1;
  private long lastWallNs;
  private double perSecond;

  void reset() {
    lastEvents = -1;
    perSecond = 0;
  }

  /** Records the kernel's event count now. */
  void add(long events) {
    add(events, System.nanoTime());
  }

  void add(long events, long wallNs) {
    if (events < 0) return;
    if (lastEvents >= 0 && wallNs > lastWallNs && events >= lastEvents) {
      double rate = (events - lastEvents) * 1e9 / (wallNs - lastWallNs);
      perSecond = perSecond == 0 ? rate : perSecond + SMOOTHING * (rate - perSecond);
    }
    if (events != lastEvents) {
      lastEvents = events;
      lastWallNs = wallNs;
    }
  }

  double perSecond() {
    return perSecond;
  }
}
