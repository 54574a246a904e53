package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LiveSeriesTest {

  private static final long S = 1_000_000_000L;
  private static final long TEN_MINUTES_NS = 600 * S;

  @Test
  void percentilesOfMicrosecondHistogramComeOutInMilliseconds() {
    Histogram h = new Histogram(3_600_000_000L, 3);
    for (long us = 1; us <= 1000; us++) {
      h.recordValue(us);
    }
    LiveSeries series = new LiveSeries(TEN_MINUTES_NS, 100);
    series.onSnapshot(snapshot(60 * S, 59 * S, Map.of(), Map.of("read", h)));

    List<LiveSeries.LatencyPoint> points = series.view().latency().get("read");
    assertEquals(1, points.size());
    LiveSeries.LatencyPoint p = points.get(0);
    assertEquals(60.0, p.timeSeconds());
    assertEquals(1000, p.count());
    // 3 significant digits: values within 0.1 % of the true percentile are equivalent.
    assertEquals(0.500, p.p50Ms(), 0.500 * 1e-3, "p50");
    assertEquals(0.990, p.p99Ms(), 0.990 * 1e-3, "p99");
  }

  @Test
  void ratesAreCounterDeltasPerVirtualSecond() {
    LiveSeries series = new LiveSeries(TEN_MINUTES_NS, 100);
    series.onSnapshot(snapshot(2 * S, 0, Map.of("ok", 400L), Map.of()));
    series.onSnapshot(snapshot(2 * S + S / 2, 2 * S, Map.of("ok", 900L), Map.of()));

    List<LiveSeries.RatePoint> points = series.view().rates().get("ok");
    assertEquals(List.of(new LiveSeries.RatePoint(2.0, 200.0), new LiveSeries.RatePoint(2.5, 1000.0)), points);
  }

  @Test
  void counterFirstSeenMidRunGivesNoRateUntilItHasAPreviousValue() {
    LiveSeries series = new LiveSeries(TEN_MINUTES_NS, 100);
    series.onSnapshot(snapshot(10 * S, 9 * S, Map.of("ok", 5_000L), Map.of()));
    assertFalse(series.view().rates().containsKey("ok"));

    series.onSnapshot(snapshot(11 * S, 10 * S, Map.of("ok", 5_300L), Map.of()));
    assertEquals(List.of(new LiveSeries.RatePoint(11.0, 300.0)), series.view().rates().get("ok"));
  }

  @Test
  void windowDropsPointsOlderThanItsLength() {
    LiveSeries series = new LiveSeries(10 * S, 100);
    for (long t = 1; t <= 25; t++) {
      series.onSnapshot(snapshot(t * S, (t - 1) * S, Map.of("ok", t * 10), Map.of("read", histogramOf(100))));
    }
    List<LiveSeries.LatencyPoint> latency = series.view().latency().get("read");
    List<LiveSeries.RatePoint> rates = series.view().rates().get("ok");
    // Window [15 s, 25 s]: points at 15..25 s stay.
    assertEquals(11, latency.size());
    assertEquals(15.0, latency.get(0).timeSeconds());
    assertEquals(25.0, latency.get(latency.size() - 1).timeSeconds());
    assertEquals(11, rates.size());
    assertEquals(15.0, rates.get(0).timeSeconds());
  }

  @Test
  void seriesWhoseNameStoppedAppearingIsRemovedOnceItAgesOut() {
    LiveSeries series = new LiveSeries(5 * S, 100);
    series.onSnapshot(snapshot(1 * S, 0, Map.of(), Map.of("gone", histogramOf(10))));
    series.onSnapshot(snapshot(7 * S, 1 * S, Map.of(), Map.of("read", histogramOf(10))));
    assertEquals(List.of("read"), List.copyOf(series.view().latency().keySet()));
  }

  @Test
  void pointCapBoundsEachSeriesEvenInsideTheWindow() {
    LiveSeries series = new LiveSeries(TEN_MINUTES_NS, 3);
    for (long t = 1; t <= 10; t++) {
      series.onSnapshot(snapshot(t * S, (t - 1) * S, Map.of(), Map.of("read", histogramOf(10))));
    }
    List<LiveSeries.LatencyPoint> latency = series.view().latency().get("read");
    assertEquals(List.of(8.0, 9.0, 10.0), latency.stream().map(LiveSeries.LatencyPoint::timeSeconds).toList());
  }

  @Test
  void emptyIntervalAddsNoLatencyPointAndNoNaN() {
    LiveSeries series = new LiveSeries(TEN_MINUTES_NS, 100);
    series.onSnapshot(snapshot(1 * S, 0, Map.of("ok", 0L), Map.of("read", new Histogram(3))));
    // Zero-length interval: the rate is undefined, so no rate point either.
    series.onSnapshot(snapshot(1 * S, 1 * S, Map.of("ok", 7L), Map.of("read", new Histogram(3))));

    LiveSeries.View view = series.view();
    assertFalse(view.latency().containsKey("read"));
    assertEquals(List.of(new LiveSeries.RatePoint(1.0, 0.0)), view.rates().get("ok"));
    view.rates().values().forEach(ps -> ps.forEach(p -> assertTrue(Double.isFinite(p.perSecond()))));
  }

  @Test
  void namesIterateInSortedOrder() {
    LiveSeries series = new LiveSeries(TEN_MINUTES_NS, 100);
    series.onSnapshot(snapshot(1 * S, 0, Map.of("z", 1L, "a", 1L, "m", 1L),
        Map.of("write", histogramOf(5), "read", histogramOf(5))));
    assertEquals(List.of("a", "m", "z"), List.copyOf(series.view().rates().keySet()));
    assertEquals(List.of("read", "write"), List.copyOf(series.view().latency().keySet()));
  }

  @Test
  void viewIsAnImmutableCopy() {
    LiveSeries series = new LiveSeries(TEN_MINUTES_NS, 100);
    series.onSnapshot(snapshot(1 * S, 0, Map.of("ok", 1L), Map.of()));
    LiveSeries.View before = series.view();
    series.onSnapshot(snapshot(2 * S, 1 * S, Map.of("ok", 2L), Map.of()));
    assertEquals(1, before.rates().get("ok").size());
    assertThrows(UnsupportedOperationException.class, () -> before.rates().get("ok").clear());
  }

  @Test
  void snapshotGoingBackInTimeIsRejectedUntilCleared() {
    LiveSeries series = new LiveSeries(TEN_MINUTES_NS, 100);
    series.onSnapshot(snapshot(5 * S, 4 * S, Map.of(), Map.of()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> series.onSnapshot(snapshot(3 * S, 2 * S, Map.of(), Map.of())));
    assertTrue(e.getMessage().contains("clear()"), e.getMessage());
    series.clear();
    series.onSnapshot(snapshot(3 * S, 2 * S, Map.of(), Map.of()));
    assertEquals(3.0, series.view().latestTimeSeconds());
  }

  @Test
  void constructorRejectsNonPositiveArguments() {
    assertThrows(IllegalArgumentException.class, () -> new LiveSeries(0, 10));
    assertThrows(IllegalArgumentException.class, () -> new LiveSeries(-1, 10));
    assertThrows(IllegalArgumentException.class, () -> new LiveSeries(S, 0));
  }

  private static Histogram histogramOf(long valueUs) {
    Histogram h = new Histogram(3);
    h.recordValue(valueUs);
    return h;
  }

  private static Snapshot snapshot(
      long timeNs, long startNs, Map<String, Long> counters, Map<String, Histogram> histograms) {
    SortedMap<String, Long> c = new TreeMap<>(counters);
    SortedMap<String, Histogram> h = new TreeMap<>(histograms);
    return new Snapshot(timeNs, startNs, 0, c, h);
  }

  @Test
  void utilizationsVolumesAndTimeIntegralsStayOutOfTheLatencyAndRateCharts() {
    LiveSeries series = new LiveSeries(TEN_MINUTES_NS, 100);
    Map<String, Long> counters = Map.of("ping.ok", 10L, "network.bytes-sent", 15_000L, "netping.cpu-busy-core-ns", 9_000L);
    series.onSnapshot(snapshot(1 * S, 0, counters,
        Map.of("ping.rtt-us", histogramOf(100), "link.wan.utilization-ppm", histogramOf(500_000))));
    assertEquals(List.of("ping.rtt-us"), List.copyOf(series.view().latency().keySet()));
    assertEquals(List.of("ping.ok"), List.copyOf(series.view().rates().keySet()));
  }
}
