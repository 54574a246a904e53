package geosim.scenario;

import geosim.fabric.Fabric;
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
 * InvariantViolation}, which fails the run; the kernel reports the seed and the virtual time,
 * the command line the reproducing command.
 *
 * <p>Checked always in tests and with {@code geosim run --check-invariants}; cheap (a few map
 * lookups per snapshot). Invariants inside the event loop (virtual time never goes back, the
 * lookahead rule) are the kernel's and always on.
 */
public final class Invariants implements SnapshotObserver {
  /** HdrHistogram keeps 3 significant digits, so a full link can read up to 0.1 % over 1. */
  private static final long PPM_MAX = 1_001_000;

  private Snapshot previous;

  /** Thrown at the first violated invariant; its message names the invariant, the time and the values. */
  public static final class InvariantViolation extends IllegalStateException {
    InvariantViolation(String message) {
      super(message);
    }
  }

  @Override
  public void onSnapshot(Snapshot s) {
    List<String> broken = new ArrayList<>();
    if (previous != null) {
      if (s.timeNs() < previous.timeNs()) broken.add("virtual time went back from " + previous.timeNs() + " ns");
      if (s.events() < previous.events()) broken.add("the event count went back from " + previous.events());
      for (Map.Entry<String, Long> c : previous.counters().entrySet()) {
        long now = s.counter(c.getKey());
        if (now < c.getValue()) broken.add("counter " + c.getKey() + " went back from " + c.getValue() + " to " + now);
      }
    }
    atMost(broken, s, "completed requests", QueueModel.COMPLETED, QueueModel.ARRIVALS);
    atMost(broken, s, "answered pings", "ping.ok", "ping.sent");
    long pingsFinished = s.counter(NetpingModel.OK) + s.counter(Fabric.DROPPED) + s.counter(Fabric.LOST_AT_CUT);
    if (s.counters().containsKey(NetpingModel.SENT) && pingsFinished > s.counter(NetpingModel.SENT)) {
      broken.add("netping: pongs + frames lost " + pingsFinished + " exceed pings sent " + s.counter(NetpingModel.SENT));
    }
    for (String op : StoreModel.OPS) {
      long ended = s.counter(StoreModel.ok(op)) + s.counter(StoreModel.failed(op));
      if (ended > s.counter(StoreModel.started(op))) {
        broken.add("store " + op + "s ok + failed " + ended + " exceed those started " + s.counter(StoreModel.started(op)));
      }
      long unavailableOrCrashed = s.counter(StoreModel.unavailable(op)) + s.counter(StoreModel.crashed(op));
      if (unavailableOrCrashed > s.counter(StoreModel.failed(op))) {
        broken.add("store " + op + "s unavailable + crashed " + unavailableOrCrashed + " exceed those failed");
      }
    }
    atMost(broken, s, "replayed hints", StoreModel.HINTS_REPLAYED, StoreModel.HINTS_STORED);
    long framesEnded = s.counter(Fabric.FRAMES_DELIVERED) + s.counter(Fabric.DROPPED) + s.counter(Fabric.LOST_AT_CUT);
    if (framesEnded > s.counter(Fabric.FRAMES)) {
      broken.add("frames delivered + dropped + lost " + framesEnded + " exceed frames sent " + s.counter(Fabric.FRAMES));
    }
    long bytesEnded = s.counter(Fabric.BYTES_DELIVERED) + s.counter(Fabric.BYTES_LOST);
    if (bytesEnded > s.counter(Fabric.BYTES_SENT)) {
      broken.add("bytes delivered + lost " + bytesEnded + " exceed bytes sent " + s.counter(Fabric.BYTES_SENT));
    }
    if (s.counter(Fabric.DROPPED) + s.counter(Fabric.LOST_AT_CUT) > s.counter(Fabric.HOPS)) {
      broken.add("frames dropped + lost exceed hops attempted " + s.counter(Fabric.HOPS));
    }
    for (Map.Entry<String, Histogram> h : s.intervalHistograms().entrySet()) {
      if (h.getKey().endsWith("-ppm") && h.getValue().getMaxValue() > PPM_MAX) {
        broken.add(h.getKey() + " reached " + h.getValue().getMaxValue() / 1e6 + " of capacity (above 1)");
      }
    }
    if (!broken.isEmpty()) {
      throw new InvariantViolation("invariant violated at virtual time " + VirtualTime.format(s.timeNs())
          + " (" + s.timeNs() + " ns): " + String.join("; ", broken));
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
          + okWrites + " and " + okReads);
    }
  }

  private static void atMost(List<String> broken, Snapshot s, String what, String part, String whole) {
    if (s.counter(part) > s.counter(whole)) {
      broken.add(what + " " + s.counter(part) + " (" + part + ") exceed " + s.counter(whole) + " (" + whole + ")");
    }
  }
}
