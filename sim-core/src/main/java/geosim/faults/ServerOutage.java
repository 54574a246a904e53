package geosim.faults;

import java.util.Objects;

/**
 * One server down because of one fault (a crash, a restart, a termination, its rack's power or
 * its region's outage): what a failure detector's statistics compare convictions with.
 *
 * @param server the server's path
 * @param atNs when it went down, ns, >= 0
 * @param endNs when it comes back, ns, > {@code atNs}; {@link Long#MAX_VALUE} for never
 */
public record ServerOutage(String server, long atNs, long endNs) {
  public ServerOutage {
    Objects.requireNonNull(server, "server");
    if (atNs < 0) throw new IllegalArgumentException("atNs must be >= 0, got " + atNs);
    if (endNs <= atNs) throw new IllegalArgumentException("endNs must be > atNs " + atNs + ", got " + endNs);
  }

  /** Whether the server is down at {@code nowNs}. */
  public boolean activeAt(long nowNs) {
    return nowNs >= atNs && nowNs < endNs;
  }
}
