package geosim.network;

import geosim.topology.Link;
import java.util.Objects;

/**
 * One hop of a {@link Route}: a directed link and its index in {@link Routes#links()}.
 *
 * @param linkId index of the link in {@link Routes#links()}, >= 0
 * @param link the directed link, with its latency and bandwidth
 */
public record Hop(int linkId, Link link) {
  public Hop {
    if (linkId < 0) throw new IllegalArgumentException("linkId must be >= 0, got " + linkId);
    Objects.requireNonNull(link, "link");
  }
}
