package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds keys that {@code reference.conf} does not know. HOCON silently ignores a misspelt key
 * and the default wins, so a typo would change a run without a word; this walk compares the
 * merged config with the reference tree, including the objects inside lists such as {@code
 * ping.regions}, whose keys must be those of the reference list's elements. Only structure is
 * checked here; types are {@link ValueReader}'s job. A block set to {@code null} (in the file or
 * by {@code --set engine=null}) is reported too: HOCON lets null hide the reference's block, and
 * the readers take every block of the reference to be there.
 */
final class UnknownKeys {
  private static final String PLAIN_KEY = "[A-Za-z0-9_-]+";
  /** The top-level block whose keys are the scenario's own (values for substitutions). */
  static final String FREE_FORM = "vars";

  private final ConfigObject reference;
  private final Problems problems;
  private boolean nullBlock;

  private UnknownKeys(ConfigObject reference, Problems problems) {
    this.reference = reference;
    this.problems = problems;
  }

  /**
   * Reports every key of {@code merged} that {@code reference} lacks, in file order, and every
   * block of the reference that {@code merged} sets to null.
   *
   * @return false when a block is null: the settings cannot be read
   */
  static boolean check(ConfigObject merged, ConfigObject reference, Problems problems) {
    UnknownKeys check = new UnknownKeys(reference, problems);
    check.walk(merged, reference, "");
    return !check.nullBlock;
  }

  /**
   * Reports every key of {@code element} (at {@code path}) that is not in {@code allowed}: for
   * the objects of a list whose default is empty, so the reference has no element to compare with.
   */
  static void checkElement(ConfigObject element, String path, Set<String> allowed, Problems problems) {
    Map<String, Object> schema = new TreeMap<>();
    for (String key : allowed) schema.put(key, "");
    ConfigObject known = ConfigValueFactory.fromMap(schema);
    new UnknownKeys(known, problems).walk(element, known, path);
  }

  private void walk(ConfigObject actual, ConfigObject known, String parentPath) {
    for (String key : inFileOrder(actual)) {
      ConfigValue value = actual.get(key);
      ConfigValue schema = known.get(key);
      String keyPath = path(parentPath, segment(key));
      if (schema == null) {
        problems.at(value, keyPath, unknownKey(key, known, parentPath));
      } else if (!(parentPath.isEmpty() && key.equals(FREE_FORM))) {
        descend(value, schema, keyPath);
      }
    }
  }

  private void descend(ConfigValue value, ConfigValue schema, String keyPath) {
    if (value.valueType() == ConfigValueType.NULL && schema instanceof ConfigObject) {
      problems.at(value, keyPath, "expected a block of settings { ... }, got null");
      nullBlock = true;
    } else if (value instanceof ConfigObject && schema instanceof ConfigObject) {
      walk((ConfigObject) value, (ConfigObject) schema, keyPath);
    } else if (value instanceof ConfigList && schema instanceof ConfigList) {
      ConfigObject element = elementSchema((ConfigList) schema);
      ConfigList list = (ConfigList) value;
      for (int i = 0; i < list.size() && element != null; i++) {
        if (list.get(i) instanceof ConfigObject) {
          walk((ConfigObject) list.get(i), element, keyPath + "[" + i + "]");
        }
      }
    }
  }

  /** The keys an element of a list may have: those of the reference list's object elements. */
  private static ConfigObject elementSchema(ConfigList schema) {
    ConfigObject merged = null;
    for (ConfigValue element : schema) {
      if (element instanceof ConfigObject) {
        merged = merged == null ? (ConfigObject) element : merged.withFallback(element);
      }
    }
    return merged;
  }

  private String unknownKey(String key, ConfigObject known, String parentPath) {
    if (parentPath.isEmpty() && key.equals("geosim")) {
      return "unknown key (a scenario file has no geosim { } wrapper: write its keys at top level)";
    }
    String closest = closest(key, known);
    if (closest != null) return "unknown key (did you mean " + path(parentPath, closest) + "?)";
    String elsewhere = find(reference, "", key);
    if (elsewhere != null) return "unknown key (did you mean " + elsewhere + "?)";
    return "unknown key (expected one of " + String.join(", ", new TreeSet<>(known.keySet())) + ")";
  }

  /** The sibling closest to a misspelt key, when it is close: a typo or two, not a new word. */
  private static String closest(String key, ConfigObject known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(known.keySet())) {
      int distance = EditDistance.between(key, candidate);
      int allowed = Math.max(1, Math.min(3, candidate.length() / 3));
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** The first path, in sorted order, where the reference has exactly this key (misplaced key). */
  private static String find(ConfigObject object, String parentPath, String key) {
    for (String candidate : new TreeSet<>(object.keySet())) {
      String candidatePath = path(parentPath, segment(candidate));
      if (candidate.equals(key)) return candidatePath;
      ConfigValue child = object.get(candidate);
      String found = child instanceof ConfigObject ? find((ConfigObject) child, candidatePath, key) : null;
      if (found != null) return found;
    }
    return null;
  }

  private static List<String> inFileOrder(ConfigObject object) {
    List<String> keys = new ArrayList<>(object.keySet());
    keys.sort(Comparator.<String>comparingInt(k -> object.get(k).origin().lineNumber())
        .thenComparing(Comparator.naturalOrder()));
    return keys;
  }

  private static String segment(String key) {
    return key.matches(PLAIN_KEY) ? key : ConfigUtil.quoteString(key);
  }
}
