package geosim.scenario;

import java.util.Locale;

/** Which model a scenario runs (top-level key {@code model}). */
public enum ModelKind {
  /** The foundation's placeholder: servers in regions ping each other ({@code ping} block). */
  PING,
  /** Poisson arrivals to one multi-core server, for validation ({@code queue} block). */
  QUEUE,
  /** Servers of the scenario's topology ping each other hop by hop over the network ({@code netping} block). */
  NETPING,
  /** A token ring of abstract nodes, for validating ownership against theory ({@code ring} block). */
  RING;

  /** The name used in configs: {@code ping}, {@code queue}, {@code netping} or {@code ring}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a config value.
   *
   * @throws IllegalArgumentException with the message {@code expected one of ping|queue|netping|ring, got 'x'}
   */
  public static ModelKind fromConfig(String value) {
    for (ModelKind m : values()) {
      if (m.configName().equals(value)) return m;
    }
    StringBuilder choices = new StringBuilder();
    for (ModelKind m : values()) choices.append(choices.length() == 0 ? "" : "|").append(m.configName());
    throw new IllegalArgumentException("expected one of " + choices + ", got '" + value + "'");
  }
}
