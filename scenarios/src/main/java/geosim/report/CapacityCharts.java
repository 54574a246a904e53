package geosim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import geosim.metrics.MetricName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The report's charts of what a run held and paid: instances (servers) over time, servers by
 * state, and cost and energy over time, each per region (and per fleet role) with the total, from
 * the time series alone. Instances are the rates of the models' time integrals (the fleet's
 * {@code <role>.<r>.in-service-ns} and {@code <role>.<r>.instances-ns}, role {@code app} when a
 * fleet lists none, and the store's {@code store.<r>.servers-up-ns}): the mean number of servers
 * in each interval, a time series of instances per role. Cost and energy are the models'
 * cumulative counters (the fleet's {@code <role>.<r>.cost-microusd} and {@code
 * <role>.<r>.energy-joules}, the store's {@code store.<r>.cost-microusd} and {@code
 * store.<r>.energy-joules}), so the total's last point is the summary's {@code cost.usd} and
 * {@code cost.kwh} (to the 6 digits of the file, and for the store to half a micro-dollar and
 * half a joule per server).
 */
final class CapacityCharts {
  /** Measures that give a fleet role's instances ({@code <role>.<measure>}), and how a reader calls them. */
  private static final Map<String, String> INSTANCES = new LinkedHashMap<>();
  /** The store's servers up, and how a reader calls them. */
  private static final String SERVERS_UP = "store.servers-up.secondsPerSecond";
  /** Per-server states ({@code server.<path>.<state>-ns}) and their names in the chart. */
  private static final Map<String, String> STATES = new LinkedHashMap<>();
  /** The visualizer's colours of the states (dark red down, amber suspected, blue bootstrapping). */
  private static final Map<String, Color> COLOURS = new LinkedHashMap<>();
  static final String COST_RATE = ".cost.usdPerHour";
  static final String COST = ".cost.usd";
  static final String ENERGY = ".energy.kwh";
  static final String SERVER_PREFIX = "server.";
  static final String TOTAL = "all regions";

  static {
    INSTANCES.put(".in-service.secondsPerSecond", "servers in service");
    INSTANCES.put(".instances.secondsPerSecond", "servers held (billed: in service, launching, draining)");
    STATES.put("server.down.secondsPerSecond", "down (crashed)");
    STATES.put("server.suspected-by.secondsPerSecond", "suspected by at least one peer");
    STATES.put("server.bootstrapping.secondsPerSecond", "bootstrapping");
    STATES.put("server.leaving.secondsPerSecond", "leaving");
    STATES.put("server.absent.secondsPerSecond", "absent (not yet joined, or left)");
    COLOURS.put("down (crashed)", new Color(0xB0, 0x10, 0x10));
    COLOURS.put("suspected by at least one peer", new Color(0xF0, 0xA0, 0x00));
    COLOURS.put("bootstrapping", new Color(0x20, 0x60, 0xD0));
    COLOURS.put("leaving", new Color(0x80, 0x40, 0xC0));
    COLOURS.put("absent (not yet joined, or left)", Color.GRAY);
  }

  private CapacityCharts() {}

  /** Whether {@code metric} is drawn here (so the page does not draw it again). */
  static boolean drawsHere(String metric) {
    return role(metric) != null || metric.equals(SERVERS_UP) || metric.startsWith(SERVER_PREFIX) || metric.endsWith(COST_RATE)
        || metric.endsWith(COST) || metric.endsWith(".energy.kw") || metric.endsWith(ENERGY);
  }

  /** The sections, or an empty string when the run measured none of it. */
  static String html(JsonNode summary, TimeSeriesTable table) {
    StringBuilder c = new StringBuilder();
    SortedMap<String, List<double[]>> instances = new TreeMap<>();
    for (String metric : table.metrics()) {
      String role = role(metric);
      String what = role != null ? role + " " + INSTANCES.get(metric.substring(role.length()))
          : metric.equals(SERVERS_UP) ? "store servers up" : null;
      if (what == null) continue;
      for (Map.Entry<String, List<double[]>> s : withTotal(table.byScope(metric)).entrySet()) {
        instances.put(what + ", " + s.getKey(), s.getValue());
      }
    }
    if (!instances.isEmpty()) {
      c.append("<h2>Instances</h2>\n<p>Servers over time: the mean number in each metrics interval.</p>\n")
          .append(ReportPage.figure(table, "instances over time (servers)", "instances (servers)", instances));
    }
    c.append(states(table));
    c.append(cost(summary, table));
    return c.toString();
  }

  /** The fleet role whose instances {@code metric} gives (e.g. render of render.instances.secondsPerSecond), or null. */
  private static String role(String metric) {
    for (String measure : INSTANCES.keySet()) {
      int dot = metric.indexOf('.');
      if (metric.endsWith(measure) && dot == metric.length() - measure.length() && dot > 0) return metric.substring(0, dot);
    }
    return null;
  }

  /** How many servers were in each state at each snapshot (a server without a row is up). */
  private static String states(TimeSeriesTable table) {
    Map<String, List<double[]>> counts = new LinkedHashMap<>();
    List<double[]> times = times(table);
    for (Map.Entry<String, String> e : STATES.entrySet()) {
      SortedMap<String, List<double[]>> servers = table.byScope(e.getKey());
      if (servers.isEmpty()) continue;
      SortedMap<Double, Double> n = new TreeMap<>();
      for (double[] t : times) n.put(t[0], 0.0);
      for (List<double[]> one : servers.values()) {
        for (double[] p : one) if (p[1] > 0) n.merge(p[0], 1.0, Double::sum);
      }
      counts.put(e.getValue(), points(n));
    }
    if (counts.isEmpty()) return "";
    return "<h2>Server states</h2>\n<p>Store servers in each state at every snapshot; a server suspected by a peer is one"
        + " whose failure detector on that peer has convicted it (it may be up: a false suspicion).</p>\n"
        + ReportPage.figure(SvgChart.steps("servers in each state at each snapshot", table.timeLabel(), "servers",
            counts, COLOURS), counts.size());
  }

  private static String cost(JsonNode summary, TimeSeriesTable table) {
    SortedMap<String, List<double[]>> rate = byRegion(table, COST_RATE);
    SortedMap<String, List<double[]>> total = byRegion(table, COST);
    SortedMap<String, List<double[]>> energy = byRegion(table, ENERGY);
    JsonNode cost = summary.path("cost");
    if (rate.isEmpty() && energy.isEmpty()) {
      return cost.isMissingNode() ? "" : "<h2>Cost and energy</h2>\n<p>This model reports its cost at the end only"
          + " (summary.json <code>cost</code>), not over time.</p>\n";
    }
    StringBuilder c = new StringBuilder("<h2>Cost and energy</h2>\n<p>")
        .append(ReportPage.escape(costLine(cost))).append("</p>\n");
    c.append(ReportPage.figure(table, "cost rate (USD per hour)", "USD per hour", withTotal(rate)));
    c.append(ReportPage.figure(table, "cumulative cost (USD)", "USD", fromZero(withTotal(total))));
    c.append(ReportPage.figure(table, "cumulative facility energy, servers x PUE (kWh)", "kWh",
        fromZero(withTotal(energy))));
    return c.toString();
  }

  private static String costLine(JsonNode cost) {
    String mode = cost.path("mode").asText("cloud");
    String how = mode.equals("owned")
        ? "owned data center: the peak fleet so far is paid for the whole time so far, plus energy, so the cost jumps"
            + " when the peak rises"
        : "cloud: instance-hours of the servers held, at the hourly price";
    if (cost.has("disks")) {
      how = mode.equals("owned")
          ? "owned data center: every store server and its data disk amortized and powered for the whole run (a"
              + " crashed one too), so the cost grows with time and with the energy the work takes"
          : "cloud: instance-hours of every store server for the whole run (a crashed one too), with its data disk,"
              + " so the cost grows in a straight line";
    }
    return String.format(Locale.ROOT, "Priced as %s. Total $%,.2f (summary.json cost.usd), %,.1f kWh.", how,
        cost.path("usd").asDouble(), cost.path("kwh").asDouble());
  }

  /**
   * Every metric ending with {@code suffix} by region (fleets and the store name the region as
   * the scope); when several metrics have it (a fleet's roles), by role and region, e.g. "render
   * us-east", so that no region's line hides another role's.
   */
  private static SortedMap<String, List<double[]>> byRegion(TimeSeriesTable table, String suffix) {
    SortedMap<String, SortedMap<String, List<double[]>>> metrics = table.endingWith(suffix);
    SortedMap<String, List<double[]>> out = new TreeMap<>();
    for (Map.Entry<String, SortedMap<String, List<double[]>>> m : metrics.entrySet()) {
      String owner = m.getKey().substring(0, m.getKey().length() - suffix.length());
      for (Map.Entry<String, List<double[]>> s : m.getValue().entrySet()) {
        out.put(metrics.size() == 1 ? s.getKey() : owner + " " + s.getKey(), s.getValue());
      }
    }
    return out;
  }

  /** The series and, when there are several regions, their sum as {@value #TOTAL}. */
  static SortedMap<String, List<double[]>> withTotal(SortedMap<String, List<double[]>> byRegion) {
    SortedMap<String, List<double[]>> out = new TreeMap<>(byRegion);
    out.remove(MetricName.ALL);
    if (out.size() < 2) return out.isEmpty() ? new TreeMap<>(byRegion) : out;
    SortedMap<Double, Double> sum = new TreeMap<>();
    for (List<double[]> s : out.values()) {
      for (double[] p : s) sum.merge(p[0], p[1], Double::sum);
    }
    out.put(TOTAL, points(sum));
    return out;
  }

  /** Cumulative series with their start: nothing is spent at virtual time 0 (the first snapshot is later). */
  private static SortedMap<String, List<double[]>> fromZero(SortedMap<String, List<double[]>> cumulative) {
    SortedMap<String, List<double[]>> out = new TreeMap<>();
    for (Map.Entry<String, List<double[]>> e : cumulative.entrySet()) {
      List<double[]> points = new ArrayList<>(e.getValue());
      if (!points.isEmpty() && points.get(0)[0] > 0) points.add(0, new double[] {0, 0});
      out.put(e.getKey(), points);
    }
    return out;
  }

  /** The snapshot times of the run: those of its longest series. */
  private static List<double[]> times(TimeSeriesTable table) {
    List<double[]> longest = List.of();
    for (String m : table.metrics()) {
      for (List<double[]> s : table.byScope(m).values()) if (s.size() > longest.size()) longest = s;
    }
    return longest;
  }

  private static List<double[]> points(SortedMap<Double, Double> byTime) {
    List<double[]> out = new ArrayList<>();
    for (Map.Entry<Double, Double> e : byTime.entrySet()) out.add(new double[] {e.getKey(), e.getValue()});
    return out;
  }

  /** The last point of the regions' total cumulative cost, USD (NaN when the run has none). */
  static double finalCostUsd(TimeSeriesTable table) {
    SortedMap<String, List<double[]>> total = withTotal(byRegion(table, COST));
    if (total.isEmpty()) return Double.NaN;
    List<double[]> line = total.getOrDefault(TOTAL, total.get(total.firstKey()));
    return line.isEmpty() ? Double.NaN : line.get(line.size() - 1)[1];
  }
}
