package geosim.ping;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A region of the placeholder ping model and how many servers it holds.
 *
 * @param name region name matching {@code [a-z][a-z0-9-]*}, e.g. {@code us-east}
 * @param servers number of servers, 1 to {@value #SERVERS_MAX}
 */
public record PingRegion(String name, int servers) {
  /** Largest number of servers in one region. Assumption: keeps a run within a laptop's heap. */
  public static final int SERVERS_MAX = 100_000;

  /** What a region name looks like: lower case, digits and dashes, starting with a letter. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  public PingRegion {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must match " + NAME + ", got '" + name + "'");
    }
    if (servers < 1 || servers > SERVERS_MAX) {
      throw new IllegalArgumentException(
          "servers must be between 1 and " + SERVERS_MAX + ", got " + servers);
    }
  }
}
