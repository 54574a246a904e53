package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import geosim.kernel.Snapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChartFeedTest {

  private static final long S = 1_000_000_000L;

  /** A UI thread we run by hand: queued tasks wait until {@link #runAll}. */
  private final Deque<Runnable> uiQueue = new ArrayDeque<>();
  private final List<LiveTimeline.View> rendered = new ArrayList<>();
  private final ChartFeed feed = new ChartFeed(new LiveTimeline(600), uiQueue::add, rendered::add);

  @Test
  void manySnapshotsBetweenTicksGiveOneRenderOfTheLatestState() {
    for (long t = 1; t <= 50; t++) {
      feed.onSnapshot(snapshot(t));
    }
    feed.tick();
    runAll();
    assertEquals(1, rendered.size());
    assertEquals(50.0, rendered.get(0).latestTimeSeconds());
    assertEquals(50, rendered.get(0).frames().size(), "no interval is lost");
  }

  @Test
  void noSecondRenderIsQueuedWhileOneIsPendingAndThePendingOneShowsTheLatestState() {
    feed.onSnapshot(snapshot(1));
    feed.tick();
    feed.onSnapshot(snapshot(2));
    feed.tick();
    feed.tick();
    assertEquals(1, uiQueue.size());
    runAll();
    feed.tick(); // the render already showed 2 s: nothing is owed
    runAll();
    assertEquals(List.of(2.0), rendered.stream().map(LiveTimeline.View::latestTimeSeconds).toList());
  }

  @Test
  void snapshotArrivingDuringARenderIsRenderedAtTheNextTick() {
    List<LiveTimeline.View> seen = new ArrayList<>();
    ChartFeed[] self = new ChartFeed[1];
    self[0] = new ChartFeed(new LiveTimeline(600), uiQueue::add, view -> {
      seen.add(view);
      if (seen.size() == 1) {
        self[0].onSnapshot(snapshot(2)); // the source runs on while the UI draws
      }
    });
    self[0].onSnapshot(snapshot(1));
    self[0].tick();
    runAll();
    self[0].tick();
    runAll();
    assertEquals(List.of(1.0, 2.0), seen.stream().map(LiveTimeline.View::latestTimeSeconds).toList());
  }

  @Test
  void tickWithoutChangeRendersNothing() {
    feed.tick();
    feed.onSnapshot(snapshot(1));
    feed.tick();
    runAll();
    feed.tick();
    assertEquals(0, uiQueue.size());
    assertEquals(1, rendered.size());
  }

  private void runAll() {
    while (!uiQueue.isEmpty()) {
      uiQueue.poll().run();
    }
  }

  private static Snapshot snapshot(long seconds) {
    TreeMap<String, Long> counters = new TreeMap<>();
    counters.put("ok", seconds * 100);
    return new Snapshot(seconds * S, (seconds - 1) * S, 0, counters, new TreeMap<>());
  }
}
