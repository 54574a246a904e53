package geosim.visualizer;

import geosim.kernel.Snapshot;
import geosim.kernel.SnapshotObserver;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Carries snapshots from the source's thread to the charts on the UI thread, coalesced.
 *
 * <p>Every snapshot goes into the {@link LiveTimeline} at once, on the source's thread, so no
 * interval is lost and the source never waits for the UI. A pacer thread {@link #tick ticks} every
 * {@code refreshMs}; a tick hands one render of the latest {@link LiveTimeline.View} to the UI
 * executor ({@code Platform::runLater}) only if something changed and the previous render has
 * finished. So at most one render is queued at any time, and at most one runs per tick: however
 * fast snapshots come, the UI queue stays bounded.
 */
final class ChartFeed implements SnapshotObserver {

  private final LiveTimeline series;
  private final Executor uiThread;
  private final Consumer<LiveTimeline.View> render;
  private final AtomicBoolean dirty = new AtomicBoolean();
  private final AtomicBoolean renderQueued = new AtomicBoolean();
  private ScheduledExecutorService pacer;

  ChartFeed(LiveTimeline series, Executor uiThread, Consumer<LiveTimeline.View> render) {
    this.series = series;
    this.uiThread = uiThread;
    this.render = render;
  }

  @Override
  public void onSnapshot(Snapshot snapshot) {
    series.onSnapshot(snapshot);
    dirty.set(true);
  }

  /** Queues one render if the series changed since the last one and none is queued. */
  void tick() {
    if (renderQueued.get() || !dirty.get()) {
      return;
    }
    renderQueued.set(true);
    uiThread.execute(() -> {
      try {
        // Cleared here, just before the view is taken, so a render queued behind a burst of
        // snapshots shows all of them and the next tick doesn't render the same state again.
        dirty.set(false);
        render.accept(series.view());
      } finally {
        renderQueued.set(false);
      }
    });
  }

  /**
   * Starts ticking every {@code refreshMs} on a daemon thread.
   *
   * @param refreshMs wall-clock period between ticks, in ms; {@code > 0} (50 = at most 20 renders
   *     per second)
   */
  synchronized void start(long refreshMs) {
    if (refreshMs <= 0) {
      throw new IllegalArgumentException("refreshMs must be > 0, got " + refreshMs);
    }
    if (pacer != null) {
      throw new IllegalStateException("chart feed already started");
    }
    pacer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "geosim-chart-pacer");
      t.setDaemon(true);
      return t;
    });
    pacer.scheduleAtFixedRate(this::tick, 0, refreshMs, TimeUnit.MILLISECONDS);
  }

  synchronized void stop() {
    if (pacer != null) {
      pacer.shutdownNow();
    }
  }
}
