package geosim.visualizer;

import geosim.faults.FaultPlan;
import geosim.faults.FaultSpec;
import java.util.List;

/**
 * A WAN link between two regions' routers, as the map draws it.
 *
 * @param a one region's name
 * @param b the other's
 * @param rttMs the configured round-trip time, ms
 */
record MapLink(String a, String b, double rttMs) {
  /**
   * Whether a fault of {@code plan} has this link cut in the frame ending at {@code timeNs}: a
   * partition or cut between its two regions, an outage of either region, or a failure of either
   * region's WAN router ({@code region/wan}), started before that time and not ended before it.
   */
  boolean cutAt(FaultPlan plan, long timeNs) {
    for (FaultSpec f : plan.faults()) {
      if (f.atNs() >= timeNs || f.endNs() < timeNs) continue;
      boolean hit = switch (f.kind()) {
        case REGION_PARTITION, LINK_CUT -> f.between().containsAll(List.of(a, b))
            || f.between().containsAll(List.of(a + "/wan", b + "/wan"));
        case REGION_OUTAGE -> f.target().equals(a) || f.target().equals(b);
        case SWITCH_FAILURE -> f.target().equals(a + "/wan") || f.target().equals(b + "/wan");
        default -> false;
      };
      if (hit) return true;
    }
    return false;
  }
}
