package geosim.topology;

import java.util.Objects;

/**
 * One server of a rack.
 *
 * @param name unique within its rack, matching {@link ElementName#PATTERN}, not {@code tor}
 * @param spec its role and hardware
 */
public record Server(String name, ServerSpec spec) {
  public Server {
    ElementName.check("name", name);
    if (name.equals(ElementName.TOR_SWITCH)) {
      throw new IllegalArgumentException("name 'tor' is the rack's switch, choose another");
    }
    Objects.requireNonNull(spec, "spec");
  }

  public ServerRole role() {
    return spec.role();
  }
}
