package geosim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@code timeseries.csv} read back: for each metric, the series of each scope, as (time,
 * value) points in file order. Sorted by name, so a report lists them in a fixed order.
 */
public final class TimeSeriesTable {
  /** metric → scope → points as {time, value}. */
  private final SortedMap<String, SortedMap<String, List<double[]>>> series = new TreeMap<>();
  private String timeUnit = "s";

  private TimeSeriesTable() {}

  /**
   * The same table with times in the unit that suits its length, so a 3-day run reads 0 to 72 h
   * rather than 0 to 259,200 s: seconds up to 20 minutes, minutes up to 10 hours, hours up to 10
   * days, days beyond.
   */
  public TimeSeriesTable inReadableTimeUnit() {
    double end = 0;
    for (SortedMap<String, List<double[]>> scopes : series.values()) {
      for (List<double[]> points : scopes.values()) for (double[] p : points) end = Math.max(end, p[0]);
    }
    if (end <= 1200) return this;
    if (end <= 36_000) return inUnit("min", 60);
    return end <= 864_000 ? inUnit("h", 3600) : inUnit("d", 86_400);
  }

  private TimeSeriesTable inUnit(String unit, double seconds) {
    TimeSeriesTable out = new TimeSeriesTable();
    out.timeUnit = unit;
    for (Map.Entry<String, SortedMap<String, List<double[]>>> m : series.entrySet()) {
      for (Map.Entry<String, List<double[]>> s : m.getValue().entrySet()) {
        for (double[] p : s.getValue()) out.add(m.getKey(), s.getKey(), p[0] / seconds, p[1]);
      }
    }
    return out;
  }

  /** The label of the time axis: {@code virtual time (s)}, or (min), (h), (d). */
  public String timeLabel() {
    return "virtual time (" + timeUnit + ")";
  }

  /**
   * Reads {@code file}.
   *
   * @throws IOException if it cannot be read or a line is malformed (naming the line)
   */
  public static TimeSeriesTable read(Path file) throws IOException {
    TimeSeriesTable table = new TimeSeriesTable();
    List<String> lines = Files.readAllLines(file);
    if (lines.isEmpty() || !lines.get(0).equals(TimeSeriesRecorder.HEADER)) {
      throw new IOException(file + ":1: expected the header '" + TimeSeriesRecorder.HEADER + "'");
    }
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      try {
        if (f.length != 4) throw new NumberFormatException("expected 4 fields, got " + f.length);
        table.add(f[2], f[1], Double.parseDouble(f[0]), Double.parseDouble(f[3]));
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + (i + 1) + ": malformed row '" + lines.get(i) + "': " + e.getMessage(), e);
      }
    }
    return table;
  }

  private void add(String metric, String scope, double time, double value) {
    series.computeIfAbsent(metric, m -> new TreeMap<>())
        .computeIfAbsent(scope, s -> new ArrayList<>())
        .add(new double[] {time, value});
  }

  /** Metric names, sorted. */
  public List<String> metrics() {
    return List.copyOf(series.keySet());
  }

  /** The series of {@code metric} by scope (empty if absent). */
  public SortedMap<String, List<double[]>> byScope(String metric) {
    return series.getOrDefault(metric, new TreeMap<>());
  }

  /** Every metric whose name ends with {@code suffix}, with its series by scope. */
  public SortedMap<String, SortedMap<String, List<double[]>>> endingWith(String suffix) {
    SortedMap<String, SortedMap<String, List<double[]>>> out = new TreeMap<>();
    for (Map.Entry<String, SortedMap<String, List<double[]>>> e : series.entrySet()) {
      if (e.getKey().endsWith(suffix)) out.put(e.getKey(), e.getValue());
    }
    return out;
  }
}
