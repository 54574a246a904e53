package geosim.visualizer;

import geosim.metrics.MetricName;
import geosim.topology.ElementName;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How loaded each switch of a frame is: the busiest of the links it sends or receives on, 0 to 1,
 * from the per-link channel a live run records ({@code link.<from>><to>.busy-ns}, {@link
 * geosim.scenario.Simulation#recordPerElement}). A switch is a ToR ({@code …/rack-1/tor}), an
 * aggregation or core switch ({@code …/agg-1}, {@code …/core-1}) or a region's WAN router ({@code
 * us-east/wan}). Empty when the run has no such channel (run folders, models without a network).
 */
final class SwitchLoads {
  /** A link's utilization over the interval, scope {@code <from>><to>}. */
  static final String LINK_METRIC = "link.busy.secondsPerSecond";

  private SwitchLoads() {}

  /** Each switch's load in {@code frame} (null: no frame), by path. */
  static SortedMap<String, Double> of(Frame frame) {
    SortedMap<String, Double> loads = new TreeMap<>();
    if (frame == null) return loads;
    for (MetricName link : frame.keysEndingWith(LINK_METRIC)) {
      if (!link.metric().equals(LINK_METRIC)) continue;
      int arrow = link.scope().indexOf('>');
      if (arrow < 0) continue;
      double load = frame.value(link.scope(), LINK_METRIC);
      for (String end : new String[] {link.scope().substring(0, arrow), link.scope().substring(arrow + 1)}) {
        if (isSwitch(end)) loads.merge(end, load, Math::max);
      }
    }
    return loads;
  }

  /** Whether {@code path}'s last segment names a switch. */
  static boolean isSwitch(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.equals(ElementName.TOR_SWITCH) || last.equals(ElementName.WAN_ROUTER)
        || ElementName.DATA_CENTER_SWITCH.matcher(last).matches();
  }
}
