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

  @Test
  void aLiveStoreRunRecordsEachServersOwnCpuForTheHeatMap() throws Exception {
    ScenarioSettings scenario = ScenarioLoader.load(java.nio.file.Path.of("../configs/scenarios/store-faults-small.conf"),
        List.of("duration=4s", "metrics.interval=2s", "faults=[]", "engine.partitions=1"));
    SimulationSource source = new SimulationSource(scenario, Double.POSITIVE_INFINITY);
    LinkedBlockingQueue<Snapshot> received = new LinkedBlockingQueue<>();
    source.start(received::add);
    FrameBuilder frames = new FrameBuilder();
    Frame last = null;
    for (int i = 1; i <= 2; i++) {
      Snapshot s = received.poll(60, TimeUnit.SECONDS);
      assertNotNull(s, "snapshot " + i);
      last = frames.next(s);
    }
    source.stop();
    double regionMean = last.value("us-east", "cpu.utilization.mean");
    double sum = 0;
    for (int rack = 1; rack <= 2; rack++) {
      for (int srv = 1; srv <= 3; srv++) {
        double own = last.value("us-east/use1-a/rack-" + rack + "/srv-" + srv, ServerState.CPU_METRIC);
        assertTrue(own > 0 && own < 1, "srv-" + srv + "'s own CPU " + own);
        sum += own;
      }
    }
    assertEquals(regionMean, sum / 6, 1e-6 + 2e-3 * regionMean, "the servers' own CPU averages to the region's");
  }
}
