package geosim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.Snapshot;
import geosim.metrics.MetricName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  @TempDir Path dir;

  private static Snapshot snapshot(long timeS, long okSoFar, long... latenciesUs) {
    SortedMap<String, Long> counters = new TreeMap<>();
    counters.put("ping.ok", okSoFar);
    Histogram h = new Histogram(3);
    for (long v : latenciesUs) h.recordValue(v);
    h.setTag("ping.us-east>eu-west.rtt-us");
    SortedMap<String, Histogram> hs = new TreeMap<>();
    if (latenciesUs.length > 0) hs.put("ping.us-east>eu-west.rtt-us", h);
    return new Snapshot(timeS * 1_000_000_000L, (timeS - 10) * 1_000_000_000L, 0, counters, hs);
  }

  @Test
  void aCrashWhileWritingLeavesNoHalfFile() throws IOException {
    Path target = dir.resolve("summary.json");
    try (AtomicFile file = AtomicFile.open(target)) {
      file.out().print("{\"half\":");
      // no commit: as if the run died here
    }
    assertFalse(Files.exists(target));
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "no temporary file left behind");
    }
    AtomicFile.write(target, "{}");
    assertEquals("{}", Files.readString(target));
  }

  @Test
  void recordsRatesAndPercentilesPerScopeAndReadsThemBack() throws IOException {
    try (TimeSeriesRecorder recorder = new TimeSeriesRecorder(dir)) {
      recorder.onSnapshot(snapshot(10, 50, 75_000, 75_000, 80_000));
      recorder.onSnapshot(snapshot(20, 150));
      recorder.commit();
    }
    TimeSeriesTable table = TimeSeriesTable.read(dir.resolve(TimeSeriesRecorder.CSV));
    assertEquals(5.0, table.byScope("ping.ok.perSecond").get("all").get(0)[1]);
    assertEquals(10.0, table.byScope("ping.ok.perSecond").get("all").get(1)[1]);
    double p50 = table.byScope("ping.rtt.p50Ms").get("us-east>eu-west").get(0)[1];
    assertEquals(75.0, p50, 0.1);
    assertEquals(1, table.byScope("ping.rtt.p50Ms").get("us-east>eu-west").size(), "empty interval: no percentile");
    String hlog = Files.readString(dir.resolve(TimeSeriesRecorder.HLOG));
    assertTrue(hlog.contains("Tag=ping.us-east>eu-west.rtt-us,0.000,10.000,80.0"), hlog);
  }

  @Test
  void utilizationsAreWrittenAsFractionsAndStayOutOfTheLatencyLog() throws IOException {
    Histogram links = new Histogram(3);
    for (long ppm : new long[] {100_000, 200_000, 900_000}) links.recordValue(ppm);
    links.setTag("link.tor-agg.utilization-ppm");
    SortedMap<String, Histogram> hs = new TreeMap<>();
    hs.put("link.tor-agg.utilization-ppm", links);
    SortedMap<String, Long> counters = new TreeMap<>();
    counters.put("netping.cpu-busy-core-ns", 25_000_000_000L); // 2.5 cores busy over 10 s
    try (TimeSeriesRecorder recorder = new TimeSeriesRecorder(dir)) {
      recorder.onSnapshot(new Snapshot(10_000_000_000L, 0, 0, counters, hs));
      recorder.commit();
    }
    TimeSeriesTable table = TimeSeriesTable.read(dir.resolve(TimeSeriesRecorder.CSV));
    assertEquals(0.4, table.byScope("link.utilization.mean").get("tor-agg").get(0)[1], 1e-3);
    assertEquals(0.9, table.byScope("link.utilization.max").get("tor-agg").get(0)[1], 1e-3);
    assertFalse(Files.readString(dir.resolve(TimeSeriesRecorder.HLOG)).contains("utilization"));
    assertEquals(2.5, table.byScope("netping.cpu-busy-core.secondsPerSecond").get("all").get(0)[1], 1e-9);
  }

  @Test
  void byteVolumesGetTheirOwnChartSoCountsStayReadable() throws IOException {
    try (TimeSeriesRecorder recorder = new TimeSeriesRecorder(dir)) {
      for (long t = 10; t <= 20; t += 10) {
        SortedMap<String, Long> counters = new TreeMap<>();
        counters.put("ping.ok", t * 5);
        counters.put("network.bytes-sent", t * 1_500_000);
        recorder.onSnapshot(new Snapshot(t * 1_000_000_000L, (t - 10) * 1_000_000_000L, 0, counters, new TreeMap<>()));
      }
      recorder.commit();
    }
    Files.writeString(dir.resolve("summary.json"), "{\"scenario\":\"t\",\"seed\":1,\"operations\":{}}");
    String html = Files.readString(ReportPage.render(dir));
    String counts = html.substring(html.indexOf("Counts per virtual second"), html.indexOf("Bytes per virtual second"));
    assertTrue(counts.contains(">ok<") && !counts.contains("bytes-sent"), "counts chart holds counts only");
    assertTrue(html.substring(html.indexOf("Bytes per virtual second")).contains(">bytes-sent<"));
  }

  /** The {@code data-series} of every figure of a page. */
  static List<Integer> seriesPerFigure(String html) {
    List<Integer> out = new ArrayList<>();
    Matcher m = Pattern.compile("<figure data-series=\"(\\d+)\">").matcher(html);
    while (m.find()) out.add(Integer.parseInt(m.group(1)));
    return out;
  }

  @Test
  void countersAreChartedByFamilyAndScopeWithAtMostEightLinesAChart() throws IOException {
    try (TimeSeriesRecorder recorder = new TimeSeriesRecorder(dir)) {
      for (long t = 10; t <= 20; t += 10) {
        SortedMap<String, Long> c = new TreeMap<>();
        for (String region : List.of("us-east", "us-west", "eu-west")) {
          for (String measure : List.of("requests", "ok", "failed", "failovers")) c.put("client." + region + "." + measure, t);
        }
        for (int i = 0; i < 10; i++) c.put("store.read.measure-" + i, t * i + 1);
        c.put("store.hints.stored", t);
        c.put("store.hints.dropped", 0L);
        c.put("network.frames", t * 100);
        c.put("network.bytes-sent", t * 1_000_000);
        recorder.onSnapshot(new Snapshot(t * 1_000_000_000L, (t - 10) * 1_000_000_000L, 0, c, new TreeMap<>()));
      }
      recorder.commit();
    }
    Files.writeString(dir.resolve("summary.json"), "{\"scenario\":\"t\",\"seed\":1,\"operations\":{}}");
    String html = Files.readString(ReportPage.render(dir));
    List<Integer> series = seriesPerFigure(html);
    assertEquals(html.split("<svg", -1).length - 1, series.size(), "every chart says how many lines it has");
    for (int n : series) assertTrue(n >= 1 && n <= SvgChart.MAX_SERIES, "a chart of " + n + " lines");
    for (String region : List.of("us-east", "us-west", "eu-west")) {
      assertTrue(html.contains("client requests (as the users see them): " + region), "a chart per region " + region);
    }
    // 10 + 1 non-zero store counters: one chart per scope, the 10 reads in two parts.
    assertTrue(html.contains("replicated store: reads coordinated (part 1 of 2)"));
    assertTrue(html.contains("replicated store: reads coordinated (part 2 of 2)"));
    assertTrue(html.contains("replicated store: hinted handoff"));
    String zeros = html.substring(html.indexOf("Zero throughout the run"));
    assertTrue(zeros.startsWith("Zero throughout the run, not drawn: store.hints.dropped."), zeros.substring(0, 80));
    assertFalse(html.contains(">dropped<"), "a counter at zero is not drawn");
    assertEquals(3 + 2 + 1 + 1 + 1, series.size(), "clients per region, reads in 2 parts, hints, frames, bytes");
  }

  @Test
  void theReportIsSelfContainedAndHasItsCharts() throws IOException {
    try (TimeSeriesRecorder recorder = new TimeSeriesRecorder(dir)) {
      recorder.onSnapshot(snapshot(10, 50, 75_000));
      recorder.onSnapshot(snapshot(20, 150, 76_000));
      recorder.commit();
    }
    Files.writeString(dir.resolve("summary.json"), "{\"scenario\":\"t\",\"seed\":4,\"operations\":{\"ping\":"
        + "{\"count\":3,\"ok\":3,\"failed\":0,\"latencyMs\":{\"p99\":80.1}}}}");
    String html = Files.readString(ReportPage.render(dir));
    assertTrue(html.contains("<title>geosim run: t (seed 4)</title>"));
    assertEquals(3, html.split("<svg", -1).length - 1, "p99, p50 and throughput charts");
    assertTrue(html.contains("ping.rtt: p99 per scope"));
    assertTrue(html.contains("<td>80.1</td>"));
    assertFalse(html.contains("http://") && html.contains("<script src"), "nothing fetched");
    assertFalse(html.contains("<link"), "no external stylesheet");
  }

  @Test
  void aMalformedTimeSeriesNamesTheLine() throws IOException {
    Path csv = dir.resolve("timeseries.csv");
    Files.writeString(csv, TimeSeriesRecorder.HEADER + "\n1,all,x,2\n3,all,y\n");
    IOException e = assertThrows(IOException.class, () -> TimeSeriesTable.read(csv));
    assertTrue(e.getMessage().contains("timeseries.csv:3: malformed row '3,all,y'"), e.getMessage());
  }

  @Test
  void aRegionThatIsTheWholeRunIsDrawnOnceUnderItsOwnName() {
    List<double[]> line = List.of(new double[] {10, 1.5}, new double[] {20, 2.5});
    List<double[]> other = List.of(new double[] {10, 1.5}, new double[] {20, 9});
    SortedMap<String, List<double[]>> one = new TreeMap<>();
    one.put(MetricName.ALL, line);
    one.put("us-east", List.of(new double[] {10, 1.5}, new double[] {20, 2.5}));
    assertEquals(Set.of("us-east"), ReportPage.withoutCopyOfAll(one).keySet());
    SortedMap<String, List<double[]>> differs = new TreeMap<>(one);
    differs.put("us-east", other);
    assertEquals(Set.of(MetricName.ALL, "us-east"), ReportPage.withoutCopyOfAll(differs).keySet());
    SortedMap<String, List<double[]>> two = new TreeMap<>(one);
    two.put("eu-west", line);
    assertEquals(3, ReportPage.withoutCopyOfAll(two).size(), "with two regions all is their sum, kept");
  }

  @Test
  void metricNamesSplitIntoScopeAndMetric() {
    assertEquals(new MetricName("us-east>eu-west", "ping.rtt"), MetricName.of("ping.us-east>eu-west.rtt-us"));
    assertEquals(new MetricName("all", "ping.rtt"), MetricName.of("ping.rtt-us"));
    assertEquals(new MetricName("all", "ping.ok"), MetricName.of("ping.ok"));
    assertEquals(new MetricName("tor-agg", "link.utilization"), MetricName.of("link.tor-agg.utilization-ppm"));
    assertEquals(new MetricName("all", "events"), MetricName.of("events"));
  }

  @Test
  void numbersAreWrittenShortAndExact() {
    assertEquals("10", TimeSeriesRecorder.number(10.0));
    assertEquals("1.44", TimeSeriesRecorder.number(1.44));
    assertEquals("0.333333", TimeSeriesRecorder.number(1 / 3.0));
    // Rounded to six digits, a value may end in zeros that are not decimals: they stay.
    assertEquals("239600", TimeSeriesRecorder.number(239599.615));
    assertEquals("1.5e+06", TimeSeriesRecorder.number(1500000.25));
    assertEquals("1.38202e+06", TimeSeriesRecorder.number(1382023.167));
    assertEquals("2.5e-07", TimeSeriesRecorder.number(2.5e-7));
  }
}
