package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.Snapshot;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.ScenarioSettings;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulationSourceTest {
  @Test
  void aLiveRunFeedsEverySnapshotInOrderIntoTheCharts() throws Exception {
    ScenarioSettings scenario = ScenarioLoader.parse("live.conf", "duration = 1m\nmetrics.interval = 5s\n", List.of());
    SimulationSource source = new SimulationSource(scenario, Double.POSITIVE_INFINITY);
    LinkedBlockingQueue<Snapshot> received = new LinkedBlockingQueue<>();
    source.start(received::add);
    LiveTimeline series = new LiveTimeline(MainView.WINDOW_SECONDS);
    Snapshot last = null;
    for (int i = 1; i <= 12; i++) {
      Snapshot s = received.poll(60, TimeUnit.SECONDS);
      assertNotNull(s, "snapshot " + i);
      assertEquals(i * 5_000_000_000L, s.timeNs());
      series.onSnapshot(s);
      last = s;
    }
    source.stop();
    assertTrue(last.counter("ping.ok") > 300, "pings " + last.counter("ping.ok"));
    assertTrue(series.view().latestTimeSeconds() == 60.0);
  }
}
