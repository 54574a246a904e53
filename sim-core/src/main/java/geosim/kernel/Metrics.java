package geosim.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Counters and histograms of one partition, by name. Names are sorted (TreeMap), so merging
 * partitions and writing snapshots is deterministic.
 *
 * <p>Look a metric up once (for example in {@link SimActor#start}) and keep the returned object:
 * the lookup is a map search, recording is a field update.
 *
 * <p>Histograms record non-negative longs in any unit the model chooses; by convention latencies
 * are recorded in microseconds with names ending in {@code -us}. They keep 3 significant digits
 * and start small, growing their range to the largest value recorded: a histogram sized up
 * front for an hour in microseconds takes about 370 KB, and every snapshot copies histograms.
 */
public final class Metrics {
  private static final int SIGNIFICANT_DIGITS = 3;

  private final TreeMap<String, Counter> counters = new TreeMap<>();
  private final TreeMap<String, Histogram> histograms = new TreeMap<>();
  private final List<IntervalSampler> samplers = new ArrayList<>();

  /** The counter called {@code name}, created at 0 on first use. */
  public Counter counter(String name) {
    return counters.computeIfAbsent(name, n -> new Counter());
  }

  /** The histogram called {@code name}, created empty on first use. */
  public Histogram histogram(String name) {
    return histograms.computeIfAbsent(name, n -> newHistogram());
  }

  /** Calls {@code sampler} at every snapshot boundary from now on (see {@link IntervalSampler}). */
  public void sampleAtSnapshots(IntervalSampler sampler) {
    samplers.add(Objects.requireNonNull(sampler, "sampler"));
  }

  /** Runs every sampler, in registration order, at the boundary {@code atNs}. */
  void sample(long atNs) {
    for (IntervalSampler sampler : samplers) sampler.sample(atNs);
  }

  static Histogram newHistogram() {
    return new Histogram(SIGNIFICANT_DIGITS); // auto-resizing

  }

  /** Adds every counter's current value into {@code into}. */
  void addCountersTo(SortedMap<String, Long> into) {
    for (Map.Entry<String, Counter> e : counters.entrySet()) {
      into.merge(e.getKey(), e.getValue().value(), Long::sum);
    }
  }

  /**
   * Puts a copy of every histogram that recorded something into {@code into} and resets it,
   * starting a new interval. (Actors keep references to their histograms, so the registry keeps
   * the objects and hands out copies.)
   */
  void drainHistogramsTo(SortedMap<String, Histogram> into) {
    for (Map.Entry<String, Histogram> e : histograms.entrySet()) {
      Histogram h = e.getValue();
      if (h.getTotalCount() == 0) continue;
      into.put(e.getKey(), h.copy());
      h.reset();
    }
  }
}
