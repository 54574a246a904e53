package geosim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import geosim.cli.Main;
import geosim.kernel.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The report's instances, server-state, cost and energy charts: what they draw, and that they add up to the summary. */
class CapacityChartsTest {
  @TempDir Path dir;

  /** Two snapshots of a two-region fleet and a one-region store with a crashed, suspected server. */
  private void recordTwoIntervals() throws IOException {
    try (TimeSeriesRecorder recorder = new TimeSeriesRecorder(dir)) {
      for (long t = 10; t <= 20; t += 10) {
        SortedMap<String, Long> c = new TreeMap<>();
        long ns = t * 1_000_000_000L;
        c.put("app.us-east.in-service-ns", 4 * ns); // 4 servers
        c.put("app.eu-west.in-service-ns", 6 * ns); // 6 servers
        c.put("app.us-east.cost-microusd", t * 1_000_000); // $1 per s = $3,600 per hour
        c.put("app.eu-west.cost-microusd", t * 500_000);
        c.put("app.us-east.energy-joules", t * 3_600_000); // 1 kWh per s
        c.put("app.us-east.instances-peak", 6L);
        c.put("store.us-east.servers-up-ns", 11 * ns);
        if (t == 20) {
          c.put("server.us-east/dc/rack-1/srv-1.down-ns", 10_000_000_000L);
          c.put("server.us-east/dc/rack-1/srv-1.suspected-by-ns", 20_000_000_000L); // 2 peers
        }
        recorder.onSnapshot(new Snapshot(ns, ns - 10_000_000_000L, 0, c, new TreeMap<>()));
      }
      recorder.commit();
    }
  }

  @Test
  void instancesAreDrawnAsServersPerRoleAndRegionWithTheirTotal() throws IOException {
    recordTwoIntervals();
    TimeSeriesTable table = TimeSeriesTable.read(dir.resolve(TimeSeriesRecorder.CSV));
    assertEquals(4.0, table.byScope("app.in-service.secondsPerSecond").get("us-east").get(1)[1], 1e-9);
    Files.writeString(dir.resolve("summary.json"), "{\"scenario\":\"t\",\"seed\":1,\"operations\":{},"
        + "\"cost\":{\"mode\":\"cloud\",\"usd\":30,\"kwh\":20}}");
    String html = Files.readString(ReportPage.render(dir));
    String instances = section(html, "<h2>Instances</h2>");
    assertTrue(instances.contains("instances over time (servers)"), "the chart says instances");
    for (String line : List.of("app servers in service, us-east", "app servers in service, eu-west",
        "app servers in service, all regions", "store servers up, us-east")) {
      assertTrue(instances.contains(line), line);
    }
    assertFalse(html.contains("app.in-service.secondsPerSecond"), "not drawn again as a rate of seconds");
    assertFalse(html.contains("instances-peak"), "a running maximum has no rate to draw");
    String cost = section(html, "<h2>Cost and energy</h2>");
    for (String chart : List.of("cost rate (USD per hour)", "cumulative cost (USD)", "(kWh)", "all regions")) {
      assertTrue(cost.contains(chart), chart);
    }
    assertTrue(cost.contains("Total $30.00 (summary.json cost.usd)"), cost.substring(0, 300));
    String states = section(html, "<h2>Server states</h2>");
    assertTrue(states.contains("down (crashed)") && states.contains("suspected by at least one peer"));
    assertFalse(html.contains("us-east/dc/rack-1/srv-1"), "no chart with a line per server");
  }

  @Test
  void theCostCurveIsTheSumOfTheRegionsCumulativeCost() throws IOException {
    recordTwoIntervals();
    TimeSeriesTable table = TimeSeriesTable.read(dir.resolve(TimeSeriesRecorder.CSV));
    assertEquals(3600.0, table.byScope("app.cost.usdPerHour").get("us-east").get(0)[1], 1e-9);
    assertEquals(30.0, CapacityCharts.finalCostUsd(table), 1e-9);
  }

  /** A fleet with two roles in one region: a line of instances per role, cost per role, and the total of both. */
  @Test
  void twoRolesInOneRegionGetALineEachAndTheCostTotalSumsThem() throws IOException {
    try (TimeSeriesRecorder recorder = new TimeSeriesRecorder(dir)) {
      for (long t = 10; t <= 20; t += 10) {
        SortedMap<String, Long> c = new TreeMap<>();
        long ns = t * 1_000_000_000L;
        c.put("web.us-east.instances-ns", 5 * ns);
        c.put("render.us-east.instances-ns", 45 * ns);
        c.put("web.us-east.cost-microusd", t * 100_000);
        c.put("render.us-east.cost-microusd", t * 900_000);
        recorder.onSnapshot(new Snapshot(ns, ns - 10_000_000_000L, 0, c, new TreeMap<>()));
      }
      recorder.commit();
    }
    TimeSeriesTable table = TimeSeriesTable.read(dir.resolve(TimeSeriesRecorder.CSV));
    assertEquals(20.0, CapacityCharts.finalCostUsd(table), 1e-9, "web's $2 and render's $18");
    Files.writeString(dir.resolve("summary.json"), "{\"scenario\":\"t\",\"seed\":1,\"operations\":{},"
        + "\"cost\":{\"mode\":\"cloud\",\"usd\":20,\"kwh\":0}}");
    String html = Files.readString(ReportPage.render(dir));
    String instances = section(html, "<h2>Instances</h2>");
    for (String line : List.of("web servers held (billed: in service, launching, draining), us-east",
        "render servers held (billed: in service, launching, draining), us-east")) {
      assertTrue(instances.contains(line), line);
    }
    String cost = section(html, "<h2>Cost and energy</h2>");
    for (String line : List.of("render us-east", "web us-east", "all regions")) assertTrue(cost.contains(line), line);
    assertFalse(html.contains("render.instances.secondsPerSecond"), "not drawn again as a rate of seconds");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cloud", "owned"})
  void aFleetRunsCostCurveEndsAtTheSummarysCost(String mode) throws IOException {
    Path out = dir.resolve("run-" + mode);
    int code = Main.execute("run", "../configs/scenarios/diurnal-3-regions.conf", "--set", "duration=1d",
        "--set", "fleet.autoscaler.policy=target-tracking", "--set", "cost.mode=" + mode, "--out", out.toString(),
        "--quiet");
    assertEquals(Main.EXIT_OK, code);
    JsonNode summary = new ObjectMapper().readTree(Files.readString(out.resolve("summary.json")));
    double usd = summary.path("cost").path("usd").asDouble();
    assertTrue(usd > 0, "the run cost something");
    TimeSeriesTable table = TimeSeriesTable.read(out.resolve(TimeSeriesRecorder.CSV));
    // timeseries.csv keeps 6 significant digits of each region's cumulative cost.
    assertEquals(usd, CapacityCharts.finalCostUsd(table), usd * 2e-5);
    double kwh = 0;
    for (List<double[]> region : table.byScope("app.energy.kwh").values()) kwh += region.get(region.size() - 1)[1];
    assertEquals(summary.path("cost").path("kwh").asDouble(), kwh, kwh * 2e-5);
    String html = Files.readString(out.resolve(ReportPage.FILE));
    assertTrue(html.contains("cumulative cost (USD)") && html.contains("instances over time (servers)"));
    assertTrue(html.contains("virtual time (h)"), "a day reads in hours");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cloud", "owned"})
  void aStoreRunsCostCurveEndsAtTheSummarysCost(String mode) throws IOException {
    Path out = dir.resolve("store-" + mode);
    int code = Main.execute("run", "../configs/scenarios/store-clients-small.conf", "--set", "duration=10s",
        "--set", "cost.mode=" + mode,
        "--out", out.toString(), "--quiet");
    assertEquals(Main.EXIT_OK, code);
    JsonNode cost = new ObjectMapper().readTree(Files.readString(out.resolve("summary.json"))).path("cost");
    double usd = cost.path("usd").asDouble();
    double kwh = cost.path("kwh").asDouble();
    int servers = cost.path("disks").path("ssd").asInt() + cost.path("disks").path("hdd").asInt();
    assertTrue(usd > 0 && kwh > 0 && servers > 0, cost.toString());
    TimeSeriesTable table = TimeSeriesTable.read(out.resolve(TimeSeriesRecorder.CSV));
    // Rounding: each server's counters are whole micro-dollars and joules, the file keeps 6 digits.
    assertEquals(usd, CapacityCharts.finalCostUsd(table), servers * 0.5e-6 + usd * 1e-5);
    double endKwh = 0;
    for (List<double[]> region : table.byScope("store.energy.kwh").values()) endKwh += region.get(region.size() - 1)[1];
    assertEquals(kwh, endKwh, servers * 0.5 / 3.6e6 + kwh * 1e-5);
    String html = Files.readString(out.resolve(ReportPage.FILE));
    String section = section(html, "<h2>Cost and energy</h2>");
    assertFalse(section.contains("at the end only"));
    for (String chart : List.of("cost rate (USD per hour)", "cumulative cost (USD)", "cumulative facility energy")) {
      assertTrue(section.contains(chart), chart);
    }
    for (int n : ReportTest.seriesPerFigure(html)) assertTrue(n <= SvgChart.MAX_SERIES, "a chart of " + n + " lines");
  }

  private static String section(String html, String heading) {
    int start = html.indexOf(heading);
    assertTrue(start >= 0, heading + " missing");
    int next = html.indexOf("<h2>", start + heading.length());
    return html.substring(start, next < 0 ? html.length() : next);
  }
}
