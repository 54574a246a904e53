package geosim.scenario;

import static geosim.scenario.Problems.shown;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import geosim.ping.PingRegion;
import geosim.ping.PingSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the {@code ping} block into {@link PingSettings}: regions with unique, well-formed names;
 * exactly one round-trip time per pair of distinct listed regions; the model's times and
 * fraction in range.
 */
final class PingReader {
  private static final String PING = "ping";
  private static final String REGIONS = "ping.regions";
  private static final String RTT = "ping.rtt";
  private static final String REGION_EXAMPLE = "{ name = us-east, servers = 4 }";
  private static final String RTT_EXAMPLE = "{ between = [us-east, eu-west], rtt = 75ms }";

  private final ValueReader reader;
  private final Problems problems;

  PingReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The ping settings, or null when any problem was reported. */
  PingSettings read(ConfigValue ping) {
    int before = problems.count();
    List<PingRegion> regions = regions(reader.child(ping, PING, "regions"));
    SortedMap<String, Long> rtt = regions == null ? null : rtt(reader.child(ping, PING, "rtt"), regions);
    Long localRttNs = reader.durationNsAt(ping, PING, "local-rtt", false);
    Long intervalMeanNs = reader.durationNsAt(ping, PING, "interval-mean", false);
    Long serviceTimeMeanNs = reader.durationNsAt(ping, PING, "service-time-mean", true);
    Double remoteFraction = reader.decimalAt(ping, PING, "remote-fraction", 0, 1);
    if (problems.count() != before) return null;
    return new PingSettings(regions, rtt, localRttNs, intervalMeanNs, serviceTimeMeanNs, remoteFraction);
  }

  /**
   * The regions with unique names; their servers may still be wrong, in which case a problem was
   * reported. Null when the list is unusable or some element has no usable name: checking {@code
   * ping.rtt} against a partial list would only repeat the same mistake as "unknown region".
   */
  private List<PingRegion> regions(ConfigValue value) {
    if (value == null) return null;
    if (!(value instanceof ConfigList)) {
      problems.at(value, REGIONS, "expected a list such as [" + REGION_EXAMPLE + "], got '"
          + shown(value) + "'");
      return null;
    }
    ConfigList list = (ConfigList) value;
    if (list.isEmpty()) {
      problems.at(value, REGIONS, "must list at least one region");
      return null;
    }
    Map<String, String> pathByName = new LinkedHashMap<>();
    List<PingRegion> regions = new ArrayList<>();
    boolean allNamed = true;
    for (int i = 0; i < list.size(); i++) {
      String path = REGIONS + "[" + i + "]";
      PingRegion region = region(list.get(i), path);
      if (region == null) {
        allNamed = false;
        continue;
      }
      String first = pathByName.putIfAbsent(region.name(), path);
      if (first == null) {
        regions.add(region);
      } else {
        ConfigValue name = ((ConfigObject) list.get(i)).get("name");
        problems.at(name, path + ".name", "duplicate region '" + region.name() + "' (also " + first + ")");
      }
    }
    return allNamed ? regions : null;
  }

  /** The region, or null when it has no usable name; servers out of range are reported only. */
  private PingRegion region(ConfigValue element, String path) {
    if (!(element instanceof ConfigObject)) {
      problems.at(element, path, "expected an object such as " + REGION_EXAMPLE + ", got '"
          + shown(element) + "'");
      return null;
    }
    ConfigValue nameValue = reader.child(element, path, "name");
    String name = reader.string(path + ".name", nameValue);
    Long servers = reader.integerAt(element, path, "servers", 1, PingRegion.SERVERS_MAX);
    if (name == null) return null;
    if (!PingRegion.NAME.matcher(name).matches()) {
      problems.at(nameValue, path + ".name",
          "expected a name matching " + PingRegion.NAME + ", got '" + name + "'");
      return null;
    }
    // A placeholder count keeps the name usable for checking ping.rtt; the problem is reported.
    return new PingRegion(name, servers == null ? 1 : servers.intValue());
  }

  private SortedMap<String, Long> rtt(ConfigValue value, List<PingRegion> regions) {
    if (value == null) return null;
    if (!(value instanceof ConfigList)) {
      problems.at(value, RTT, "expected a list such as [" + RTT_EXAMPLE + "], got '" + shown(value) + "'");
      return null;
    }
    List<String> names = regions.stream().map(PingRegion::name).toList();
    SortedMap<String, Long> rttNs = new TreeMap<>();
    Map<String, String> pathByPair = new TreeMap<>();
    ConfigList list = (ConfigList) value;
    for (int i = 0; i < list.size(); i++) {
      pair(list.get(i), RTT + "[" + i + "]", names, rttNs, pathByPair);
    }
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        if (!pathByPair.containsKey(PingSettings.pairKey(names.get(i), names.get(j)))) {
          problems.at(value, RTT, "no round-trip time between " + names.get(i) + " and " + names.get(j));
        }
      }
    }
    return rttNs;
  }

  private void pair(ConfigValue element, String path, List<String> names,
      SortedMap<String, Long> rttNs, Map<String, String> pathByPair) {
    if (!(element instanceof ConfigObject)) {
      problems.at(element, path, "expected an object such as " + RTT_EXAMPLE + ", got '"
          + shown(element) + "'");
      return;
    }
    ConfigValue between = reader.child(element, path, "between");
    List<String> pair = RegionPair.read(problems, between, path + ".between", names, "ping.regions");
    Long rtt = reader.durationNsAt(element, path, "rtt", false);
    if (pair == null) return;
    String key = PingSettings.pairKey(pair.get(0), pair.get(1));
    String first = pathByPair.putIfAbsent(key, path);
    if (first != null) {
      problems.at(between, path + ".between",
          "duplicate round-trip time between " + pair.get(0) + " and " + pair.get(1) + " (also " + first + ")");
    } else if (rtt != null) {
      rttNs.put(key, rtt);
    }
  }
}
