package geosim.scenario;

import static geosim.scenario.Problems.shown;
import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import geosim.topology.ElementName;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The small reads the topology readers share: a key of an element or else its default, shapes
 * (object, list), names, duplicates and strictly positive numbers. Like {@link ValueReader}, every
 * method reports a problem and returns null instead of throwing.
 */
final class TopologyValues {
  private final ValueReader reader;
  private final Problems problems;

  TopologyValues(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  ValueReader reader() {
    return reader;
  }

  Problems problems() {
    return problems;
  }

  /** The element's own {@code key}, else the default's; "missing" when neither has it. */
  ConfigValue value(ConfigObject own, ConfigObject defaults, String parentPath, String key) {
    ConfigValue value = own.get(key);
    if (value == null && defaults != null) value = defaults.get(key);
    if (value == null || value.valueType() == ConfigValueType.NULL) {
      problems.at(value != null ? value : own, path(parentPath, key), "missing");
      return null;
    }
    return value;
  }

  /** The value as an object, or null after "expected an object such as {@code example}". */
  ConfigObject object(ConfigValue value, String path, String example) {
    if (value == null) return null;
    if (value instanceof ConfigObject) return (ConfigObject) value;
    problems.at(value, path, "expected an object such as " + example + ", got '" + shown(value) + "'");
    return null;
  }

  /**
   * Calls {@code each} with the path ({@code listPath[i]}) and object of every element of the list
   * {@code value}, after checking its keys against {@code keys}; a value that is no list, or an
   * element that is no object, is a problem naming {@code example}. Nothing for a null value.
   */
  void eachObject(ConfigValue value, String listPath, String example, Set<String> keys,
      BiConsumer<String, ConfigObject> each) {
    if (value == null) return;
    if (!(value instanceof ConfigList list)) {
      problems.at(value, listPath, "expected a list such as [" + example + "], got '" + shown(value) + "'");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = listPath + "[" + i + "]";
      ConfigObject o = object(list.get(i), at, example);
      if (o == null) continue;
      UnknownKeys.checkElement(o, at, keys, problems);
      each.accept(at, o);
    }
  }

  /** The value as a non-empty list, or null after a problem naming what the list holds. */
  ConfigList list(ConfigValue value, String path, String what, String example) {
    if (value == null) return null;
    if (!(value instanceof ConfigList)) {
      problems.at(value, path, "expected a list such as [" + example + "], got '" + shown(value) + "'");
      return null;
    }
    if (((ConfigList) value).isEmpty()) {
      problems.at(value, path, "must list at least one " + what);
      return null;
    }
    return (ConfigList) value;
  }

  /** The element's {@code name}: present, well formed, not {@code reserved} (may be null). */
  String name(ConfigObject element, String elementPath, String reservedWhat, Pattern reserved) {
    ConfigValue value = reader.child(element, elementPath, "name");
    String name = reader.string(path(elementPath, "name"), value);
    if (name == null) return null;
    if (!ElementName.PATTERN.matcher(name).matches()) {
      problems.at(value, path(elementPath, "name"),
          "expected a name matching " + ElementName.PATTERN + ", got '" + name + "'");
      return null;
    }
    if (reserved != null && reserved.matcher(name).matches()) {
      problems.at(value, path(elementPath, "name"),
          "'" + name + "' is the name of " + reservedWhat + ", choose another");
      return null;
    }
    return name;
  }

  /**
   * Records {@code name} as seen at {@code elementPath}; false after reporting a duplicate
   * ("duplicate rack 'rack-2' (also ...racks[1])").
   */
  boolean unique(Map<String, String> firstPathByName, String name, ConfigObject element,
      String elementPath, String what) {
    String first = firstPathByName.putIfAbsent(name, elementPath);
    if (first == null) return true;
    problems.at(element.get("name"), path(elementPath, "name"),
        "duplicate " + what + " '" + name + "' (also " + first + ")");
    return false;
  }

  /** A number > 0 and at most {@code max}: zero bandwidth is as wrong as a negative one. */
  Double positive(String path, ConfigValue value, double max) {
    Double d = reader.decimal(path, value, -Double.MAX_VALUE, Double.MAX_VALUE);
    if (d == null) return null;
    if (d <= 0) {
      problems.at(value, path, "must be > 0, got " + shown(value));
      return null;
    }
    if (d > max) {
      problems.at(value, path, "must be at most " + plain(max) + ", got " + shown(value));
      return null;
    }
    return d;
  }

  /** A duration >= 0 in nanoseconds: a latency may be zero but never negative. */
  Long latencyNs(String path, ConfigValue value) {
    return reader.durationNs(path, value, true);
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
