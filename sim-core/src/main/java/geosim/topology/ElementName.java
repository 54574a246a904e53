package geosim.topology;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the name of a region, data center, rack or server looks like, and the names its switches
 * take. Names are path segments, so they must be unique among siblings and must not collide with
 * the switch segments ({@code wan}, {@code core-N}, {@code agg-N}, {@code tor}).
 */
public final class ElementName {
  /** Lower case letters, digits and dashes, starting with a letter: {@code use1-a}. */
  public static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9-]*");

  /** Names a switch takes inside a data center, so a rack may not: {@code core-1}, {@code agg-12}. */
  public static final Pattern DATA_CENTER_SWITCH = Pattern.compile("(core|agg)-[0-9]+");

  /** The segment of a region's WAN router: {@code us-east/wan}. */
  public static final String WAN_ROUTER = "wan";

  /** The segment of a rack's top-of-rack switch: {@code us-east/use1-a/rack-3/tor}. */
  public static final String TOR_SWITCH = "tor";

  private ElementName() {}

  /** Checks {@code name} against {@link #PATTERN}; {@code what} names the parameter. */
  static String check(String what, String name) {
    Objects.requireNonNull(name, what);
    if (!PATTERN.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " must match " + PATTERN + ", got '" + name + "'");
    }
    return name;
  }

  /** Rejects a list with two elements of the same name, naming the first duplicate. */
  static <T> void checkUnique(String what, List<T> elements, Function<T, String> name) {
    Set<String> seen = new HashSet<>();
    for (T element : elements) {
      if (!seen.add(name.apply(element))) {
        throw new IllegalArgumentException("duplicate " + what + " '" + name.apply(element) + "'");
      }
    }
  }

  /** Rejects an empty list: every level of the hierarchy holds at least one element. */
  static <T> List<T> checkNotEmpty(String what, List<T> elements) {
    Objects.requireNonNull(elements, what);
    if (elements.isEmpty()) throw new IllegalArgumentException(what + " must not be empty");
    return List.copyOf(elements);
  }
}
