package geosim.faults;

import java.util.Locale;

/** The kinds of scheduled fault, by their names in a scenario's {@code faults} block. */
public enum FaultKind {
  /** A store server stops at once and restarts after the fault's duration. */
  SERVER_CRASH,
  /** Every link between two regions is cut for the fault's duration. */
  REGION_PARTITION;

  /** The name in a scenario: {@code server-crash}, {@code region-partition}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The kind named {@code text} in a scenario.
   *
   * @throws IllegalArgumentException naming the kinds there are
   */
  public static FaultKind fromConfig(String text) {
    for (FaultKind kind : values()) {
      if (kind.configName().equals(text)) return kind;
    }
    StringBuilder names = new StringBuilder();
    for (FaultKind kind : values()) names.append(names.length() == 0 ? "" : "|").append(kind.configName());
    throw new IllegalArgumentException("expected one of " + names + ", got '" + text + "'");
  }
}
