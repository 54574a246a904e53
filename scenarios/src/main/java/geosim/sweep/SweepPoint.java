package geosim.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * One point of a sweep: a value for every varied path, in the order of the variations.
 *
 * @param index 0-based position in the factorial, the first variation changing slowest
 */
public record SweepPoint(int index, List<String> paths, List<String> values) {
  public SweepPoint {
    paths = List.copyOf(paths);
    values = List.copyOf(values);
    if (paths.size() != values.size()) throw new IllegalArgumentException("paths and values differ in length");
  }

  /** The point as {@code --set} overrides. */
  public List<String> overrides() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) out.add(paths.get(i) + "=" + values.get(i));
    return out;
  }

  /** The full factorial of {@code variations}. */
  public static List<SweepPoint> factorial(List<Variation> variations) {
    List<String> paths = variations.stream().map(Variation::path).toList();
    List<List<String>> combos = new ArrayList<>();
    combos.add(List.of());
    for (Variation v : variations) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : combos) {
        for (String value : v.values()) {
          List<String> combo = new ArrayList<>(prefix);
          combo.add(value);
          next.add(combo);
        }
      }
      combos = next;
    }
    List<SweepPoint> points = new ArrayList<>();
    for (List<String> combo : combos) points.add(new SweepPoint(points.size(), paths, combo));
    return points;
  }
}
