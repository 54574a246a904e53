package geosim.visualizer;

import geosim.kernel.Snapshot;
import geosim.metrics.SnapshotValues;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns live {@link Snapshot}s into {@link Frame}s with the values {@code geosim run} writes to
 * {@code timeseries.csv}, so a live run and its replay show the same numbers: counters as rates per
 * virtual second ({@code .perSecond}; counters of nanoseconds as {@code .secondsPerSecond}),
 * latency histograms (µs) as {@code .p50Ms}, {@code .p99Ms} and {@code .count}, utilization
 * histograms (ppm) as {@code .mean}, {@code .p99}, {@code .max} fractions. Keeps the previous
 * counters, so one builder serves one run, in order.
 */
final class FrameBuilder {
  private final SnapshotValues converter = new SnapshotValues();

  Frame next(Snapshot s) {
    SortedMap<String, Double> values = new TreeMap<>();
    converter.convert(s, (name, measure, value) -> values.put(Frame.key(name.scope(), name.metric() + measure), value));
    return new Frame(s.timeNs() / 1e9, s.events(), values);
  }
}
