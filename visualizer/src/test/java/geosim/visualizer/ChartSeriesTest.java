package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChartSeriesTest {
  private static Frame frame(double t, Object... keyValues) {
    Map<String, Double> values = new TreeMap<>();
    for (int i = 0; i < keyValues.length; i += 3) {
      values.put(Frame.key((String) keyValues[i], (String) keyValues[i + 1]), ((Number) keyValues[i + 2]).doubleValue());
    }
    return new Frame(t, -1, new TreeMap<>(values));
  }

  private final List<Frame> frames = List.of(
      frame(1, "us-east", "read.latency.p50Ms", 0.5, "us-east", "read.latency.p99Ms", 1.6,
          "all", "read.latency.p50Ms", 0.7, "all", "write.latency.p99Ms", 2.0,
          "read", "store.ok.perSecond", 100, "read", "store.failed.perSecond", 3, "all", "network.frames.perSecond", 9,
          "us-east", "cpu.utilization.mean", 0.25, "wan", "link.utilization.mean", 0.5, "us-east", "cpu.utilization.max", 0.9),
      frame(2, "us-east", "read.latency.p50Ms", 0.6));

  @Test
  void latencyLinesPerRegionAndOperationWithTheAllRegionsLineOnlyWhenNoRegionHasOne() {
    var lines = ChartSeries.of(ChartSeries.Kind.LATENCY, frames);
    assertEquals(List.of("read.us-east.latency p50", "read.us-east.latency p99", "write.latency p99"),
        List.copyOf(lines.keySet()));
    assertEquals(2, lines.get("read.us-east.latency p50").size());
    assertEquals(0.6, lines.get("read.us-east.latency p50").get(1)[1]);
  }

  @Test
  void throughputIsOkCountersAndErrorsAreFailureCounters() {
    assertEquals(List.of("store.read.ok"), List.copyOf(ChartSeries.of(ChartSeries.Kind.THROUGHPUT, frames).keySet()));
    assertEquals(List.of("store.read.failed"), List.copyOf(ChartSeries.of(ChartSeries.Kind.ERRORS, frames).keySet()));
  }

  @Test
  void utilizationIsTheMeanInPercent() {
    var lines = ChartSeries.of(ChartSeries.Kind.UTILIZATION, frames);
    assertEquals(List.of("cpu us-east", "link wan"), List.copyOf(lines.keySet()));
    assertEquals(25.0, lines.get("cpu us-east").get(0)[1], 1e-9);
  }

  @Test
  void fleetInstancesPerRegionAndTheirTotal() {
    List<Frame> fleet = List.of(frame(60, "us-east", ChartSeries.INSTANCES, 10, "eu-west", ChartSeries.INSTANCES, 5),
        frame(120, "us-east", ChartSeries.INSTANCES, 12, "eu-west", ChartSeries.INSTANCES, 6));
    var lines = ChartSeries.of(ChartSeries.Kind.FLEET, fleet);
    assertEquals(List.of("instances eu-west", "instances us-east", ChartSeries.INSTANCES_TOTAL), List.copyOf(lines.keySet()));
    assertEquals(15.0, lines.get(ChartSeries.INSTANCES_TOTAL).get(0)[1], 1e-9);
    List<Frame> one = List.of(frame(60, "us-east", ChartSeries.INSTANCES, 10));
    assertEquals(List.of("instances us-east"), List.copyOf(ChartSeries.of(ChartSeries.Kind.FLEET, one).keySet()),
        "one region: no total line");
    assertEquals(18.0, ChartSeries.latestInstances(fleet), 1e-9);
    assertEquals(Double.NaN, ChartSeries.latestInstances(frames), "no fleet: no instance chart");
  }

  /** Several fleet roles: a line per role and region, named by the role, their total, and the cost rate of all. */
  @Test
  void fleetInstancesPerRoleAndRegion() {
    List<Frame> fleet = List.of(frame(60, "us-east", "web.instances.secondsPerSecond", 5, "us-east",
        "render.instances.secondsPerSecond", 45, "us-east", "web.cost.usdPerHour", 0.5, "us-east", "render.cost.usdPerHour", 4.5));
    var lines = ChartSeries.of(ChartSeries.Kind.FLEET, fleet);
    assertEquals(List.of(ChartSeries.INSTANCES_TOTAL, "render instances us-east", "web instances us-east"),
        List.copyOf(lines.keySet()));
    assertEquals(50.0, lines.get(ChartSeries.INSTANCES_TOTAL).get(0)[1], 1e-9);
    assertEquals(50.0, ChartSeries.latestInstances(fleet), 1e-9);
    assertEquals(5.0, ChartSeries.latestCostRate(fleet), 1e-9);
  }

  @Test
  void storeServersUpAreInstancesAndTheFleetsCostRateIsSummedOverRegions() {
    List<Frame> store = List.of(frame(5, "us-east", ChartSeries.SERVERS_UP, 12, "eu-west", ChartSeries.SERVERS_UP, 9));
    var lines = ChartSeries.of(ChartSeries.Kind.FLEET, store);
    assertEquals(List.of(ChartSeries.INSTANCES_TOTAL, "store servers up eu-west", "store servers up us-east"),
        List.copyOf(lines.keySet()));
    assertEquals(21.0, lines.get(ChartSeries.INSTANCES_TOTAL).get(0)[1], 1e-9);
    assertEquals(21.0, ChartSeries.latestInstances(store), 1e-9);
    assertEquals(Double.NaN, ChartSeries.latestCostRate(store), "no cost in the frames: no cost rate");
    List<Frame> fleet = List.of(frame(60, "us-east", ChartSeries.COST_RATE, 50, "eu-west", ChartSeries.COST_RATE, 25));
    assertEquals(75.0, ChartSeries.latestCostRate(fleet), 1e-9);
    List<Frame> priced = List.of(frame(60, "us-east", ChartSeries.STORE_COST_RATE, 1.5, "eu-west", ChartSeries.STORE_COST_RATE, 0.5));
    assertEquals(2.0, ChartSeries.latestCostRate(priced), 1e-9, "a store run with prices");
  }

  @Test
  void p50AndP99ShareOneLegendEntry() {
    assertEquals("read.us-east.latency", Charts.baseOf("read.us-east.latency p99"));
    assertEquals("store.read.ok", Charts.baseOf("store.read.ok"));
  }

  @Test
  void tickUnitsAreRound() {
    assertEquals(10.0, Charts.niceTick(10));
    assertEquals(20.0, Charts.niceTick(16.7));
    assertEquals(100.0, Charts.niceTick(83.3));
    assertEquals(0.5, Charts.niceTick(0.3));
  }

  @Test
  void aChartIsFlatOnlyWhenEveryPointOfEveryLineIsZero() {
    assertTrue(Charts.allZero(List.of()));
    assertTrue(Charts.allZero(List.of(List.of(new double[] {10, 0}, new double[] {20, 0}), List.of())));
    assertFalse(Charts.allZero(List.of(List.of(new double[] {10, 0}), List.of(new double[] {20, 1e-9}))));
  }
}
