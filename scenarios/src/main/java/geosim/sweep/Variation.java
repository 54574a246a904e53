package geosim.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code --vary path=v1,v2,...}: a config path and the values it takes, in the order given.
 * Values are HOCON values as written on a {@code --set}.
 */
public record Variation(String path, List<String> values) {
  public Variation {
    if (path == null || path.isBlank()) throw new IllegalArgumentException("a --vary needs a path before '='");
    values = List.copyOf(values);
    if (values.isEmpty()) throw new IllegalArgumentException("--vary " + path + ": needs at least one value");
  }

  /**
   * Parses {@code path=v1,v2,...}.
   *
   * @throws IllegalArgumentException with a message naming the bad text
   */
  public static Variation parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) throw new IllegalArgumentException("--vary " + text + ": expected path=v1,v2,...");
    List<String> values = new ArrayList<>();
    for (String v : text.substring(eq + 1).split(",", -1)) {
      String value = v.trim();
      if (value.isEmpty()) throw new IllegalArgumentException("--vary " + text + ": empty value");
      values.add(value);
    }
    return new Variation(text.substring(0, eq).trim(), values);
  }
}
