package geosim.report;

import geosim.kernel.Snapshot;
import geosim.kernel.SnapshotObserver;
import geosim.kernel.VirtualTime;
import geosim.metrics.MetricName;
import geosim.metrics.SnapshotValues;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a run's snapshots as they come: {@code timeseries.csv} (one row per time, scope and
 * metric: counter rates per virtual second (counters of nanoseconds as seconds per second),
 * latency p50/p99 in ms and counts per interval,
 * utilizations' mean, p99 and max over the elements of a scope as fractions) and
 * {@code latency.hlog}, an HdrHistogram interval log (one tagged histogram per name and interval,
 * values reported in ms) that HistogramLogAnalyzer reads. Both stream to {@code <name>.partial}
 * files, flushed at every snapshot, so memory stays bounded and a run that dies leaves the series
 * up to its last snapshot; they appear under their names only at {@link #commit}.
 */
public final class TimeSeriesRecorder implements SnapshotObserver, AutoCloseable {
  public static final String CSV = "timeseries.csv";
  public static final String HLOG = "latency.hlog";
  static final String HEADER = "timeSeconds,scope,metric,value";

  private final AtomicFile csvFile;
  private final AtomicFile hlogFile;
  private final PrintStream csv;
  private final HistogramLogWriter hlog;
  private final SnapshotValues values = new SnapshotValues();

  public TimeSeriesRecorder(Path runFolder) throws IOException {
    csvFile = AtomicFile.openPartial(runFolder.resolve(CSV));
    hlogFile = AtomicFile.openPartial(runFolder.resolve(HLOG));
    csv = csvFile.out();
    csv.println(HEADER);
    hlog = new HistogramLogWriter(hlogFile.out());
    hlog.outputLogFormatVersion();
    hlog.outputComment("geosim latency histograms; timestamps are virtual seconds, values ms");
    hlog.outputLegend();
  }

  @Override
  public void onSnapshot(Snapshot s) {
    double time = VirtualTime.toSeconds(s.timeNs());
    values.convert(s, (name, measure, value) -> row(time, name, measure, value));
    for (Map.Entry<String, Histogram> h : s.intervalHistograms().entrySet()) {
      if (h.getValue().getTotalCount() == 0 || h.getKey().endsWith(MetricName.PPM)) continue;
      // The kernel tags each snapshot histogram with its name; the log writes the tag.
      hlog.outputIntervalHistogram(VirtualTime.toSeconds(s.intervalStartNs()), time, h.getValue(), 1000.0);
    }
    try {
      csvFile.flush();
      hlogFile.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void row(double time, MetricName name, String suffix, double value) {
    csv.printf(Locale.ROOT, "%s,%s,%s,%s%n", number(time), name.scope(), name.metric() + suffix, number(value));
  }

  /** Shortest exact form: integers without a decimal point, others to 6 significant digits. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    // Six significant digits; trailing zeros go only after a decimal point (239599.6 is "239600").
    return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(?=$|e)", "$1").replace(".e", "e")
        .replaceAll("\\.$", "");
  }

  /** Makes both files appear under their names. */
  public void commit() throws IOException {
    csvFile.commit();
    hlogFile.commit();
  }

  @Override
  public void close() throws IOException {
    csvFile.close();
    hlogFile.close();
  }
}
