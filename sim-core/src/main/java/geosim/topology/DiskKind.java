package geosim.topology;

import java.util.Locale;

/** The kind of a server's disk; the node model gives each its seek time, IOPS and throughput. */
public enum DiskKind {
  HDD,
  SSD;

  /** The name used in configs: {@code hdd} or {@code ssd}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a config value.
   *
   * @throws IllegalArgumentException with the message {@code expected one of hdd|ssd, got 'nvme'}
   */
  public static DiskKind fromConfig(String value) {
    for (DiskKind kind : values()) {
      if (kind.configName().equals(value)) return kind;
    }
    throw new IllegalArgumentException("expected one of hdd|ssd, got '" + value + "'");
  }
}
