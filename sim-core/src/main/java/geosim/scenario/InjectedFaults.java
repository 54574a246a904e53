package geosim.scenario;

import geosim.faults.FaultEvent;
import geosim.faults.FaultSpec;
import geosim.network.Degradation;
import java.util.List;

/**
 * Writes the {@code injected-faults} list of a run (faults injected while it went on) in the
 * scenario language, times in exact nanoseconds, so that a config that ends with it replays the
 * run ({@link FaultReader#readInjected} reads it back):
 *
 * <pre>
 * injected-faults = [
 *   { at = 12000000000ns, kind = server-crash, target = "us-east/use1-a/rack-1/srv-1" }
 *   { at = 40000000000ns, kind = server-crash, target = "us-east/use1-a/rack-1/srv-1", phase = end }
 * ]
 * </pre>
 */
final class InjectedFaults {
  private InjectedFaults() {}

  /** The list as HOCON, one element a line; {@code injected-faults = []} for none. */
  static String render(List<FaultEvent> taken) {
    StringBuilder out = new StringBuilder(FaultReader.INJECTED_BLOCK).append(" = [");
    for (FaultEvent e : taken) out.append("\n  ").append(element(e));
    return out.append(taken.isEmpty() ? "]\n" : "\n]\n").toString();
  }

  private static String element(FaultEvent e) {
    FaultSpec f = e.fault();
    StringBuilder out = new StringBuilder("{ at = ").append(e.timeNs()).append("ns, kind = ")
        .append(f.kind().configName());
    if (f.target() != null) {
      out.append(", target = ").append(quoted(f.target()));
    } else if (f.sides() != null) {
      out.append(", sides = [").append(list(f.sides().get(0))).append(", ").append(list(f.sides().get(1))).append(']');
    } else {
      out.append(", between = [").append(quoted(f.between().get(0))).append(", ")
          .append(quoted(f.between().get(1))).append(']');
    }
    if (e.start() && f.endNs() != Long.MAX_VALUE && f.kind().hasDuration()) {
      out.append(", duration = ").append(f.endNs() - f.atNs()).append("ns");
    }
    out.append(amount(f));
    if (!e.start()) out.append(", phase = end");
    return out.append(" }").toString();
  }

  /** The amount under its kind's key, exactly as {@link FaultReader} reads it back; empty for kinds without. */
  private static String amount(FaultSpec f) {
    return switch (f.kind()) {
      case SLOW_DISK -> ", factor = " + f.amount();
      case CLOCK_JUMP -> ", by = " + Math.round(f.amount()) + "ns";
      case STORM -> ", rate-gbps = " + f.amount() / 1e9;
      case LINK_DEGRADATION -> degradation(f.degradation());
      default -> "";
    };
  }

  /** A link degradation's keys: only those that change something, so it reads back the same. */
  private static String degradation(Degradation d) {
    StringBuilder out = new StringBuilder();
    if (d.extraLatencyNs() != 0) out.append(", latency = ").append(d.extraLatencyNs()).append("ns");
    if (d.lossProbability() != 0) out.append(", loss = ").append(d.lossProbability());
    if (d.bandwidthFactor() != 1) out.append(", bandwidth-factor = ").append(d.bandwidthFactor());
    if (d.bandwidthGbps() != Double.POSITIVE_INFINITY) out.append(", bandwidth-gbps = ").append(d.bandwidthGbps());
    return out.length() > 0 ? out.toString() : ", latency = 0ns";
  }

  /** {@code ["a", "b"]}. */
  private static String list(List<String> elements) {
    return "[" + String.join(", ", elements.stream().map(InjectedFaults::quoted).toList()) + "]";
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
