package geosim.topology;

import java.util.Objects;

/**
 * The switches of a data center and the links between them: a three-tier tree [1]. Every ToR
 * connects to every aggregation switch, every aggregation switch to every core switch, and every
 * core switch to the region's WAN router.
 *
 * <p>[1] Cisco, "Data Center Infrastructure 2.5 Design Guide" (2007): access, aggregation and
 * core layers, the tree Al-Fares et al. and Greenberg et al. (VL2, SIGCOMM 2009) start from.
 *
 * @param coreSwitches 1 to {@value #SWITCHES_MAX}
 * @param aggregationSwitches 1 to {@value #SWITCHES_MAX}
 * @param linkLatencyNs one-way latency of each link inside the data center (server-ToR,
 *     ToR-aggregation, aggregation-core), ns, >= 0
 * @param coreLinkGbps bandwidth of each aggregation-core link, Gbit/s, > 0
 * @param wanUplink each core switch's link to the region's WAN router
 */
public record Fabric(
    int coreSwitches, int aggregationSwitches, long linkLatencyNs, double coreLinkGbps, LinkSpec wanUplink) {
  /** Most switches per tier. Assumption: beyond any tree of one building. */
  public static final int SWITCHES_MAX = 1024;

  public Fabric {
    checkSwitches("coreSwitches", coreSwitches);
    checkSwitches("aggregationSwitches", aggregationSwitches);
    if (linkLatencyNs < 0) {
      throw new IllegalArgumentException("linkLatencyNs must be >= 0, got " + linkLatencyNs);
    }
    if (!(coreLinkGbps > 0 && Double.isFinite(coreLinkGbps))) {
      throw new IllegalArgumentException("coreLinkGbps must be > 0 and finite, got " + coreLinkGbps);
    }
    Objects.requireNonNull(wanUplink, "wanUplink");
  }

  private static void checkSwitches(String what, int count) {
    if (count < 1 || count > SWITCHES_MAX) {
      throw new IllegalArgumentException(what + " must be between 1 and " + SWITCHES_MAX + ", got " + count);
    }
  }
}
