package geosim.scenario;

import com.typesafe.config.ConfigValue;
import geosim.node.Cpu;
import geosim.queue.QueueSettings;
import geosim.queue.ServiceDistribution;

/**
 * Reads the {@code queue} block into {@link QueueSettings}: an arrival rate above 0, a mean
 * service time above 0, 1 to {@link Cpu#CORES_MAX} cores, a known service distribution and a
 * duration above 0. An unstable queue (utilization >= 1) is allowed: it is a valid, if growing,
 * system.
 */
final class QueueReader {
  private static final String QUEUE = "queue";
  /** One arrival per nanosecond: beyond this, exponential gaps round to 0 ns. */
  static final double ARRIVAL_RATE_MAX_PER_S = 1e9;

  private final ValueReader reader;
  private final Problems problems;

  QueueReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The queue settings, or null when any problem was reported. */
  QueueSettings read(ConfigValue queue) {
    int before = problems.count();
    Double rate = arrivalRate(reader.child(queue, QUEUE, "arrival-rate"));
    Long meanServiceNs = reader.durationNsAt(queue, QUEUE, "mean-service-time", false);
    Long servers = reader.integerAt(queue, QUEUE, "servers", 1, Cpu.CORES_MAX);
    ServiceDistribution distribution = distribution(reader.child(queue, QUEUE, "service-distribution"));
    Long durationNs = reader.durationNsAt(queue, QUEUE, "duration", false);
    if (problems.count() != before) return null;
    return new QueueSettings(rate, meanServiceNs, servers.intValue(), distribution, durationNs);
  }

  private Double arrivalRate(ConfigValue value) {
    String path = QUEUE + ".arrival-rate";
    Double rate = reader.decimal(path, value, 0, ARRIVAL_RATE_MAX_PER_S);
    if (rate != null && rate == 0) {
      problems.at(value, path, "must be > 0 (arrivals per second), got " + Problems.shown(value));
      return null;
    }
    return rate;
  }

  private ServiceDistribution distribution(ConfigValue value) {
    String text = reader.string(QUEUE + ".service-distribution", value);
    if (text == null) return null;
    try {
      return ServiceDistribution.fromConfig(text);
    } catch (IllegalArgumentException e) {
      problems.at(value, QUEUE + ".service-distribution", e.getMessage());
      return null;
    }
  }
}
