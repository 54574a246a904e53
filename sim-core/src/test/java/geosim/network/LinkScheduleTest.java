package geosim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.StreamRandom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkScheduleTest {
  private static final long S = 1_000_000_000L;
  private static final double INF = Double.POSITIVE_INFINITY;

  private static TimedFlow flow(String name, long startS, long endS, double demandBps, int... links) {
    return new TimedFlow(name, startS * S, endS == Long.MAX_VALUE ? endS : endS * S, new FlowDemand(demandBps, links));
  }

  @Test
  void flowsShareALinkAndLeaveItWhenTheyEnd() {
    // Link 0: 10 Gbit/s. A bulk flow from 0 to 10 s; a 3 Gbit/s flow from 5 to 15 s.
    TimedFlow bulk = flow("bulk", 0, 10, INF, 0);
    TimedFlow small = flow("small", 5, 15, 3e9, 0);
    LinkSchedule s = LinkSchedule.compute(new double[] {10e9}, List.of(bulk, small), List.of());
    assertEquals(List.of(
        new LinkChange(0, 0, 10e9, false),   // bulk takes everything
        new LinkChange(10 * S, 0, 3e9, false), // (at 5 s bulk drops to 7: the link stays full, no change)
        new LinkChange(15 * S, 0, 0, false)), s.changes());
    assertEquals(10e9, s.rateBps(0, 4 * S));
    assertEquals(7e9, s.rateBps(0, 5 * S));
    assertEquals(0, s.rateBps(0, 10 * S));
    assertEquals(3e9, s.rateBps(1, 12 * S));
    // 10 Gbit/s for 5 s, then 7 for 5 s; the small flow 3 for 10 s.
    assertEquals(85e9, s.deliveredBits(0, 20 * S), 1e-3);
    assertEquals(30e9, s.deliveredBits(1, 20 * S), 1e-3);
    assertEquals(15e9, s.deliveredBits(1, 10 * S), 1e-3);
  }

  @Test
  void aCutStopsTheFlowsCrossingItAndFreesTheirOtherLinks() {
    // A bulk flow over links 0 then 1 (capacities 10 and 4 Gbit/s): it gets 4 everywhere.
    TimedFlow bulk = flow("bulk", 0, Long.MAX_VALUE, INF, 0, 1);
    TimedCut cut = new TimedCut(2 * S, 4 * S, new int[] {1});
    LinkSchedule s = LinkSchedule.compute(new double[] {10e9, 4e9}, List.of(bulk), List.of(cut));
    assertEquals(List.of(
        new LinkChange(0, 0, 4e9, false),
        new LinkChange(0, 1, 4e9, false),
        new LinkChange(2 * S, 0, 0, false),
        new LinkChange(2 * S, 1, 0, true),
        new LinkChange(4 * S, 0, 4e9, false),
        new LinkChange(4 * S, 1, 4e9, false)), s.changes());
    assertEquals(0, s.rateBps(0, 3 * S));
    assertEquals(4e9 * 8, s.deliveredBits(0, 10 * S), 1e-3);
    BitSet link1 = new BitSet();
    link1.set(1);
    assertEquals(3, s.changesOf(link1).size());
    assertTrue(s.changesOf(link1).stream().allMatch(c -> c.linkId() == 1));
  }

  @Test
  void aDegradationShrinksTheCapacityFlowsShareAndOverlappingOnesCompose() {
    // A bulk flow over link 0 (10 Gbit/s). From 2 to 6 s the link keeps half its bandwidth and
    // adds 1 ms; from 4 to 8 s another degradation keeps half of that and loses 10 % of frames.
    TimedFlow bulk = flow("bulk", 0, Long.MAX_VALUE, INF, 0);
    LinkCondition half = new LinkCondition(1_000_000, 0, 0.5);
    LinkCondition lossy = new LinkCondition(0, 0.1, 0.5);
    LinkSchedule s = LinkSchedule.compute(new double[] {10e9}, List.of(bulk), List.of(),
        List.of(new TimedDegradation(2 * S, 6 * S, 0, half), new TimedDegradation(4 * S, 8 * S, 0, lossy)));
    assertEquals(List.of(
        new LinkChange(0, 0, 10e9, false),
        new LinkChange(2 * S, 0, 5e9, false, half),
        new LinkChange(4 * S, 0, 2.5e9, false, new LinkCondition(1_000_000, 0.1, 0.25)),
        new LinkChange(6 * S, 0, 5e9, false, lossy),
        new LinkChange(8 * S, 0, 10e9, false)), s.changes());
    assertEquals(2.5e9, s.rateBps(0, 5 * S));
    BitSet link0 = new BitSet();
    link0.set(0);
    assertEquals(new LinkChange(5 * S, 0, 2.5e9, false, new LinkCondition(1_000_000, 0.1, 0.25)),
        s.changesOf(link0, 5 * S).get(0), "the state a port takes up mid-run carries the degradation");
    assertThrows(IllegalArgumentException.class, () -> LinkSchedule.compute(new double[] {1e9}, List.of(), List.of(),
        List.of(new TimedDegradation(0, S, 1, half))));
  }

  @Test
  void noFlowsAndNoCutsChangeNothing() {
    assertEquals(List.of(), LinkSchedule.compute(new double[] {1e9}, List.of(), List.of()).changes());
    assertEquals(List.of(), LinkSchedule.empty().changes());
  }

  @Test
  void linksOutOfRangeAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> LinkSchedule.compute(
        new double[] {1e9}, List.of(), List.of(new TimedCut(0, S, new int[] {3}))));
    assertThrows(IllegalArgumentException.class, () -> LinkSchedule.compute(
        new double[] {1e9}, List.of(flow("f", 0, 1, 1e9, 2)), List.of()));
  }

  /**
   * Random flows and cuts on random paths: at every time, each link carries exactly the sum of
   * the rates of the running flows that cross it, never more than its capacity, nothing while
   * cut; and the schedule does not depend on the order the flows are given in.
   */
  @Test
  void everyLinkCarriesWhatItsFlowsGetAndTheOrderOfFlowsDoesNotMatter() {
    for (long seed = 1; seed <= 100; seed++) {
      StreamRandom r = new StreamRandom(seed);
      int links = 2 + r.nextInt(8);
      double[] capacity = new double[links];
      for (int i = 0; i < links; i++) capacity[i] = (1 + r.nextInt(100)) * 1e8;
      List<TimedFlow> flows = new ArrayList<>();
      int n = 1 + r.nextInt(8);
      for (int f = 0; f < n; f++) {
        long start = r.nextInt(10);
        long end = r.nextBoolean() ? Long.MAX_VALUE : start + 1 + r.nextInt(10);
        double demand = r.nextBoolean() ? INF : (1 + r.nextInt(50)) * 1e8;
        flows.add(flow("f" + f, start, end, demand, randomPath(r, links)));
      }
      List<TimedCut> cuts = new ArrayList<>();
      for (int c = r.nextInt(3); c > 0; c--) {
        long start = r.nextInt(15);
        cuts.add(new TimedCut(start * S, (start + 1 + r.nextInt(5)) * S, new int[] {r.nextInt(links)}));
      }
      LinkSchedule s = LinkSchedule.compute(capacity, flows, cuts);
      double[] bg = new double[links];
      boolean[] cut = new boolean[links];
      int next = 0;
      List<LinkChange> changes = s.changes();
      for (long t = 0; t <= 30; t++) {
        while (next < changes.size() && changes.get(next).atNs() <= t * S) {
          LinkChange c = changes.get(next++);
          bg[c.linkId()] = c.backgroundBps();
          cut[c.linkId()] = c.cut();
        }
        double[] sum = new double[links];
        for (int f = 0; f < n; f++) {
          for (int id : flows.get(f).demand().linkIds()) sum[id] += s.rateBps(f, t * S);
        }
        for (int id = 0; id < links; id++) {
          String where = "seed " + seed + ", t " + t + " s, link " + id;
          assertEquals(sum[id], bg[id], 1e-6 * capacity[id], where);
          assertTrue(bg[id] <= capacity[id], where);
          if (cut[id]) assertEquals(0, sum[id], where);
        }
      }
      List<TimedFlow> reversed = new ArrayList<>(flows);
      Collections.reverse(reversed);
      assertEquals(changes, LinkSchedule.compute(capacity, reversed, cuts).changes(), "seed " + seed);
    }
  }

  private static int[] randomPath(StreamRandom r, int links) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < links; i++) ids.add(i);
    int length = 1 + r.nextInt(Math.min(3, links));
    int[] path = new int[length];
    for (int i = 0; i < length; i++) path[i] = ids.remove(r.nextInt(ids.size()));
    return path;
  }
}
