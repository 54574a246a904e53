package geosim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Progressive filling: worked examples and the max-min characterisation on random instances. */
class MaxMinFairShareTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  private static FlowDemand flow(double demandBps, int... links) {
    return new FlowDemand(demandBps, links);
  }

  @Test
  void oneBottleneckIsSharedEqually() {
    FairShareAllocation a = MaxMinFairShare.allocate(new double[] {9},
        List.of(flow(INF, 0), flow(INF, 0), flow(INF, 0)));
    assertArrayEquals(new double[] {3, 3, 3}, a.ratesBps());
    assertEquals(0, a.residualBps(0));
  }

  @Test
  void aFlowHeldBackByItsDemandLeavesItsShareToTheOthers() {
    // Capacity 10, demands 2, inf, inf: the small flow gets 2, the others (10 - 2) / 2 = 4 each.
    FairShareAllocation a = MaxMinFairShare.allocate(new double[] {10},
        List.of(flow(2, 0), flow(INF, 0), flow(INF, 0)));
    assertArrayEquals(new double[] {2, 4, 4}, a.ratesBps());
    // Demands that all fit leave capacity unused.
    FairShareAllocation b = MaxMinFairShare.allocate(new double[] {10}, List.of(flow(1, 0), flow(3, 0)));
    assertArrayEquals(new double[] {1, 3}, b.ratesBps());
    assertEquals(6, b.residualBps(0));
  }

  @Test
  void twoBottlenecksAsInBertsekasAndGallager() {
    // A line of links 0 (capacity 1) and 1 (capacity 2): flow 0 crosses both, flow 1 link 0,
    // flows 2 and 3 link 1. Link 0 saturates first at 1/2 each; flows 2 and 3 share the 3/2
    // link 1 has left: 3/4 each. Link 1 ends saturated too.
    FairShareAllocation a = MaxMinFairShare.allocate(new double[] {1, 2},
        List.of(flow(INF, 0, 1), flow(INF, 0), flow(INF, 1), flow(INF, 1)));
    assertArrayEquals(new double[] {0.5, 0.5, 0.75, 0.75}, a.ratesBps());
    assertArrayEquals(new double[] {0, 0}, a.residualsBps());
  }

  @Test
  void edgeCasesZeroCapacityZeroDemandNoFlowsNoLinks() {
    FairShareAllocation a = MaxMinFairShare.allocate(new double[] {0, 5},
        List.of(flow(INF, 0, 1), flow(0, 1), flow(7), flow(INF, 1)));
    assertArrayEquals(new double[] {0, 0, 7, 5}, a.ratesBps());
    assertEquals(0, MaxMinFairShare.allocate(new double[] {3}, List.of()).flowCount());
    assertEquals(3, MaxMinFairShare.allocate(new double[] {3}, List.of()).residualBps(0));
  }

  @Test
  void badInputIsRejectedByName() {
    assertEquals("capacityBps[1] must be >= 0 and finite, got -1.0", assertThrows(IllegalArgumentException.class,
        () -> MaxMinFairShare.allocate(new double[] {1, -1}, List.of())).getMessage());
    assertThrows(IllegalArgumentException.class, () -> MaxMinFairShare.allocate(new double[] {INF}, List.of()));
    assertThrows(IllegalArgumentException.class, () -> MaxMinFairShare.allocate(new double[] {1}, List.of(flow(1, 1))));
    assertThrows(IllegalArgumentException.class, () -> flow(1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> flow(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> flow(Double.NaN, 0));
    assertThrows(IllegalArgumentException.class, () -> flow(INF));
  }

  static java.util.stream.IntStream seeds() {
    return java.util.stream.IntStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomInstancesAreFeasibleMaxMinFairAndOrderFree(int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] capacity = new double[1 + random.nextInt(12)];
    for (int i = 0; i < capacity.length; i++) capacity[i] = random.nextInt(5) == 0 ? 0 : random.nextDouble(1e6, 1e10);
    List<FlowDemand> flows = new ArrayList<>();
    int count = random.nextInt(40);
    for (int f = 0; f < count; f++) flows.add(randomFlow(random, capacity.length));
    FairShareAllocation a = MaxMinFairShare.allocate(capacity, flows);
    String where = "seed " + seed + ", capacity " + Arrays.toString(capacity) + ", flows " + flows;
    checkFeasible(capacity, flows, a, where);
    checkEveryFlowSatisfiedOrBottlenecked(capacity, flows, a, where);
    checkOrderFree(capacity, flows, a, random, where);
  }

  private static FlowDemand randomFlow(SplittableRandom random, int links) {
    int length = random.nextInt(Math.min(links, 5) + 1);
    int[] path = Arrays.copyOf(permutation(links, random), length);
    double demand = length > 0 && random.nextBoolean() ? INF : random.nextDouble(0, 5e9);
    return new FlowDemand(demand, path);
  }

  /** 0 .. n-1 in a random order (Fisher-Yates). */
  private static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) p[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static double[] load(double[] capacity, List<FlowDemand> flows, FairShareAllocation a) {
    double[] load = new double[capacity.length];
    for (int f = 0; f < flows.size(); f++) {
      for (int link : flows.get(f).linkIds()) load[link] += a.rateBps(f);
    }
    return load;
  }

  private static void checkFeasible(double[] capacity, List<FlowDemand> flows, FairShareAllocation a, String where) {
    double[] load = load(capacity, flows, a);
    for (int l = 0; l < capacity.length; l++) {
      assertTrue(load[l] <= capacity[l] * (1 + 1e-9), "link " + l + " over capacity: " + load[l] + ", " + where);
      assertEquals(capacity[l] - load[l], a.residualBps(l), capacity[l] * 1e-9 + 1e-6, "residual of " + l + ", " + where);
    }
    for (int f = 0; f < flows.size(); f++) {
      assertTrue(a.rateBps(f) >= 0 && a.rateBps(f) <= flows.get(f).demandBps(), "flow " + f + ", " + where);
    }
  }

  /** Max-min fair iff each flow gets its demand or has a saturated link on which no flow gets more [1], [2]. */
  private static void checkEveryFlowSatisfiedOrBottlenecked(
      double[] capacity, List<FlowDemand> flows, FairShareAllocation a, String where) {
    double[] load = load(capacity, flows, a);
    for (int f = 0; f < flows.size(); f++) {
      if (a.rateBps(f) == flows.get(f).demandBps()) continue;
      boolean bottlenecked = false;
      for (int link : flows.get(f).linkIds()) {
        bottlenecked |= load[link] >= capacity[link] * (1 - 1e-9) && isLargestOn(link, f, flows, a);
      }
      if (!bottlenecked) fail("flow " + f + " at " + a.rateBps(f) + " has no bottleneck, " + where);
    }
  }

  private static boolean isLargestOn(int link, int flow, List<FlowDemand> flows, FairShareAllocation a) {
    for (int g = 0; g < flows.size(); g++) {
      boolean crosses = Arrays.stream(flows.get(g).linkIds()).anyMatch(l -> l == link);
      if (crosses && a.rateBps(g) > a.rateBps(flow) * (1 + 1e-9)) return false;
    }
    return true;
  }

  private static void checkOrderFree(double[] capacity, List<FlowDemand> flows, FairShareAllocation a,
      SplittableRandom random, String where) {
    int[] order = permutation(flows.size(), random);
    List<FlowDemand> shuffled = new ArrayList<>();
    for (int i : order) shuffled.add(flows.get(i));
    FairShareAllocation b = MaxMinFairShare.allocate(capacity, shuffled);
    for (int i = 0; i < order.length; i++) {
      assertEquals(a.rateBps(order[i]), b.rateBps(i), 0.0, "flow " + order[i] + " after reordering, " + where);
    }
    assertArrayEquals(a.residualsBps(), b.residualsBps(), 0.0, where);
  }
}
