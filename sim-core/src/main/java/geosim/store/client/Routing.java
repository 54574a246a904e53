package geosim.store.client;

import java.util.Locale;

/**
 * How a client picks the coordinator of a request among the servers of the region it uses.
 *
 * <p>[1] DataStax Java driver 3.x, {@code Policies.defaultLoadBalancingPolicy()}: {@code new
 * TokenAwarePolicy(DCAwareRoundRobinPolicy.builder().build())}; driver 4.x's {@code
 * DefaultLoadBalancingPolicy} likewise tries the key's replicas in the local data center first.
 */
public enum Routing {
  /** A replica of the key in the region (uniformly among those not avoided), else round robin [1]. */
  TOKEN_AWARE,
  /** The region's servers in turn, skipping those avoided (DCAwareRoundRobinPolicy [1]). */
  ROUND_ROBIN;

  /** The name used in configs: {@code token-aware}, {@code round-robin}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The routing named {@code value} in a config, or null. */
  public static Routing fromConfig(String value) {
    for (Routing r : values()) {
      if (r.configName().equals(value)) return r;
    }
    return null;
  }
}
