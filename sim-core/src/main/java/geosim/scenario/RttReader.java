package geosim.scenario;

import static geosim.scenario.Problems.shown;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import geosim.topology.RttTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code topology.rtt}: exactly one round-trip time per pair of distinct regions, each
 * naming regions the topology has; reports unknown regions, duplicates and every missing pair.
 */
final class RttReader {
  private static final String EXAMPLE = "{ between = [us-east, eu-west], rtt = 80.55ms }";

  private final TopologyValues values;

  RttReader(TopologyValues values) {
    this.values = values;
  }

  /** The table, or null after reporting a problem. */
  RttTable read(ConfigValue value, String path, List<String> regions) {
    if (value == null) return null;
    if (!(value instanceof ConfigList)) {
      values.problems().at(value, path, "expected a list such as [" + EXAMPLE + "], got '" + shown(value) + "'");
      return null;
    }
    int before = values.problems().count();
    ConfigList list = (ConfigList) value;
    List<RttTable.Entry> entries = new ArrayList<>();
    Map<String, String> pathByPair = new TreeMap<>();
    for (int i = 0; i < list.size(); i++) {
      RttTable.Entry entry = entry(list.get(i), path + "[" + i + "]", regions, pathByPair);
      if (entry != null) entries.add(entry);
    }
    for (int i = 0; i < regions.size(); i++) {
      for (int j = i + 1; j < regions.size(); j++) {
        if (!pathByPair.containsKey(RttTable.pairKey(regions.get(i), regions.get(j)))) {
          values.problems().at(value, path,
              "no round-trip time between " + regions.get(i) + " and " + regions.get(j));
        }
      }
    }
    return values.problems().count() == before ? RttTable.of(entries) : null;
  }

  private RttTable.Entry entry(ConfigValue element, String path, List<String> regions, Map<String, String> pathByPair) {
    ConfigObject object = values.object(element, path, EXAMPLE);
    if (object == null) return null;
    ConfigValue between = values.reader().child(object, path, "between");
    List<String> pair = RegionPair.read(values.problems(), between, path + ".between", regions, "topology.regions");
    Long rttNs = values.reader().durationNsAt(object, path, "rtt", false);
    if (pair == null) return null;
    String first = pathByPair.putIfAbsent(RttTable.pairKey(pair.get(0), pair.get(1)), path);
    if (first != null) {
      values.problems().at(between, path + ".between",
          "duplicate round-trip time between " + pair.get(0) + " and " + pair.get(1) + " (also " + first + ")");
      return null;
    }
    return rttNs == null ? null : new RttTable.Entry(pair.get(0), pair.get(1), rttNs);
  }
}
