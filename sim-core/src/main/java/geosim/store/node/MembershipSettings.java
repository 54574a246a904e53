package geosim.store.node;

import geosim.store.ring.Membership;
import java.util.List;
import java.util.Objects;

/**
 * Bootstraps and decommissions of store servers during a run ({@code store.membership}), known
 * before it starts ({@link Membership}).
 *
 * @param ringDelayNs how long a changing node announces itself before it streams (Cassandra's
 *     RING_DELAY, 30 s by default [1], so every node learns the pending ranges and sends new
 *     writes there too before the data is copied), and how long a node that has left keeps
 *     gossiping; >= 0
 * @param steps the changes, by the time they start
 * @param elasticInitialPerRegion 0: the ring changes only by {@code steps}; else an elastic ring
 *     ({@link Membership#elastic}): the first this many servers of each region are members
 *     throughout, the others spares that an autoscaler has join and leave; then {@code steps} is empty
 *
 * <p>[1] Apache Cassandra source, {@code StorageService.RING_DELAY} ({@code cassandra.ring_delay_ms},
 * 30,000 ms), 1.2–4.0.
 */
public record MembershipSettings(long ringDelayNs, List<Step> steps, int elasticInitialPerRegion) {
  /** Cassandra's default ring delay: 30 s. */
  public static final long RING_DELAY_NS = 30_000_000_000L;

  /** No changes. */
  public static final MembershipSettings NONE = new MembershipSettings(RING_DELAY_NS, List.of());

  /**
   * One change as a scenario names it.
   *
   * @param atNs when it starts, ns, >= 0
   * @param kind join or leave
   * @param server the server's path, region/datacenter/rack/server
   */
  public record Step(long atNs, Membership.Kind kind, String server) {
    public Step {
      if (atNs < 0) throw new IllegalArgumentException("atNs must be >= 0, got " + atNs);
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(server, "server");
    }
  }

  /** Scheduled changes only. */
  public MembershipSettings(long ringDelayNs, List<Step> steps) {
    this(ringDelayNs, steps, 0);
  }

  /** These settings for an elastic ring with {@code initialPerRegion} members per region at the start. */
  public MembershipSettings elastic(int initialPerRegion) {
    return new MembershipSettings(ringDelayNs, steps, initialPerRegion);
  }

  public MembershipSettings {
    if (elasticInitialPerRegion < 0) {
      throw new IllegalArgumentException("elasticInitialPerRegion must be >= 0, got " + elasticInitialPerRegion);
    }
    if (elasticInitialPerRegion > 0 && !steps.isEmpty()) {
      throw new IllegalArgumentException("an elastic ring has no scheduled changes");
    }
    if (ringDelayNs < 0) throw new IllegalArgumentException("ringDelayNs must be >= 0, got " + ringDelayNs);
    steps = List.copyOf(steps);
    for (int k = 1; k < steps.size(); k++) {
      if (steps.get(k).atNs() < steps.get(k - 1).atNs()) {
        throw new IllegalArgumentException("steps must be in time order; step " + k + " starts before step " + (k - 1));
      }
    }
  }
}
