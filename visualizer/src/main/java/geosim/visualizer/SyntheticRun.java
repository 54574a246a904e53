package geosim.visualizer;

import geosim.kernel.Snapshot;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;

/**
 * A made-up run that produces plausible snapshots, one per virtual second, so the charts can be
 * looked at before a real simulation is attached. It models nothing; it only looks like a store.
 *
 * <p>Reads arrive at {@code 2000 + 800 sin(2 pi t / 300 s)} per second (a five-minute "day"),
 * writes at a quarter of that. Latencies are lognormal around a median that grows with load
 * (read 0.8 ms, write 1.6 ms at the mean rate; sigma 0.5, so p99 is about 3.2 x p50). Every 400 s,
 * an "outage" of 60 s sends 10 % of requests to a remote replica (+8 ms) and times out 5 % of
 * reads. All figures are assumptions chosen to make the charts readable.
 *
 * <p>Deterministic: the same seed gives the same snapshots. Histogram values are µs, counters
 * are cumulative, as the kernel publishes them.
 */
final class SyntheticRun {

  static final long INTERVAL_NS = 1_000_000_000L;
  private static final long HISTOGRAM_MAX_US = 60_000_000L;
  private static final int SIGNIFICANT_DIGITS = 3;
  private static final double READ_RATE_MEAN_PER_S = 2000;
  private static final double READ_RATE_SWING_PER_S = 800;
  private static final double DAY_S = 300;
  private static final double OUTAGE_PERIOD_S = 400;
  private static final double OUTAGE_START_S = 200;
  private static final double OUTAGE_LENGTH_S = 60;
  private static final double SIGMA = 0.5;
  private static final long EVENTS_PER_OPERATION = 12;
  private static final double REMOTE_PENALTY_US = 8_000;

  private final UniformRandomProvider random;
  private long timeNs;
  private long readOk;
  private long readTimeout;
  private long writeOk;

  SyntheticRun(long seed) {
    this.random = new SplitMix64(seed);
  }

  /** The snapshot of the next one-second interval. */
  Snapshot next() {
    long startNs = timeNs;
    timeNs += INTERVAL_NS;
    double t = startNs / 1e9;
    double load = 1 + READ_RATE_SWING_PER_S / READ_RATE_MEAN_PER_S * Math.sin(2 * Math.PI * t / DAY_S);
    boolean outage = (t % OUTAGE_PERIOD_S) >= OUTAGE_START_S
        && (t % OUTAGE_PERIOD_S) < OUTAGE_START_S + OUTAGE_LENGTH_S;
    int reads = (int) Math.round(READ_RATE_MEAN_PER_S * load);
    int writes = reads / 4;
    SortedMap<String, Histogram> histograms = new TreeMap<>();
    histograms.put("read", latencies(reads, 800 * load, outage));
    histograms.put("write", latencies(writes, 1600 * load, outage));
    int timeouts = outage ? reads / 20 : 0;
    readOk += reads - timeouts;
    readTimeout += timeouts;
    writeOk += writes;
    SortedMap<String, Long> counters = new TreeMap<>();
    counters.put("read.ok", readOk);
    counters.put("read.timeout", readTimeout);
    counters.put("write.ok", writeOk);
    long events = (readOk + readTimeout + writeOk) * EVENTS_PER_OPERATION;
    return new Snapshot(timeNs, startNs, events, counters, histograms);
  }

  private Histogram latencies(int count, double medianUs, boolean outage) {
    Histogram h = new Histogram(HISTOGRAM_MAX_US, SIGNIFICANT_DIGITS);
    for (int i = 0; i < count; i++) {
      double us = medianUs * Math.exp(SIGMA * gaussian());
      if (outage && random.nextDouble() < 0.10) {
        us += REMOTE_PENALTY_US;
      }
      h.recordValue(Math.min(HISTOGRAM_MAX_US, Math.max(1, Math.round(us))));
    }
    return h;
  }

  /** A standard normal draw (Box-Muller); {@code 1 - u} keeps the logarithm's argument in (0, 1]. */
  private double gaussian() {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
