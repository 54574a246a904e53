package geosim.sweep;

import geosim.metrics.Estimate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import geosim.report.AtomicFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The replications' summaries of every point, reduced to an {@link Estimate} per numeric
 * metric (every numeric leaf of summary.json, by its dotted path), and written as {@code
 * sweep.csv}: one row per point and metric with the varied values, n, mean and the 95%
 * confidence interval.
 */
public final class SweepResults {
  public static final String CSV = "sweep.csv";

  private final SweepSpec spec;
  /** point index → metric → estimate. */
  private final List<SortedMap<String, Estimate>> estimates = new ArrayList<>();

  private SweepResults(SweepSpec spec) {
    this.spec = spec;
  }

  /** Reads every replication's summary under {@code dir}; all must exist. */
  public static SweepResults read(SweepSpec spec, Path dir) throws IOException {
    SweepResults results = new SweepResults(spec);
    ObjectMapper json = new ObjectMapper();
    for (SweepPoint p : spec.points()) {
      SortedMap<String, List<Double>> values = new TreeMap<>();
      for (int r = 0; r < spec.replications(); r++) {
        JsonNode summary = json.readTree(Files.readString(SweepRunner.summaryFile(dir, p.index(), r)));
        flatten("", summary, values);
      }
      SortedMap<String, Estimate> byMetric = new TreeMap<>();
      for (Map.Entry<String, List<Double>> e : values.entrySet()) {
        byMetric.put(e.getKey(), Estimate.of(e.getValue().stream().mapToDouble(Double::doubleValue).toArray()));
      }
      results.estimates.add(byMetric);
    }
    return results;
  }

  private static void flatten(String prefix, JsonNode node, SortedMap<String, List<Double>> into) {
    if (node.isNumber()) {
      into.computeIfAbsent(prefix, k -> new ArrayList<>()).add(node.asDouble());
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), into);
      }
    }
  }

  public SweepSpec spec() {
    return spec;
  }

  /** The estimate of {@code metric} at point {@code index}, or null if that point lacks it. */
  public Estimate estimate(int index, String metric) {
    return estimates.get(index).get(metric);
  }

  /** Every metric any point has, sorted. */
  public List<String> metrics() {
    SortedMap<String, Boolean> all = new TreeMap<>();
    for (SortedMap<String, Estimate> m : estimates) for (String k : m.keySet()) all.put(k, true);
    return List.copyOf(all.keySet());
  }

  /** Writes {@code sweep.csv} into {@code dir}. */
  public Path writeCsv(Path dir) throws IOException {
    Path target = dir.resolve(CSV);
    try (AtomicFile file = AtomicFile.open(target)) {
      PrintStream out = file.out();
      StringBuilder header = new StringBuilder("point");
      for (Variation v : spec.variations()) header.append(',').append(v.path());
      out.println(header.append(",metric,n,mean,ci95Low,ci95High"));
      for (SweepPoint p : spec.points()) {
        for (Map.Entry<String, Estimate> e : estimates.get(p.index()).entrySet()) {
          Estimate est = e.getValue();
          out.println(p.index() + "," + String.join(",", p.values()) + "," + e.getKey() + "," + est.n() + ","
              + num(est.mean()) + "," + num(est.low()) + "," + num(est.high()));
        }
      }
      file.commit();
    }
    return target;
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.9g", v);
  }
}
