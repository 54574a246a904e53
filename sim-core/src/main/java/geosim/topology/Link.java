package geosim.topology;

import java.util.Objects;

/**
 * One direction of a cable between two actors of the topology, by path: {@code
 * us-east/use1-a/rack-3/srv-12 -> us-east/use1-a/rack-3/tor}.
 *
 * @param from sending end's actor path
 * @param to receiving end's actor path, different from {@code from}
 * @param spec latency and bandwidth of this direction
 */
public record Link(String from, String to, LinkSpec spec) {
  public Link {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(spec, "spec");
    if (from.equals(to)) throw new IllegalArgumentException("a link needs two ends, got " + from + " twice");
  }

  /** The same cable in the other direction. */
  public Link reversed() {
    return new Link(to, from, spec);
  }
}
