package geosim.scenario;

import java.util.Map;

/** Reading values out of a run's summary.json map in scenario tests. */
final class SummaryValues {
  private SummaryValues() {}

  /** The object under {@code key}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  /** {@code operations.<op>}. */
  static Map<String, Object> op(Map<String, Object> summary, String op) {
    return map(map(summary, "operations"), op);
  }

  /** {@code store.failureDetector}. */
  static Map<String, Object> fd(Map<String, Object> summary) {
    return map(map(summary, "store"), "failureDetector");
  }

  /** The number under {@code key}. */
  static double number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }
}
