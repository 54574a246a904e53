package geosim.cost;

import java.util.Locale;

/** How servers are paid for (config key {@code cost.mode}). */
public enum CostMode {
  /** Rented instances billed per instance-hour, plus egress and storage (EC2 and S3 style). */
  CLOUD,
  /** Owned servers: bought for the peak, amortized, powered, with facility and network overheads. */
  OWNED;

  /** The name used in configs: {@code cloud} or {@code owned}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a config value.
   *
   * @throws IllegalArgumentException with the message {@code expected one of cloud|owned, got 'x'}
   */
  public static CostMode fromConfig(String value) {
    for (CostMode m : values()) {
      if (m.configName().equals(value)) return m;
    }
    throw new IllegalArgumentException("expected one of cloud|owned, got '" + value + "'");
  }
}
