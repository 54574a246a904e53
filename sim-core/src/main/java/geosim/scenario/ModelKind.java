package geosim.scenario;

import java.util.Locale;

/** Which model a scenario runs (top-level key {@code model}). */
public enum ModelKind {
  /** The foundation's placeholder: servers in regions ping each other ({@code ping} block). */
  PING,
  /** Poisson arrivals to one multi-core server, for validation ({@code queue} block). */
  QUEUE;

  /** The name used in configs: {@code ping} or {@code queue}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a config value.
   *
   * @throws IllegalArgumentException with the message {@code expected one of ping|queue, got 'x'}
   */
  public static ModelKind fromConfig(String value) {
    for (ModelKind m : values()) {
      if (m.configName().equals(value)) return m;
    }
    throw new IllegalArgumentException("expected one of ping|queue, got '" + value + "'");
  }
}
