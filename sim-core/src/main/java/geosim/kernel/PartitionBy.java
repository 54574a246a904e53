package geosim.kernel;

import java.util.Locale;

/**
 * How actors are grouped into partition units. An actor's path has the topology's levels as
 * segments ({@code region/datacenter/rack/server/...}); a unit is the path cut after the level
 * named here. Units are then assigned to partitions.
 *
 * <p>The level also decides which messages must respect the lookahead: any message between two
 * different units could cross partitions, so its delay must be at least the lookahead the model
 * declares for this level. With {@link #NONE} everything is one unit.
 */
public enum PartitionBy {
  NONE(0),
  REGION(1),
  DATACENTER(2),
  RACK(3),
  SERVER(4);

  private final int segments;

  PartitionBy(int segments) {
    this.segments = segments;
  }

  /** The name used in configs: {@code none}, {@code region}, ... */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Values as written in configs, separated by {@code |}, for error messages. */
  public static String choices() {
    StringBuilder sb = new StringBuilder();
    for (PartitionBy p : values()) {
      if (sb.length() > 0) sb.append('|');
      sb.append(p.configName());
    }
    return sb.toString();
  }

  /**
   * Parses a config value.
   *
   * @throws IllegalArgumentException with the message {@code expected one of
   *     none|region|datacenter|rack|server, got 'zone'}
   */
  public static PartitionBy fromConfig(String value) {
    for (PartitionBy p : values()) {
      if (p.configName().equals(value)) return p;
    }
    throw new IllegalArgumentException("expected one of " + choices() + ", got '" + value + "'");
  }

  /**
   * The unit an actor path belongs to: its first segments up to this level (the whole path when
   * it is shorter). {@code REGION.unitOf("us-east/use1-a/rack-3/srv-12") = "us-east"}.
   */
  public String unitOf(String path) {
    if (segments == 0) return "";
    int end = -1;
    for (int i = 0; i < segments; i++) {
      end = path.indexOf('/', end + 1);
      if (end < 0) return path;
    }
    return path.substring(0, end);
  }
}
