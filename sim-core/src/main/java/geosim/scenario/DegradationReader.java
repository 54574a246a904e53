package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigObject;
import geosim.network.Degradation;
import java.util.List;

/**
 * Reads what a {@code link-degradation} fault does to its links: {@code latency} added per
 * traversal (a duration >= 0), {@code loss} (the chance each frame is lost on each link, 0 to 1),
 * and less bandwidth, as {@code bandwidth-factor} (of each link's own, > 0 to 1) or {@code
 * bandwidth-gbps} (a ceiling, > 0), not both. At least one of them must be given.
 */
final class DegradationReader {
  /** The keys of a degradation, beside those of every fault. */
  static final List<String> KEYS = List.of("latency", "loss", "bandwidth-factor", "bandwidth-gbps");

  private final ValueReader reader;
  private final Problems problems;

  DegradationReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The degradation of fault {@code o} at config path {@code at}, or null after reporting a problem. */
  Degradation read(ConfigObject o, String at) {
    int before = problems.count();
    Long latency = o.containsKey("latency") ? reader.durationNsAt(o, at, "latency", true) : Long.valueOf(0);
    Double loss = o.containsKey("loss") ? reader.decimalAt(o, at, "loss", 0, 1) : Double.valueOf(0);
    Double factor = o.containsKey("bandwidth-factor") ? factor(o, at) : Double.valueOf(1);
    Double gbps = o.containsKey("bandwidth-gbps") ? new TopologyValues(reader, problems)
        .positive(path(at, "bandwidth-gbps"), o.get("bandwidth-gbps"), NetworkReader.RATE_GBPS_MAX)
        : Double.valueOf(Double.POSITIVE_INFINITY);
    if (o.containsKey("bandwidth-factor") && o.containsKey("bandwidth-gbps")) {
      problems.at(o.get("bandwidth-gbps"), path(at, "bandwidth-gbps"),
          "give bandwidth-factor or bandwidth-gbps, not both");
    }
    if (KEYS.stream().noneMatch(o::containsKey)) {
      problems.at(o, path(at, "latency"), "missing: a link-degradation needs at least one of " + String.join(", ", KEYS)
          + ", e.g. latency = 20ms");
    }
    if (problems.count() != before) return null;
    return new Degradation(latency, loss, factor, gbps);
  }

  private Double factor(ConfigObject o, String at) {
    Double factor = reader.decimalAt(o, at, "bandwidth-factor", 0, 1);
    if (factor != null && factor == 0) {
      problems.at(o.get("bandwidth-factor"), path(at, "bandwidth-factor"), "must be > 0 (use link-cut for no "
          + "bandwidth at all), got 0");
      return null;
    }
    return factor;
  }
}
