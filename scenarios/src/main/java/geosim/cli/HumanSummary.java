package geosim.cli;

import geosim.kernel.RunResult;
import geosim.metrics.MetricName;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.HdrHistogram.Histogram;

/**
 * The one screen printed at the end of a run: what ran, each operation's outcome and latency,
 * latency per scope (region or region pair), and where the files are.
 */
final class HumanSummary {
  private HumanSummary() {}

  @SuppressWarnings("unchecked")
  static void print(PrintStream out, SortedMap<String, Object> summary, RunResult result, Path folder) {
    out.printf("scenario  %s (seed %s), stopped by %s%n", summary.get("scenario"), summary.get("seed"),
        summary.get("stopReason"));
    out.printf("simulated %s virtual seconds, %,d events in %.2f s%n",
        summary.get("virtualSeconds"), (Long) summary.get("events"), (Double) summary.get("wallSeconds"));
    Map<String, Object> operations = (Map<String, Object>) summary.get("operations");
    for (Map.Entry<String, Object> op : operations.entrySet()) {
      Map<String, Object> o = (Map<String, Object>) op.getValue();
      Map<String, Object> lat = (Map<String, Object>) o.get("latencyMs");
      out.printf("%-9s %,d ok, %,d failed; latency ms p50 %s  p99 %s  max %s%n", op.getKey(),
          (Long) o.get("ok"), (Long) o.get("failed"), lat.get("p50"), lat.get("p99"), lat.get("max"));
    }
    if (!operations.isEmpty()) {
      out.printf("availability %.5f (ok / finished %s)%n", ((Number) summary.get("availability")).doubleValue(),
          summary.containsKey("clients") ? "client requests" : "operations");
    }
    resources(out, summary);
    consistency(out, summary);
    clients(out, summary);
    ring(out, summary);
    byScope(out, result);
    out.printf("results   %s%n", folder.resolve("summary.json"));
    out.printf("report    %s%n", folder.resolve("report.html"));
  }

  /** Utilization, network losses and energy, for the models that report them. */
  @SuppressWarnings("unchecked")
  private static void resources(PrintStream out, SortedMap<String, Object> summary) {
    Map<String, Object> u = (Map<String, Object>) summary.get("utilization");
    if (u != null && u.containsKey("serverCpuMean") && u.containsKey("linkMax")) {
      out.printf("utilization CPU mean %.3g max %.3g; busiest link %.3f over the run, %.3f in one interval%n",
          number(u, "serverCpuMean"), number(u, "serverCpuMax"), number(u, "linkMax"), number(u, "linkIntervalMax"));
    }
    Map<String, Object> n = (Map<String, Object>) summary.get("network");
    if (n != null && n.containsKey("lostAtCuts")) {
      out.printf("network   %,d messages, %,d dropped at full ports, %,d lost at cuts, %,d lost on degraded links, "
          + "%d background flows%n", (long) number(n, "messages"), (long) number(n, "dropped"),
          (long) number(n, "lostAtCuts"), (long) number(n, "lostToLoss"),
          ((Map<String, Object>) n.get("backgroundFlows")).size());
    }
    Map<String, Object> c = (Map<String, Object>) summary.get("cost");
    if (c != null && c.containsKey("kwh")) {
      out.printf("energy    %.3f kWh (servers x PUE), %,.0f operations per kWh%n", number(c, "kwh"), number(c, "opsPerKwh"));
    }
    if (c != null && c.containsKey("usd")) {
      out.printf("cost      %s (%s), %s instance-hours, %,.0f operations per dollar%n", usd(number(c, "usd")),
          c.get("mode"), hours(number(c, "instanceHours")), number(c, "opsPerUsd"));
    }
    if (u != null && u.containsKey("serverCpuMean") && !u.containsKey("linkMax") && c != null && c.containsKey("usd")) {
      out.printf("utilization CPU mean %.3g, busiest region %.3g%n", number(u, "serverCpuMean"), number(u, "serverCpuMax"));
    }
  }

  /** The store's consistency audit and hints, for the models that report them. */
  @SuppressWarnings("unchecked")
  private static void consistency(PrintStream out, SortedMap<String, Object> summary) {
    Map<String, Object> c = (Map<String, Object>) summary.get("consistency");
    if (c != null && c.containsKey("acknowledgedWrites")) {
      Map<String, Object> visibility = (Map<String, Object>) c.get("tVisibility");
      String tail = visibility != null ? "; visible everywhere p99 " + visibility.get("p99") + " ms"
          : c.containsKey("readYourWritesViolations")
              ? String.format("; %,d read-your-writes violations", (long) number(c, "readYourWritesViolations")) : "";
      out.printf("staleness %,d stale reads of %,d (%.4g), %,d acknowledged writes lost%s%n",
          (long) number(c, "staleReads"), (long) number(c, "reads"), number(c, "staleReadRate"),
          (long) number(c, "lostAcknowledgedWrites"), tail);
    }
    Map<String, Object> relational = (Map<String, Object>) summary.get("relational");
    if (relational != null) {
      Map<String, Object> lag = (Map<String, Object>) relational.get("replicationLagMs");
      out.printf("relational %d shards, %d replicas; replication lag ms p50 %s p99 %s max %s; %d failovers, mean %.3f s%n",
          (long) number(relational, "shards"), (long) number(relational, "replicas"), lag.get("p50"), lag.get("p99"),
          lag.get("max"), (long) number(relational, "failovers"), number(relational, "failoverSecondsMean"));
    }
    Map<String, Object> store = (Map<String, Object>) summary.get("store");
    Map<String, Object> hints = store == null ? null : (Map<String, Object>) store.get("hints");
    if (hints != null && number(hints, "stored") > 0) {
      out.printf("hints     %,d stored, %,d replayed, %,d dropped, %,d pending at the end%n", (long) number(hints, "stored"),
          (long) number(hints, "replayed"), (long) number(hints, "dropped"), (long) number(hints, "pending"));
    }
  }

  /** The store's client populations and app tier: what the users saw, per region. */
  @SuppressWarnings("unchecked")
  private static void clients(PrintStream out, SortedMap<String, Object> summary) {
    Map<String, Object> c = (Map<String, Object>) summary.get("clients");
    if (c == null) return;
    StringBuilder p99 = new StringBuilder();
    Map<String, Object> byRegion = (Map<String, Object>) c.get("byRegion");
    for (Map.Entry<String, Object> e : byRegion.entrySet()) {
      Map<String, Object> latency = (Map<String, Object>) ((Map<String, Object>) e.getValue()).get("latencyMs");
      p99.append(p99.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(latency.get("p99"));
    }
    out.printf("clients   %,d requests, %,d ok, %,d failed, %,d failovers; p99 ms by region %s%n",
        (long) number(c, "requests"), (long) number(c, "ok"), (long) number(c, "failed"), (long) number(c, "failovers"), p99);
    Map<String, Object> app = (Map<String, Object>) summary.get("app");
    if (app != null) {
      out.printf("app tier  %,d servers, %,d requests, CPU utilization %.4g, %s%n", (long) number(app, "servers"),
          (long) number(app, "requests"), number(app, "utilization"), app.get("balancing"));
    }
  }

  /** The ring validation model's ownership against theory. */
  @SuppressWarnings("unchecked")
  private static void ring(PrintStream out, SortedMap<String, Object> summary) {
    Map<String, Object> store = (Map<String, Object>) summary.get("store");
    Map<String, Object> o = store == null ? null : (Map<String, Object>) store.get("ownership");
    if (o == null) return;
    out.printf("ring      %d nodes x %d vnodes: ownership CV %.4f (theory %.4f), shares %.4f to %.4f%n",
        (long) number(o, "nodes"), (long) number(o, "vnodes"), number(o, "cv"), number(o, "cvTheory"),
        number(o, "min"), number(o, "max"));
  }

  private static double number(Map<String, Object> map, String key) {
    Object v = map.get(key);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** p50 and p99 of every latency histogram (names ending in -us) that has a scope. */
  private static void byScope(PrintStream out, RunResult result) {
    boolean header = false;
    for (Map.Entry<String, Histogram> e : result.histograms().entrySet()) {
      MetricName name = MetricName.of(e.getKey());
      if (name.scope().equals(MetricName.ALL) || !e.getKey().endsWith("-us")) continue;
      if (!header) {
        out.printf("%-9s %-28s %10s %10s %10s%n", "by scope", "", "count", "p50 ms", "p99 ms");
        header = true;
      }
      Histogram h = e.getValue();
      out.printf("%-9s %-28s %,10d %10.3f %10.3f%n", "", name.metric() + " " + name.scope(), h.getTotalCount(),
          h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0);
    }
  }

  /** Dollars to the cent, or to four significant digits below a dollar (a short run's $0.0282, not $0.03). */
  static String usd(double usd) {
    return Math.abs(usd) >= 1 || usd == 0 ? String.format("$%,.2f", usd) : String.format("$%.4g", usd);
  }

  /** Hours as whole numbers, or to two decimals below ten (a short run's 0.83, not 1). */
  static String hours(double hours) {
    return hours >= 10 ? String.format("%,.0f", hours) : String.format("%.2f", hours);
  }
}
