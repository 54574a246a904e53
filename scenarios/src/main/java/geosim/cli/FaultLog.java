package geosim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import geosim.faults.FaultEvent;
import geosim.faults.FaultPlan;
import geosim.faults.FaultSpec;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run folder's {@code events.jsonl}: one JSON object per line for each scheduled fault's start
 * and end within the run, by virtual time, with its amount where it has one, e.g.
 * {@code {"kind":"server-crash","phase":"start","target":"us-east/use1-a/rack-1/srv-1","timeNs":20000000000,"timeSeconds":20.0}}.
 * The plan is known before the run, so the log is written from it rather than recorded.
 */
final class FaultLog {
  private FaultLog() {}

  /** The lines for the faults of {@code plan} that start or end before {@code endNs}; empty text for none. */
  static String jsonLines(FaultPlan plan, long endNs) throws JsonProcessingException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder out = new StringBuilder();
    for (FaultEvent e : plan.events(endNs)) {
      SortedMap<String, Object> line = new TreeMap<>();
      line.put("timeNs", e.timeNs());
      line.put("timeSeconds", e.timeNs() / 1e9);
      line.put("phase", e.start() ? "start" : "end");
      line.put("kind", e.fault().kind().configName());
      if (e.fault().target() != null) line.put("target", e.fault().target());
      if (e.fault().between() != null) line.put("between", e.fault().between());
      if (e.fault().sides() != null) line.put("sides", e.fault().sides());
      detail(e.fault(), line);
      out.append(json.writeValueAsString(line)).append('\n');
    }
    return out.toString();
  }

  /**
   * How much: a slow disk's {@code factor}, a clock jump's {@code byNs}, a storm's {@code rateGbps}
   * (each way), a link degradation's {@code latencyNs}, {@code loss}, {@code bandwidthFactor} and
   * {@code bandwidthGbps} (when it has a ceiling).
   */
  private static void detail(FaultSpec fault, SortedMap<String, Object> line) {
    switch (fault.kind()) {
      case SLOW_DISK -> line.put("factor", fault.amount());
      case CLOCK_JUMP -> line.put("byNs", Math.round(fault.amount()));
      case STORM -> line.put("rateGbps", fault.amount() / 1e9);
      case LINK_DEGRADATION -> {
        line.put("latencyNs", fault.degradation().extraLatencyNs());
        line.put("loss", fault.degradation().lossProbability());
        line.put("bandwidthFactor", fault.degradation().bandwidthFactor());
        if (fault.degradation().bandwidthGbps() != Double.POSITIVE_INFINITY) {
          line.put("bandwidthGbps", fault.degradation().bandwidthGbps());
        }
      }
      default -> { }
    }
  }
}
