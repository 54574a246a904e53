package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import geosim.metrics.MetricName;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static Frame at(double t) {
    return new Frame(t, -1, new TreeMap<>());
  }

  @Test
  void findsTheFrameAtOrBeforeATime() {
    Timeline t = new Timeline(Double.POSITIVE_INFINITY);
    for (int s = 10; s <= 50; s += 10) t.add(at(s));
    assertEquals(30.0, t.at(30).timeSeconds());
    assertEquals(30.0, t.at(39.9).timeSeconds());
    assertEquals(10.0, t.at(0).timeSeconds(), "before the first: the first");
    assertEquals(50.0, t.at(1e9).timeSeconds());
    assertEquals(3, t.window(40, 30).size(), "(10, 40]");
  }

  @Test
  void aLiveWindowDropsOldFramesAndRefusesGoingBack() {
    Timeline t = new Timeline(20);
    for (int s = 10; s <= 50; s += 10) t.add(at(s));
    assertEquals(30.0, t.first().timeSeconds());
    assertEquals(3, t.size());
    assertThrows(IllegalArgumentException.class, () -> t.add(at(40)));
  }

  @Test
  void metricNamesSplitAsInTheTimeSeries() {
    assertEquals(new MetricName("us-east", "read.latency"), MetricName.of("read.us-east.latency-us"));
    assertEquals(new MetricName("wan", "link.utilization"), MetricName.of("link.wan.utilization-ppm"));
    assertEquals(new MetricName("all", "network.frames"), MetricName.of("network.frames"));
    assertEquals("read.us-east.latency", MetricName.of("read.us-east.latency-us").label());
    assertEquals("network.frames", MetricName.of("network.frames").label());
  }

  @Test
  void percentagesKeepDigitsForTinyLoads() {
    assertEquals("0 %", WorldMap.percent(0));
    assertEquals("0.002 %", WorldMap.percent(0.00002));
    assertEquals("5.5 %", WorldMap.percent(0.055));
    assertEquals("55 %", WorldMap.percent(0.55));
  }
}
