package geosim.visualizer;

import geosim.kernel.Snapshot;
import geosim.kernel.SnapshotObserver;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The chart data of a live run: a sliding window, in virtual time, of points per histogram name
 * (p50 and p99 latency) and per counter (rate per second), built from {@link Snapshot}s.
 *
 * <p><b>Units.</b> Histogram values are <b>microseconds</b> (the kernel records latencies in µs);
 * points give them in milliseconds. Counter rates are per second of <i>virtual</i> time: {@code
 * (value - previous value) / interval length}. Point times are the snapshot's {@code timeNs} in
 * seconds, i.e. the end of the interval the point describes.
 *
 * <p><b>Example.</b> A snapshot at 60 s with interval [59 s, 60 s), histogram {@code read} holding
 * 1..1000 µs once each and counter {@code read.ok} at 5 000 (4 000 at the previous snapshot) adds
 * {@code LatencyPoint(60.0, ~0.5, ~0.99, 1000)} to {@code read} and {@code RatePoint(60.0, 1000.0)}
 * to {@code read.ok}.
 *
 * <p><b>Undefined values give no point, never NaN:</b> an interval with no recorded values adds no
 * latency point (a zero would read as "fast"), and a zero-length interval adds no rate point. The
 * first rate point of a counter needs a previous value: the snapshot before it, or 0 when the
 * snapshot's interval starts at time 0 (counters start at 0 with the run).
 *
 * <p><b>Bounded memory.</b> Points older than {@code latestTime - windowNs} are dropped, each series
 * keeps at most {@code maxPointsPerSeries} points, and a series whose points have all aged out is
 * removed. Names iterate in sorted order.
 *
 * <p><b>Threads.</b> {@link #onSnapshot} is called on the kernel's thread and {@link #view} on the
 * UI thread; both are synchronized, and views are immutable copies.
 */
public final class LiveSeries implements SnapshotObserver {

  /** A point of a series, at the end of the interval it describes, in virtual seconds. */
  public sealed interface Point permits LatencyPoint, RatePoint {
    double timeSeconds();
  }

  /** Latency of one interval: p50 and p99 in milliseconds, {@code count} values recorded. */
  public record LatencyPoint(double timeSeconds, double p50Ms, double p99Ms, long count)
      implements Point {
    public LatencyPoint {
      if (count <= 0 || !Double.isFinite(p50Ms) || !Double.isFinite(p99Ms)) {
        throw new IllegalArgumentException(
            "latency point needs count > 0 and finite percentiles, got count=" + count
                + " p50Ms=" + p50Ms + " p99Ms=" + p99Ms);
      }
    }
  }

  /** Rate of one counter over one interval, per second of virtual time. */
  public record RatePoint(double timeSeconds, double perSecond) implements Point {
    public RatePoint {
      if (!Double.isFinite(perSecond)) {
        throw new IllegalArgumentException("rate must be finite, got " + perSecond);
      }
    }
  }

  /** An immutable copy of the window: series by name, each oldest point first. */
  public record View(
      double latestTimeSeconds,
      SortedMap<String, List<LatencyPoint>> latency,
      SortedMap<String, List<RatePoint>> rates) {
    public View {
      latency = Collections.unmodifiableSortedMap(new TreeMap<>(latency));
      rates = Collections.unmodifiableSortedMap(new TreeMap<>(rates));
    }
  }

  private static final double NS_PER_SECOND = 1e9;
  private static final double US_PER_MS = 1e3;

  private final long windowNs;
  private final int maxPointsPerSeries;
  private final SortedMap<String, Deque<LatencyPoint>> latency = new TreeMap<>();
  private final SortedMap<String, Deque<RatePoint>> rates = new TreeMap<>();
  /** The previous snapshot's counters; replaced whole, so it holds only live names. */
  private SortedMap<String, Long> lastCounters = Collections.emptySortedMap();
  private long latestTimeNs = -1;

  /**
   * @param windowNs how much virtual time the window spans, in ns; {@code > 0}
   * @param maxPointsPerSeries hard cap per series, in points; {@code > 0} (guards against tiny
   *     metrics intervals)
   */
  public LiveSeries(long windowNs, int maxPointsPerSeries) {
    if (windowNs <= 0) {
      throw new IllegalArgumentException("windowNs must be > 0, got " + windowNs);
    }
    if (maxPointsPerSeries <= 0) {
      throw new IllegalArgumentException("maxPointsPerSeries must be > 0, got " + maxPointsPerSeries);
    }
    this.windowNs = windowNs;
    this.maxPointsPerSeries = maxPointsPerSeries;
  }

  /**
   * Adds the snapshot's points and drops those that left the window.
   *
   * @throws IllegalArgumentException if the snapshot is older than the latest one seen (call
   *     {@link #clear} before feeding a new run)
   */
  @Override
  public synchronized void onSnapshot(Snapshot snapshot) {
    if (snapshot.timeNs() < latestTimeNs) {
      throw new IllegalArgumentException(
          "snapshots must not go back in time: got timeNs=" + snapshot.timeNs()
              + " after " + latestTimeNs + "; call clear() before feeding a new run");
    }
    latestTimeNs = snapshot.timeNs();
    addLatencyPoints(snapshot);
    addRatePoints(snapshot);
    evictOlderThan(latency, snapshot.timeNs() - windowNs);
    evictOlderThan(rates, snapshot.timeNs() - windowNs);
  }

  private void addLatencyPoints(Snapshot snapshot) {
    double timeSeconds = snapshot.timeNs() / NS_PER_SECOND;
    for (Map.Entry<String, Histogram> e : snapshot.intervalHistograms().entrySet()) {
      if (e.getValue().getTotalCount() > 0 && isLatency(e.getKey())) {
        append(latency, e.getKey(), latencyPoint(timeSeconds, e.getValue()));
      }
    }
  }

  private void addRatePoints(Snapshot snapshot) {
    double timeSeconds = snapshot.timeNs() / NS_PER_SECOND;
    long intervalNs = snapshot.timeNs() - snapshot.intervalStartNs();
    for (Map.Entry<String, Long> e : snapshot.counters().entrySet()) {
      if (!isCount(e.getKey())) continue;
      Long previous = lastCounters.get(e.getKey());
      if (previous == null && snapshot.intervalStartNs() == 0) {
        previous = 0L;
      }
      if (previous != null && intervalNs > 0) {
        double perSecond = (e.getValue() - previous) * NS_PER_SECOND / intervalNs;
        append(rates, e.getKey(), new RatePoint(timeSeconds, perSecond));
      }
    }
    lastCounters = snapshot.counters();
  }

  /**
   * Whether a histogram holds latencies (µs) rather than utilizations: models name shares of
   * capacity {@code ...-ppm} (parts per million), which the latency chart must not show as ms.
   */
  static boolean isLatency(String histogram) {
    return !histogram.endsWith("-ppm");
  }

  /**
   * Whether a counter counts events (operations, messages) rather than volumes: byte counters
   * and time integrals ({@code ...-ns}) are orders of magnitude larger and would flatten every
   * other line of the rate chart.
   */
  static boolean isCount(String counter) {
    return !counter.endsWith("-ns") && !counter.contains("bytes");
  }

  /** An immutable copy of the current window. */
  public synchronized View view() {
    return new View(
        latestTimeNs < 0 ? 0.0 : latestTimeNs / NS_PER_SECOND, copy(latency), copy(rates));
  }

  /** Forgets every point and counter, e.g. before feeding a new run. */
  public synchronized void clear() {
    latency.clear();
    rates.clear();
    lastCounters = Collections.emptySortedMap();
    latestTimeNs = -1;
  }

  /** Percentiles of one interval's histogram, whose values are µs, as ms. */
  static LatencyPoint latencyPoint(double timeSeconds, Histogram h) {
    return new LatencyPoint(
        timeSeconds,
        h.getValueAtPercentile(50.0) / US_PER_MS,
        h.getValueAtPercentile(99.0) / US_PER_MS,
        h.getTotalCount());
  }

  private <P extends Point> void append(SortedMap<String, Deque<P>> series, String name, P point) {
    Deque<P> points = series.computeIfAbsent(name, k -> new ArrayDeque<>());
    points.addLast(point);
    while (points.size() > maxPointsPerSeries) {
      points.removeFirst();
    }
  }

  private static <P extends Point> void evictOlderThan(SortedMap<String, Deque<P>> series, long oldestNs) {
    double oldestSeconds = oldestNs / NS_PER_SECOND;
    series.values().forEach(points -> {
      while (!points.isEmpty() && points.peekFirst().timeSeconds() < oldestSeconds) {
        points.removeFirst();
      }
    });
    series.values().removeIf(Deque::isEmpty);
  }

  private static <P> SortedMap<String, List<P>> copy(SortedMap<String, Deque<P>> series) {
    SortedMap<String, List<P>> out = new TreeMap<>();
    series.forEach((name, points) -> out.put(name, List.copyOf(points)));
    return out;
  }
}
