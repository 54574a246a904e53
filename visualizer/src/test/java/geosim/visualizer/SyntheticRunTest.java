package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.Snapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticRunTest {

  @Test
  void sameSeedGivesTheSameSnapshots() {
    assertEquals(fingerprint(42, 300), fingerprint(42, 300));
  }

  @Test
  void outageRaisesReadP99AndCountsTimeouts() {
    SyntheticRun run = new SyntheticRun(7);
    LiveSeries series = new LiveSeries(1_000L * SyntheticRun.INTERVAL_NS, 1_000);
    for (int i = 0; i < 260; i++) {
      series.onSnapshot(run.next());
    }
    List<LiveSeries.LatencyPoint> read = series.view().latency().get("read");
    double calmP99 = read.get(100).p99Ms();
    double outageP99 = read.get(230).p99Ms();
    assertTrue(calmP99 < 5, "calm p99 " + calmP99);
    assertTrue(outageP99 > 7, "outage p99 " + outageP99);
    assertTrue(series.view().rates().get("read.timeout").get(230).perSecond() > 0);
  }

  private static List<String> fingerprint(long seed, int snapshots) {
    SyntheticRun run = new SyntheticRun(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < snapshots; i++) {
      Snapshot s = run.next();
      out.add(s.timeNs() + " " + s.events() + " " + s.counters() + " "
          + s.intervalHistograms().get("read").getValueAtPercentile(99.0));
    }
    return out;
  }
}
