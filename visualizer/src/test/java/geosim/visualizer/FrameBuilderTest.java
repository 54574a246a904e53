package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.Snapshot;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The live frames carry the values and names that {@code geosim run} writes to timeseries.csv. */
class FrameBuilderTest {
  private static final long S = 1_000_000_000L;

  @Test
  void countersBecomeRatesAndHistogramsBecomePercentilesOrUtilizations() {
    FrameBuilder builder = new FrameBuilder();
    builder.next(snapshot(10, 0, 400, new TreeMap<>()));
    SortedMap<String, Histogram> histograms = new TreeMap<>();
    Histogram latency = new Histogram(3);
    for (int us = 1; us <= 1000; us++) latency.recordValue(us);
    histograms.put("read.us-east.latency-us", latency);
    Histogram cpu = new Histogram(3);
    cpu.recordValue(200_000);
    cpu.recordValue(600_000);
    histograms.put("cpu.us-east.utilization-ppm", cpu);
    Frame f = builder.next(snapshot(20, 10, 1400, histograms));

    assertEquals(20.0, f.timeSeconds());
    assertEquals(100.0, f.value("read", "store.ok.perSecond"), "(1400 - 400) / 10 s");
    assertEquals(latency.getValueAtPercentile(50) / 1000.0, f.value("us-east", "read.latency.p50Ms"));
    assertEquals(latency.getValueAtPercentile(99) / 1000.0, f.value("us-east", "read.latency.p99Ms"));
    assertEquals(1000, f.value("us-east", "read.latency.count"));
    assertEquals(0.4, f.value("us-east", "cpu.utilization.mean"), 1e-3);
    assertEquals(cpu.getMaxValue() / 1e6, f.value("us-east", "cpu.utilization.max"));
    assertTrue(Double.isNaN(f.value("us-east", "cpu.utilization.p50Ms")), "utilizations get no latency percentiles");
  }

  @Test
  void aCounterOfNanosecondsBecomesSecondsPerSecond() {
    TreeMap<String, Long> counters = new TreeMap<>();
    counters.put("cpu.busy-ns", 5 * S);
    Frame f = new FrameBuilder().next(new Snapshot(10 * S, 0, 0, counters, new TreeMap<>()));
    assertEquals(0.5, f.value("all", "cpu.busy.secondsPerSecond"));
  }

  private static Snapshot snapshot(long t, long start, long ok, SortedMap<String, Histogram> histograms) {
    TreeMap<String, Long> counters = new TreeMap<>();
    counters.put("store.read.ok", ok);
    return new Snapshot(t * S, start * S, 0, counters, histograms);
  }
}
