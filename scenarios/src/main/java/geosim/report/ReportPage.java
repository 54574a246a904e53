package geosim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import geosim.metrics.MetricName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code report.html}: a self-contained page (inline CSS and SVG, nothing fetched) made from a
 * run folder's {@code summary.json} and {@code timeseries.csv} alone, so any run folder can be
 * re-rendered. Charts: latency p99 and p50 per scope for every measured operation, counter
 * rates by family ({@link CounterCharts}), instances, server states, cost and energy ({@link CapacityCharts}), and any other metric
 * the model writes.
 */
public final class ReportPage {
  public static final String FILE = "report.html";
  private static final String P99 = ".p99Ms";
  private static final String P50 = ".p50Ms";
  private static final String RATE = CounterCharts.RATE;

  private ReportPage() {}

  /** Renders {@code report.html} in {@code runFolder} (replacing an earlier rendering). */
  public static Path render(Path runFolder) throws IOException {
    JsonNode summary = new ObjectMapper().readTree(Files.readString(runFolder.resolve("summary.json")));
    Path csv = runFolder.resolve(TimeSeriesRecorder.CSV);
    TimeSeriesTable table = Files.exists(csv) ? TimeSeriesTable.read(csv).inReadableTimeUnit() : null;
    Path target = runFolder.resolve(FILE);
    AtomicFile.write(target, html(summary, table));
    return target;
  }

  static String html(JsonNode summary, TimeSeriesTable table) {
    StringBuilder page = new StringBuilder(64 * 1024);
    String title = "geosim run: " + summary.path("scenario").asText("?") + " (seed " + summary.path("seed").asText() + ")";
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(title)).append("</title>\n<style>").append(CSS).append("</style></head><body>\n")
        .append("<h1>").append(escape(title)).append("</h1>\n");
    page.append(overview(summary)).append(operations(summary));
    if (table == null) {
      page.append("<p>No timeseries.csv in this run folder: no charts.</p>\n");
    } else {
      page.append(charts(table)).append(CapacityCharts.html(summary, table)).append(otherCharts(table));
    }
    page.append("<h2>summary.json</h2>\n<pre>").append(escape(summary.toPrettyString())).append("</pre>\n");
    return page.append("</body></html>\n").toString();
  }

  private static String overview(JsonNode s) {
    return "<table class=\"kv\">"
        + kv("virtual time", s.path("virtualSeconds").asText() + " s")
        + kv("events", s.path("events").asText())
        + kv("wall time", s.path("wallSeconds").asText() + " s")
        + kv("stopped by", s.path("stopReason").asText())
        + kv("partitions", s.path("engine").path("partitions").asText() + " by " + s.path("engine").path("partitionBy").asText())
        + "</table>\n";
  }

  private static String operations(JsonNode s) {
    StringBuilder t = new StringBuilder("<h2>Operations</h2>\n<table><tr><th>operation</th><th>count</th><th>ok</th>"
        + "<th>failed</th><th>mean ms</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>p99.9 ms</th><th>max ms</th></tr>\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("operations").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> op = it.next();
      JsonNode o = op.getValue();
      JsonNode l = o.path("latencyMs");
      t.append("<tr><td>").append(escape(op.getKey())).append("</td>");
      for (String k : new String[] {"count", "ok", "failed"}) t.append("<td>").append(o.path(k).asText()).append("</td>");
      for (String k : new String[] {"mean", "p50", "p95", "p99", "p999", "max"}) {
        t.append("<td>").append(l.path(k).asText()).append("</td>");
      }
      t.append("</tr>\n");
    }
    return t.append("</table>\n").toString();
  }

  private static String charts(TimeSeriesTable table) {
    StringBuilder c = new StringBuilder("<h2>Latency over time</h2>\n");
    for (Map.Entry<String, SortedMap<String, List<double[]>>> e : table.endingWith(P99).entrySet()) {
      String family = e.getKey().substring(0, e.getKey().length() - P99.length());
      c.append(figure(table, family + ": p99 per scope", "latency p99 (ms)", e.getValue()));
      c.append(figure(table, family + ": p50 per scope", "latency p50 (ms)", table.byScope(family + P50)));
    }
    return c.append(CounterCharts.html(table)).toString();
  }

  private static String otherCharts(TimeSeriesTable table) {
    List<String> others = others(table);
    StringBuilder c = new StringBuilder(others.isEmpty() ? "" : "<h2>Utilization and other measures</h2>\n");
    for (String metric : others) c.append(figure(table, metric + " per scope", metric, table.byScope(metric)));
    return c.toString();
  }

  /** Metrics not drawn above (utilization, cost, ... as models add them). */
  private static List<String> others(TimeSeriesTable table) {
    List<String> out = new ArrayList<>();
    for (String m : table.metrics()) {
      if (!m.endsWith(P99) && !m.endsWith(P50) && !m.endsWith(RATE) && !m.endsWith(".count")
          && !CapacityCharts.drawsHere(m)) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * A chart in a figure, or nothing when {@code series} is empty. More than {@link
   * SvgChart#MAX_SERIES} series are split over several charts, titled "(part i of n)", so every
   * line keeps a colour of its own and the legend stays smaller than the plot. Each figure says
   * how many series it draws ({@code data-series}).
   */
  static String figure(TimeSeriesTable table, String title, String yLabel, Map<String, List<double[]>> series) {
    Map<String, List<double[]>> drawn = withoutCopyOfAll(series);
    List<Map<String, List<double[]>>> parts = new ArrayList<>();
    for (Map.Entry<String, List<double[]>> e : drawn.entrySet()) {
      if (parts.isEmpty() || parts.get(parts.size() - 1).size() == SvgChart.MAX_SERIES) parts.add(new LinkedHashMap<>());
      parts.get(parts.size() - 1).put(e.getKey(), e.getValue());
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.size() == 1 ? title : title + " (part " + (i + 1) + " of " + parts.size() + ")";
      out.append(figure(SvgChart.lines(part, table.timeLabel(), yLabel, parts.get(i)), parts.get(i).size()));
    }
    return out.toString();
  }

  /** An SVG chart of {@code seriesCount} series in a figure element. */
  static String figure(String svg, int seriesCount) {
    return "<figure data-series=\"" + seriesCount + "\">" + svg + "</figure>\n";
  }

  /**
   * The series, less {@code all} when the one other scope has the very same points (a run with
   * one region): two identical lines would draw as one, with two entries in the legend.
   */
  static Map<String, List<double[]>> withoutCopyOfAll(Map<String, List<double[]>> series) {
    List<double[]> all = series.get(MetricName.ALL);
    if (all == null || series.size() != 2) return series;
    for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
      if (!e.getKey().equals(MetricName.ALL) && !samePoints(e.getValue(), all)) return series;
    }
    Map<String, List<double[]>> out = new TreeMap<>(series);
    out.remove(MetricName.ALL);
    return out;
  }

  private static boolean samePoints(List<double[]> a, List<double[]> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) return false;
    }
    return true;
  }

  private static String kv(String key, String value) {
    return "<tr><th>" + escape(key) + "</th><td>" + escape(value) + "</td></tr>";
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static final String CSS = "body{font-family:sans-serif;margin:2em;max-width:960px;color:#222}"
      + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
      + "th{background:#f3f3f3}table.kv th{text-align:left}figure{margin:1em 0}"
      + "pre{background:#f7f7f7;padding:1em;overflow:auto;font-size:12px}";
}
