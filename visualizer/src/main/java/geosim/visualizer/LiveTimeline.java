package geosim.visualizer;

import geosim.kernel.Snapshot;
import geosim.kernel.SnapshotObserver;
import java.util.List;

/**
 * The sliding window of a live run: each snapshot becomes a {@link Frame} on the source's thread;
 * the UI thread takes immutable {@link View}s. Both sides are synchronized.
 */
final class LiveTimeline implements SnapshotObserver {

  /** An immutable copy: the frames of the window, oldest first, and the latest time. */
  record View(double latestTimeSeconds, List<Frame> frames) {
    View {
      frames = List.copyOf(frames);
    }

    Frame latest() {
      return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }
  }

  private final double windowSeconds;
  private Timeline timeline;
  private FrameBuilder builder = new FrameBuilder();

  /** @param windowSeconds virtual time the window spans, > 0 */
  LiveTimeline(double windowSeconds) {
    this.windowSeconds = windowSeconds;
    this.timeline = new Timeline(windowSeconds);
  }

  @Override
  public synchronized void onSnapshot(Snapshot snapshot) {
    timeline.add(builder.next(snapshot));
  }

  synchronized View view() {
    return timeline.isEmpty() ? new View(0, List.of())
        : new View(timeline.latest().timeSeconds(), timeline.all());
  }

  /** Forgets everything, before feeding a new run. */
  synchronized void clear() {
    timeline = new Timeline(windowSeconds);
    builder = new FrameBuilder();
  }
}
