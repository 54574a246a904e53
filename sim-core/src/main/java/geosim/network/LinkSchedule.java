package geosim.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

/**
 * What background flows, cuts and link degradations do to every link over a run, worked out
 * before it starts: at each time a flow, a cut or a degradation starts or ends, the flows running
 * then share the links max-min fairly ({@link MaxMinFairShare}) over each link's capacity as its
 * degradation leaves it, and each link's background rate, cut state and {@link LinkCondition}
 * follow. Between two such times nothing changes (fluid flows have no dynamics of their own).
 *
 * <p>A flow that crosses a cut link gets nothing and takes nothing from the other links it
 * crosses (its traffic cannot get through). A cut link carries no background traffic. Degradations
 * of one link at the same time compose ({@link LinkCondition#and}); a flow's fluid rate ignores
 * added latency and loss (only the capacity factor changes its share).
 *
 * <p>Port owners apply the changes of their own links at their times ({@link #changesOf}); no
 * message between actors is needed, so the schedule does not depend on the partitioning.
 *
 * <pre>{@code
 * LinkSchedule s = LinkSchedule.compute(capacityBps, flows, cuts, degradations);
 * for (LinkChange c : s.changesOf(myLinks)) ... // apply at c.atNs()
 * }</pre>
 */
public final class LinkSchedule {
  private final List<LinkChange> changes;
  private final List<TimedFlow> flows;
  /** Per flow: the times its rate changed and the rate from then on (parallel lists). */
  private final List<long[]> rateTimes;
  private final List<double[]> rates;

  private LinkSchedule(List<LinkChange> changes, List<TimedFlow> flows, List<long[]> rateTimes, List<double[]> rates) {
    this.changes = List.copyOf(changes);
    this.flows = List.copyOf(flows);
    this.rateTimes = rateTimes;
    this.rates = rates;
  }

  /** No flows, no cuts: nothing ever changes. */
  public static LinkSchedule empty() {
    return new LinkSchedule(List.of(), List.of(), List.of(), List.of());
  }

  /**
   * Works out the schedule.
   *
   * @param capacityBps each link's capacity, bit/s, >= 0 and finite, by link id
   * @param flows the background flows; their link ids must index {@code capacityBps}
   * @param cuts the cuts; their link ids must index {@code capacityBps}
   */
  public static LinkSchedule compute(double[] capacityBps, List<TimedFlow> flows, List<TimedCut> cuts) {
    return compute(capacityBps, flows, cuts, List.of());
  }

  /**
   * Works out the schedule with link degradations.
   *
   * @param capacityBps each link's capacity, bit/s, >= 0 and finite, by link id
   * @param flows the background flows; their link ids must index {@code capacityBps}
   * @param cuts the cuts; their link ids must index {@code capacityBps}
   * @param degradations the degraded links; their ids must index {@code capacityBps}
   */
  public static LinkSchedule compute(double[] capacityBps, List<TimedFlow> flows, List<TimedCut> cuts,
      List<TimedDegradation> degradations) {
    int links = capacityBps.length;
    for (TimedCut cut : cuts) {
      for (int id : cut.linkIds()) checkLink(id, links, "a cut");
    }
    for (TimedDegradation d : degradations) checkLink(d.linkId(), links, "a degradation");
    TreeSet<Long> times = new TreeSet<>();
    for (TimedFlow f : flows) addChangeTimes(times, f.startNs(), f.endNs());
    for (TimedCut c : cuts) addChangeTimes(times, c.startNs(), c.endNs());
    for (TimedDegradation d : degradations) addChangeTimes(times, d.startNs(), d.endNs());

    LinkChange[] last = new LinkChange[links];
    for (int id = 0; id < links; id++) last[id] = new LinkChange(0, id, 0, false);
    List<LinkChange> changes = new ArrayList<>();
    List<List<Long>> segmentTimes = new ArrayList<>();
    List<List<Double>> segmentRates = new ArrayList<>();
    for (int f = 0; f < flows.size(); f++) {
      segmentTimes.add(new ArrayList<>());
      segmentRates.add(new ArrayList<>());
    }
    double[] lastRate = new double[flows.size()];

    for (long t : times) {
      BitSet cut = cutAt(t, links, cuts);
      LinkCondition[] condition = conditionsAt(t, links, degradations);
      double[] capacity = new double[links];
      for (int id = 0; id < links; id++) capacity[id] = capacityBps[id] * condition[id].capacityFactor();
      List<FlowDemand> running = new ArrayList<>();
      List<Integer> runningIndex = new ArrayList<>();
      for (int f = 0; f < flows.size(); f++) {
        TimedFlow flow = flows.get(f);
        if (flow.activeAt(t) && !crossesAny(flow.demand().linkIds(), cut)) {
          running.add(flow.demand());
          runningIndex.add(f);
        }
      }
      FairShareAllocation share = MaxMinFairShare.allocate(capacity, running);
      double[] rate = new double[flows.size()];
      for (int i = 0; i < running.size(); i++) rate[runningIndex.get(i)] = share.rateBps(i);
      for (int f = 0; f < flows.size(); f++) {
        if (rate[f] != lastRate[f] || t == flows.get(f).startNs()) {
          segmentTimes.get(f).add(t);
          segmentRates.get(f).add(rate[f]);
          lastRate[f] = rate[f];
        }
      }
      for (int id = 0; id < links; id++) {
        // Capacity minus what is left, so a saturated link carries exactly its capacity.
        double bg = cut.get(id) ? 0 : capacity[id] - share.residualBps(id);
        LinkChange now = new LinkChange(t, id, bg, cut.get(id), condition[id]);
        if (bg != last[id].backgroundBps() || now.cut() != last[id].cut() || !now.condition().equals(last[id].condition())) {
          changes.add(now);
          last[id] = now;
        }
      }
    }
    List<long[]> rateTimes = new ArrayList<>();
    List<double[]> rates = new ArrayList<>();
    for (int f = 0; f < flows.size(); f++) {
      rateTimes.add(segmentTimes.get(f).stream().mapToLong(Long::longValue).toArray());
      rates.add(segmentRates.get(f).stream().mapToDouble(Double::doubleValue).toArray());
    }
    return new LinkSchedule(changes, flows, rateTimes, rates);
  }

  private static void checkLink(int id, int links, String what) {
    if (id >= links) throw new IllegalArgumentException(what + " names link " + id + ", but there are only " + links);
  }

  /** The links cut at {@code t}. */
  private static BitSet cutAt(long t, int links, List<TimedCut> cuts) {
    BitSet cut = new BitSet(links);
    for (TimedCut c : cuts) {
      if (c.activeAt(t)) for (int id : c.linkIds()) cut.set(id);
    }
    return cut;
  }

  /** Each link's condition at {@code t}: the active degradations of it composed, in list order. */
  private static LinkCondition[] conditionsAt(long t, int links, List<TimedDegradation> degradations) {
    LinkCondition[] condition = new LinkCondition[links];
    Arrays.fill(condition, LinkCondition.NORMAL);
    for (TimedDegradation d : degradations) {
      if (d.activeAt(t)) condition[d.linkId()] = condition[d.linkId()].and(d.condition());
    }
    return condition;
  }

  private static void addChangeTimes(TreeSet<Long> times, long startNs, long endNs) {
    times.add(startNs);
    if (endNs != Long.MAX_VALUE) times.add(endNs);
  }

  private static boolean crossesAny(int[] linkIds, BitSet cut) {
    for (int id : linkIds) {
      if (cut.get(id)) return true;
    }
    return false;
  }

  /** Every change, by time, then link id. */
  public List<LinkChange> changes() {
    return changes;
  }

  /** The changes of the links in {@code linkIds}, by time, then link id. */
  public List<LinkChange> changesOf(BitSet linkIds) {
    List<LinkChange> mine = new ArrayList<>();
    for (LinkChange c : changes) {
      if (linkIds.get(c.linkId())) mine.add(c);
    }
    return mine;
  }

  /**
   * What the links in {@code linkIds} do from {@code fromNs} on: each one's state at {@code fromNs}
   * (one change at {@code fromNs} per link, by link id), then the changes after it, by time, then
   * link id. A port that follows this list from {@code fromNs} ends up as one that followed the
   * whole schedule from 0.
   */
  public List<LinkChange> changesOf(BitSet linkIds, long fromNs) {
    List<LinkChange> state = new ArrayList<>();
    List<LinkChange> later = new ArrayList<>();
    LinkChange[] last = new LinkChange[linkIds.length()];
    for (LinkChange c : changes) {
      if (!linkIds.get(c.linkId())) continue;
      if (c.atNs() <= fromNs) {
        last[c.linkId()] = c;
      } else {
        later.add(c);
      }
    }
    for (int id = linkIds.nextSetBit(0); id >= 0; id = linkIds.nextSetBit(id + 1)) {
      LinkChange c = last[id];
      state.add(c == null ? new LinkChange(fromNs, id, 0, false)
          : new LinkChange(fromNs, id, c.backgroundBps(), c.cut(), c.condition()));
    }
    state.addAll(later);
    return state;
  }

  public List<TimedFlow> flows() {
    return flows;
  }

  /** The rate flow {@code flow} (its index in the input list) gets at {@code atNs}, bit/s. */
  public double rateBps(int flow, long atNs) {
    long[] ts = rateTimes.get(flow);
    double rate = 0;
    for (int i = 0; i < ts.length && ts[i] <= atNs; i++) rate = rates.get(flow)[i];
    return rate;
  }

  /** Bits flow {@code flow} delivered from time 0 until {@code untilNs} (its rate integrated). */
  public double deliveredBits(int flow, long untilNs) {
    long[] ts = rateTimes.get(flow);
    double[] rs = rates.get(flow);
    double bits = 0;
    for (int i = 0; i < ts.length && ts[i] < untilNs; i++) {
      long end = i + 1 < ts.length ? Math.min(ts[i + 1], untilNs) : untilNs;
      bits += rs[i] * (end - ts[i]) / 1e9;
    }
    return bits;
  }
}
