package geosim.report;

import geosim.metrics.MetricName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The report's throughput section: the rate of every counter per virtual second, in charts by
 * family, so that no chart holds more than {@link SvgChart#MAX_SERIES} lines. The rules read the
 * names alone (a counter {@code <family>.<scope>.<measure>} is metric {@code <family>.<measure>}
 * of scope {@code <scope>}, {@link MetricName}), so a new model's counters fall into place:
 *
 * <ol>
 *   <li>Byte volumes (a measure naming bytes) and counts differ by orders of magnitude: they get
 *       charts of their own, so neither flattens the other.
 *   <li>Counters by family (the name's first part: {@code client}, {@code app}, {@code store},
 *       {@code network}, ...): one chart per family when its lines fit and differ in one way
 *       only (one measure over scopes, or several measures of one scope).
 *   <li>Any other family gets one chart per scope (per region for the clients, per subsystem for
 *       the store: reads, writes, hints, failure detector, ...); a scope with still more lines
 *       than fit is split into parts by {@link ReportPage#figure}.
 *   <li>A counter that stayed at zero the whole run is not drawn; the section lists it by name.
 * </ol>
 *
 * Running maxima ({@code -peak}) and sums kept for means ({@code -sum}) are not counts: their
 * rates mean nothing and are left out.
 */
final class CounterCharts {
  static final String RATE = ".perSecond";
  private static final String PEAK = "-peak";
  private static final String SUM = "-sum";
  /** Families and scopes as a student reads them; others are shown by their own names. */
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("client", "client requests (as the users see them)"),
      Map.entry("app", "app tier"),
      Map.entry("store", "replicated store"),
      Map.entry("network", "network fabric (frames and their fate)"),
      Map.entry("read", "reads coordinated"),
      Map.entry("write", "writes coordinated"),
      Map.entry("hints", "hinted handoff"),
      Map.entry("fd", "failure detector"),
      Map.entry("gossip", "gossip"),
      Map.entry("membership", "membership changes (bootstrap, decommission)"),
      Map.entry("repair", "anti-entropy repair"),
      Map.entry("read-repair", "read repair"),
      Map.entry("replica", "work on replicas"),
      Map.entry(MetricName.ALL, "all"));

  private CounterCharts() {}

  /** One counter's series: family, scope and measure of its name. */
  private record Line(String family, String scope, String measure, List<double[]> points) {
    boolean zero() {
      return points.stream().allMatch(p -> p[1] == 0);
    }

    /** The kernel's name of the counter, e.g. {@code store.read.ok}. */
    String counter() {
      return new MetricName(scope, family.equals(measure) ? family : family + "." + measure).label();
    }
  }

  /** The section, or an empty string when the run has no counters. */
  static String html(TimeSeriesTable table) {
    List<Line> counts = new ArrayList<>();
    List<Line> bytes = new ArrayList<>();
    for (Line line : lines(table)) (line.measure().contains("bytes") ? bytes : counts).add(line);
    if (counts.isEmpty() && bytes.isEmpty()) return "";
    StringBuilder c = new StringBuilder("<h2>Throughput</h2>\n<p>How often each counter grew, per virtual second,"
        + " averaged over each metrics interval; one chart per family of counters.</p>\n");
    c.append(section(table, "Counts per virtual second", "count per virtual second (1/s)", counts));
    c.append(section(table, "Bytes per virtual second", "bytes per virtual second (B/s)", bytes));
    return c.toString();
  }

  private static List<Line> lines(TimeSeriesTable table) {
    List<Line> out = new ArrayList<>();
    for (Map.Entry<String, SortedMap<String, List<double[]>>> e : table.endingWith(RATE).entrySet()) {
      if (e.getKey().contains(PEAK) || e.getKey().contains(SUM)) continue;
      String metric = e.getKey().substring(0, e.getKey().length() - RATE.length());
      int dot = metric.indexOf('.');
      String family = dot < 0 ? metric : metric.substring(0, dot);
      String measure = dot < 0 ? metric : metric.substring(dot + 1);
      for (Map.Entry<String, List<double[]>> s : e.getValue().entrySet()) {
        out.add(new Line(family, s.getKey(), measure, s.getValue()));
      }
    }
    return out;
  }

  private static String section(TimeSeriesTable table, String heading, String yLabel, List<Line> lines) {
    if (lines.isEmpty()) return "";
    StringBuilder c = new StringBuilder("<h3>").append(heading).append("</h3>\n");
    SortedMap<String, List<Line>> families = new TreeMap<>();
    List<String> zeros = new ArrayList<>();
    for (Line line : lines) {
      if (line.zero()) {
        zeros.add(line.counter());
      } else {
        families.computeIfAbsent(line.family(), f -> new ArrayList<>()).add(line);
      }
    }
    for (Map.Entry<String, List<Line>> f : families.entrySet()) c.append(family(table, f.getKey(), yLabel, f.getValue()));
    if (!zeros.isEmpty()) {
      zeros.sort(null);
      c.append("<p class=\"zeros\">Zero throughout the run, not drawn: ")
          .append(ReportPage.escape(String.join(", ", zeros))).append(".</p>\n");
    }
    return c.toString();
  }

  /**
   * One chart for the family when its lines fit and vary in one way only (one measure over
   * regions, or several measures of one scope); else one chart per scope, whose lines then
   * compare (requests, ok and failed of one region).
   */
  private static String family(TimeSeriesTable table, String family, String yLabel, List<Line> lines) {
    String title = name(family);
    boolean oneScope = lines.stream().map(Line::scope).distinct().count() == 1;
    boolean oneMeasure = lines.stream().map(Line::measure).distinct().count() == 1;
    if (lines.size() <= SvgChart.MAX_SERIES && (oneScope || oneMeasure)) {
      Map<String, List<double[]>> series = new LinkedHashMap<>();
      for (Line l : lines) series.put(oneScope ? l.measure() : name(l.scope()), l.points());
      String scope = lines.get(0).scope();
      String what = oneScope ? (scope.equals(MetricName.ALL) ? "" : ": " + name(scope)) : ": " + lines.get(0).measure();
      return ReportPage.figure(table, title + what, yLabel, series);
    }
    SortedMap<String, Map<String, List<double[]>>> byScope = new TreeMap<>();
    for (Line l : lines) byScope.computeIfAbsent(l.scope(), s -> new LinkedHashMap<>()).put(l.measure(), l.points());
    StringBuilder c = new StringBuilder();
    for (Map.Entry<String, Map<String, List<double[]>>> s : byScope.entrySet()) {
      c.append(ReportPage.figure(table, title + ": " + name(s.getKey()), yLabel, s.getValue()));
    }
    return c.toString();
  }

  private static String name(String familyOrScope) {
    return NAMES.getOrDefault(familyOrScope, familyOrScope);
  }
}
