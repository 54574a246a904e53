package geosim.scenario;

import static geosim.scenario.Conservation.Scope.ACTOR;
import static geosim.scenario.Conservation.Scope.SUM;

import geosim.fabric.Fabric;
import geosim.kernel.CounterBreakdown;
import geosim.kernel.ObservedFailure;
import geosim.kernel.Snapshot;
import geosim.kernel.SnapshotObserver;
import geosim.kernel.VirtualTime;
import geosim.netping.NetpingModel;
import geosim.queue.QueueModel;
import geosim.store.audit.ConsistencyReport;
import geosim.store.node.StoreModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Checks, at every snapshot, what must hold in any correct run, whatever the model's
 * parameters: virtual time moves forward, counters never decrease, work is conserved (nothing
 * completes that was not issued, no frame is delivered or lost that was not sent, bytes add up),
 * and every utilization stays within [0, 1]; after a store run, the consistency audit accounts
 * for every acknowledged write and answered read ({@link #checkAudit}). The first violation throws {@link
 * InvariantViolation}, which fails the run; the kernel reports the seed, the virtual time and the
 * actor at fault, the command line the reproducing command.
 *
 * <p>The snapshot sums each counter over all actors. Only when a conservation invariant breaks
 * does this ask the run for each actor's share of its counters ({@link CounterBreakdown}) and name
 * the actor at fault, or say that only the sum breaks it and who holds the largest shares ({@link
 * Conservation#blame}).
 *
 * <p>Checked always in tests and with {@code geosim run --check-invariants}; cheap (a few map
 * lookups per snapshot). Invariants inside the event loop (virtual time never goes back, the
 * lookahead rule) are the kernel's and always on.
 */
public final class Invariants implements SnapshotObserver {
  /** HdrHistogram keeps 3 significant digits, so a full link can read up to 0.1 % over 1. */
  private static final long PPM_MAX = 1_001_000;

  /** Work that ended never exceeds work begun, in the order they are checked and reported. */
  static final List<Conservation> CONSERVATION = conservation();

  private Snapshot previous;

  /**
   * Thrown at the first violated invariant; its message names the invariant, the time, the values
   * and, when one actor breaks it, that actor ({@link #actorPath}).
   */
  public static final class InvariantViolation extends ObservedFailure {
    private static final long serialVersionUID = 1L;

    InvariantViolation(String message, String actorPath) {
      super(message, actorPath);
    }
  }

  private static List<Conservation> conservation() {
    List<Conservation> all = new ArrayList<>();
    all.add(Conservation.atMost("completed requests", QueueModel.COMPLETED, QueueModel.ARRIVALS, ACTOR));
    all.add(Conservation.atMost("answered pings", "ping.ok", "ping.sent", ACTOR));
    all.add(new Conservation("netping: pongs + frames lost %d exceed pings sent %d",
        List.of(NetpingModel.OK, Fabric.DROPPED, Fabric.LOST_AT_CUT), List.of(NetpingModel.SENT), SUM, true));
    for (String op : StoreModel.OPS) {
      all.add(new Conservation("store " + op + "s ok + failed %d exceed those started %d",
          List.of(StoreModel.ok(op), StoreModel.failed(op)), List.of(StoreModel.started(op)), ACTOR, false));
      all.add(new Conservation("store " + op + "s unavailable + crashed %d exceed those failed %d",
          List.of(StoreModel.unavailable(op), StoreModel.crashed(op)), List.of(StoreModel.failed(op)), ACTOR, false));
    }
    all.add(Conservation.atMost("replayed hints", StoreModel.HINTS_REPLAYED, StoreModel.HINTS_STORED, ACTOR));
    all.add(new Conservation("frames delivered + dropped + lost %d exceed frames sent %d",
        List.of(Fabric.FRAMES_DELIVERED, Fabric.DROPPED, Fabric.LOST_AT_CUT), List.of(Fabric.FRAMES), SUM, false));
    all.add(new Conservation("bytes delivered + lost %d exceed bytes sent %d",
        List.of(Fabric.BYTES_DELIVERED, Fabric.BYTES_LOST), List.of(Fabric.BYTES_SENT), SUM, false));
    all.add(new Conservation("frames dropped + lost %d exceed hops attempted %d",
        List.of(Fabric.DROPPED, Fabric.LOST_AT_CUT), List.of(Fabric.HOPS), ACTOR, false));
    return List.copyOf(all);
  }

  /** A snapshot made outside a run: no actor can be named. */
  @Override
  public void onSnapshot(Snapshot s) {
    onSnapshot(s, CounterBreakdown.NONE);
  }

  @Override
  public void onSnapshot(Snapshot s, CounterBreakdown byActor) {
    List<String> broken = new ArrayList<>();
    if (previous != null) {
      if (s.timeNs() < previous.timeNs()) broken.add("virtual time went back from " + previous.timeNs() + " ns");
      if (s.events() < previous.events()) broken.add("the event count went back from " + previous.events());
      for (Map.Entry<String, Long> c : previous.counters().entrySet()) {
        long now = s.counter(c.getKey());
        if (now < c.getValue()) broken.add("counter " + c.getKey() + " went back from " + c.getValue() + " to " + now);
      }
    }
    String actor = null;
    for (Conservation c : CONSERVATION) {
      String violation = c.violation(s);
      if (violation == null) continue;
      Conservation.Blame blame = c.blame(byActor);
      broken.add(blame == null ? violation : violation + " [" + blame.text() + "]");
      if (actor == null && blame != null) actor = blame.actorPath();
    }
    for (Map.Entry<String, Histogram> h : s.intervalHistograms().entrySet()) {
      if (h.getKey().endsWith("-ppm") && h.getValue().getMaxValue() > PPM_MAX) {
        broken.add(h.getKey() + " reached " + h.getValue().getMaxValue() / 1e6 + " of capacity (above 1)");
      }
    }
    if (!broken.isEmpty()) {
      throw new InvariantViolation("invariant violated at virtual time " + VirtualTime.format(s.timeNs())
          + " (" + s.timeNs() + " ns): " + String.join("; ", broken), actor);
    }
    previous = s;
  }

  /**
   * After a store run: the consistency audit accounts for every acknowledged write and every
   * answered read, that is its counts equal the coordinators' {@code ok} counters.
   *
   * @throws InvariantViolation if they differ
   */
  public static void checkAudit(ConsistencyReport audit, long okWrites, long okReads) {
    if (audit.acknowledgedWrites() != okWrites || audit.reads() != okReads) {
      throw new InvariantViolation("invariant violated at the end of the run: the consistency audit saw "
          + audit.acknowledgedWrites() + " acknowledged writes and " + audit.reads() + " reads, the coordinators "
          + okWrites + " and " + okReads, null);
    }
  }
}
