package geosim.report;

import geosim.kernel.Snapshot;
import geosim.kernel.SnapshotObserver;
import geosim.kernel.VirtualTime;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
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
  /** Suffix of a counter of nanoseconds (a time integral such as busy core-ns). */
  static final String NANOS = "-ns";

  private final AtomicFile csvFile;
  private final AtomicFile hlogFile;
  private final PrintStream csv;
  private final HistogramLogWriter hlog;
  private final SortedMap<String, Long> previous = new TreeMap<>();

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
    double interval = VirtualTime.toSeconds(s.timeNs() - s.intervalStartNs());
    for (Map.Entry<String, Long> c : s.counters().entrySet()) {
      long delta = c.getValue() - previous.getOrDefault(c.getKey(), 0L);
      previous.put(c.getKey(), c.getValue());
      if (interval <= 0) continue;
      if (c.getKey().endsWith(NANOS)) {
        // A time integral (busy core-ns, say): seconds per virtual second, e.g. the mean busy cores.
        String base = c.getKey().substring(0, c.getKey().length() - NANOS.length());
        row(time, MetricName.of(base), ".secondsPerSecond", delta / 1e9 / interval);
      } else {
        row(time, MetricName.of(c.getKey()), ".perSecond", delta / interval);
      }
    }
    for (Map.Entry<String, Histogram> h : s.intervalHistograms().entrySet()) {
      Histogram histogram = h.getValue();
      MetricName name = MetricName.of(h.getKey());
      row(time, name, ".count", histogram.getTotalCount());
      if (histogram.getTotalCount() == 0) continue;
      if (h.getKey().endsWith(MetricName.PPM)) {
        // Shares of capacity (one value per element and interval), written as fractions 0 to 1.
        row(time, name, ".mean", histogram.getMean() / 1e6);
        row(time, name, ".p99", histogram.getValueAtPercentile(99) / 1e6);
        row(time, name, ".max", histogram.getMaxValue() / 1e6);
        continue;
      }
      row(time, name, ".p50Ms", histogram.getValueAtPercentile(50) / 1000.0);
      row(time, name, ".p99Ms", histogram.getValueAtPercentile(99) / 1000.0);
      // The kernel tags each snapshot histogram with its name; the log writes the tag.
      hlog.outputIntervalHistogram(VirtualTime.toSeconds(s.intervalStartNs()), time, histogram, 1000.0);
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
    return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(?=$|e)", "");
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
