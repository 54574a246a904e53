package geosim.network;

import geosim.topology.Link;

/**
 * The tier of the tree a link belongs to, whichever way it points: server - ToR, ToR -
 * aggregation, aggregation - core, core - WAN router, or WAN router - WAN router. Metrics per
 * tier use {@link #configName()} as their scope, e.g. {@code link.tor-agg.utilization-ppm}.
 */
public enum LinkTier {
  SERVER_TOR("server-tor"),
  TOR_AGGREGATION("tor-agg"),
  AGGREGATION_CORE("agg-core"),
  CORE_WAN("core-wan"),
  WAN("wan");

  private final String configName;

  LinkTier(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /** The tier of {@code link}: set by the higher of its two ends. */
  public static LinkTier of(Link link) {
    NodeKind a = NodeKind.of(link.from());
    NodeKind b = NodeKind.of(link.to());
    NodeKind low = a.ordinal() <= b.ordinal() ? a : b;
    NodeKind high = a.ordinal() <= b.ordinal() ? b : a;
    if (high == NodeKind.WAN) return low == NodeKind.WAN ? WAN : CORE_WAN;
    return switch (high) {
      case TOR -> SERVER_TOR;
      case AGGREGATION -> TOR_AGGREGATION;
      case CORE -> AGGREGATION_CORE;
      default -> throw new IllegalArgumentException("no tier joins " + link.from() + " and " + link.to());
    };
  }
}
