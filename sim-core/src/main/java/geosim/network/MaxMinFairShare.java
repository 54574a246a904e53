package geosim.network;

import java.util.List;

/**
 * Max-min fair sharing of link capacity among fluid flows, by progressive filling [1]: raise
 * every unfrozen flow's rate by the same amount until a link saturates or a flow reaches its
 * demand; freeze the flows that reached their demand and those crossing a saturated link;
 * repeat until every flow is frozen. The result is the unique max-min fair allocation: no flow
 * can get more without taking from a flow that has no more than it [1], [2].
 *
 * <p>Each round freezes at least one flow, so there are at most F rounds of O(L + sum of path
 * lengths) each (F flows, L links). Deterministic: arrays in input order, no hashing; each
 * round's step is a minimum and each link subtracts {@code step * activeFlows}, so the result
 * does not depend on the order of the flows (bit for bit). A link that sets the round's step is
 * set to exactly 0 residual, and a flow that sets it gets exactly its demand, so rounding never
 * leaves a link a hair over capacity.
 *
 * <p>[1] D. Bertsekas, R. Gallager, "Data Networks", 2nd ed., Prentice Hall 1992, section 6.5.2
 * (max-min fairness, the progressive filling algorithm). <br>
 * [2] J.-Y. Le Boudec, "Rate adaptation, congestion control and fairness: a tutorial", EPFL
 * 2000, section 1.2 (a flow's bottleneck link characterises max-min fairness).
 */
public final class MaxMinFairShare {
  private final double[] remaining;
  private final int[] active;
  private final double[] demand;
  private final int[][] paths;
  private final double[] rate;
  private final boolean[] frozen;

  private MaxMinFairShare(double[] capacityBps, List<FlowDemand> flows) {
    remaining = capacityBps.clone();
    active = new int[capacityBps.length];
    demand = new double[flows.size()];
    paths = new int[flows.size()][];
    rate = new double[flows.size()];
    frozen = new boolean[flows.size()];
    for (int f = 0; f < demand.length; f++) {
      demand[f] = flows.get(f).demandBps();
      paths[f] = flows.get(f).linkIds();
      for (int link : paths[f]) {
        if (link >= remaining.length) {
          throw new IllegalArgumentException("flow " + f + " crosses link " + link + ", but there are only "
              + remaining.length + " links");
        }
        active[link]++;
      }
    }
  }

  /**
   * Shares the links' capacities among the flows, max-min fairly.
   *
   * @param capacityBps each link's capacity, bit/s, >= 0 and finite; indexed by link id
   * @param flows the flows, in any order; each link id must index {@code capacityBps}
   * @return each flow's rate (in input order) and each link's residual capacity
   * @throws IllegalArgumentException for a negative or non-finite capacity or a link id out of range
   */
  public static FairShareAllocation allocate(double[] capacityBps, List<FlowDemand> flows) {
    for (int i = 0; i < capacityBps.length; i++) {
      if (!(capacityBps[i] >= 0 && Double.isFinite(capacityBps[i]))) {
        throw new IllegalArgumentException("capacityBps[" + i + "] must be >= 0 and finite, got " + capacityBps[i]);
      }
    }
    MaxMinFairShare share = new MaxMinFairShare(capacityBps, List.copyOf(flows));
    int unfrozen = share.demand.length;
    while (unfrozen > 0) unfrozen -= share.round();
    return new FairShareAllocation(share.rate, share.remaining);
  }

  /** One round of progressive filling; returns how many flows it froze (>= 1). */
  private int round() {
    double step = step();
    boolean[] saturated = new boolean[remaining.length];
    for (int link = 0; link < remaining.length; link++) {
      if (active[link] == 0) continue;
      if (remaining[link] / active[link] <= step) { // the same expression as in step(): exact
        saturated[link] = true;
        remaining[link] = 0;
      } else {
        remaining[link] = Math.max(0, remaining[link] - step * active[link]);
      }
    }
    int froze = 0;
    for (int f = 0; f < rate.length; f++) {
      if (frozen[f]) continue;
      boolean satisfied = demand[f] - rate[f] <= step;
      rate[f] = satisfied ? demand[f] : rate[f] + step;
      if (satisfied || crossesAny(paths[f], saturated)) {
        frozen[f] = true;
        froze++;
        for (int link : paths[f]) active[link]--;
      }
    }
    return froze;
  }

  /** The largest equal raise of every unfrozen flow that keeps every link and flow within bounds. */
  private double step() {
    double step = Double.POSITIVE_INFINITY;
    for (int link = 0; link < remaining.length; link++) {
      if (active[link] > 0) step = Math.min(step, remaining[link] / active[link]);
    }
    for (int f = 0; f < rate.length; f++) {
      if (!frozen[f]) step = Math.min(step, demand[f] - rate[f]);
    }
    return step;
  }

  private static boolean crossesAny(int[] path, boolean[] saturated) {
    for (int link : path) {
      if (saturated[link]) return true;
    }
    return false;
  }
}
