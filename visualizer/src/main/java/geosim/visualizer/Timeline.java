package geosim.visualizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Frames in increasing time: everything of a replay, or the sliding window of a live run. Not
 * thread-safe; {@link LiveTimeline} guards a live one.
 */
final class Timeline {
  private final List<Frame> frames = new ArrayList<>();
  private final double keepSeconds;

  /** @param keepSeconds frames older than the latest minus this are dropped; infinite keeps all */
  Timeline(double keepSeconds) {
    if (!(keepSeconds > 0)) throw new IllegalArgumentException("keepSeconds must be > 0, got " + keepSeconds);
    this.keepSeconds = keepSeconds;
  }

  /** @throws IllegalArgumentException if {@code frame} is older than the latest one */
  void add(Frame frame) {
    if (!frames.isEmpty() && frame.timeSeconds() < latest().timeSeconds()) {
      throw new IllegalArgumentException("frames must not go back in time: " + frame.timeSeconds()
          + " after " + latest().timeSeconds());
    }
    frames.add(frame);
    double oldest = frame.timeSeconds() - keepSeconds;
    int drop = 0;
    while (drop < frames.size() && frames.get(drop).timeSeconds() < oldest) drop++;
    if (drop > 0) frames.subList(0, drop).clear();
  }

  boolean isEmpty() {
    return frames.isEmpty();
  }

  Frame latest() {
    return frames.get(frames.size() - 1);
  }

  Frame first() {
    return frames.get(0);
  }

  int size() {
    return frames.size();
  }

  /** The frame at or before {@code timeSeconds}, or the first frame if all are later. */
  Frame at(double timeSeconds) {
    int i = indexAtOrBefore(timeSeconds);
    return frames.get(Math.max(i, 0));
  }

  /** A copy of the frames in {@code (endSeconds - widthSeconds, endSeconds]}, oldest first. */
  List<Frame> window(double endSeconds, double widthSeconds) {
    List<Frame> out = new ArrayList<>();
    for (Frame f : frames) {
      if (f.timeSeconds() > endSeconds - widthSeconds && f.timeSeconds() <= endSeconds) out.add(f);
    }
    return out;
  }

  List<Frame> all() {
    return List.copyOf(frames);
  }

  private int indexAtOrBefore(double timeSeconds) {
    int lo = 0;
    int hi = frames.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (frames.get(mid).timeSeconds() <= timeSeconds) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
