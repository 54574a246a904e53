package geosim.topology;

import java.util.Locale;

/** What a server does: a replica of the store, an application server, a cache or a client host. */
public enum ServerRole {
  STORE,
  APP,
  CACHE,
  CLIENT;

  /** The name used in configs: {@code store}, {@code app}, ... */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a config value.
   *
   * @throws IllegalArgumentException with the message {@code expected one of
   *     store|app|cache|client, got 'db'}
   */
  public static ServerRole fromConfig(String value) {
    for (ServerRole role : values()) {
      if (role.configName().equals(value)) return role;
    }
    throw new IllegalArgumentException("expected one of store|app|cache|client, got '" + value + "'");
  }
}
