package geosim.scenario;

import static geosim.scenario.Problems.shown;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code between = [a, b]} of a round-trip-time entry: two different, known regions. */
final class RegionPair {
  private RegionPair() {}

  /**
   * The two regions, or null after reporting a problem.
   *
   * @param regionsKey where the known regions are listed, for the message ({@code ping.regions})
   */
  static List<String> read(Problems problems, ConfigValue value, String path, List<String> regions,
      String regionsKey) {
    if (value == null) return null;
    List<String> pair = twoStrings(value);
    if (pair == null || pair.get(0).equals(pair.get(1))) {
      problems.at(value, path,
          "expected two different regions such as [us-east, eu-west], got '" + shown(value) + "'");
      return null;
    }
    boolean known = true;
    for (String name : pair) {
      if (!regions.contains(name)) {
        problems.at(value, path,
            "unknown region '" + name + "'; " + regionsKey + " lists " + String.join(", ", regions));
        known = false;
      }
    }
    return known ? pair : null;
  }

  private static List<String> twoStrings(ConfigValue value) {
    if (!(value instanceof ConfigList) || ((ConfigList) value).size() != 2) return null;
    List<String> pair = new ArrayList<>(2);
    for (ConfigValue v : (ConfigList) value) {
      if (v.valueType() != ConfigValueType.STRING) return null;
      pair.add((String) v.unwrapped());
    }
    return pair;
  }
}
