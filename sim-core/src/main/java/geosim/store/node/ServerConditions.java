package geosim.store.node;

import geosim.fabric.FabricMessage;
import geosim.faults.FaultSpec;
import geosim.kernel.ActorContext;
import geosim.node.Disk;
import java.util.ArrayList;
import java.util.List;

/**
 * A store server's scheduled changes of behaviour short of a crash, applied on its own timers set
 * at start (no control message crosses partitions):
 *
 * <ul>
 *   <li>slow disk: every disk request that arrives while it lasts takes {@code factor} times its
 *       service time ({@link Disk#setSlowdown}); full speed again at its end;
 *   <li>clock jump: the coordinator's clock offset moves by the jump at once, and stays (writes
 *       it stamps later carry the new time, so last-write-wins may lose or resurrect values);
 *   <li>gray failure: the server keeps gossiping (so peers believe it up) but silently drops every
 *       replica request (mutations, reads) that reaches it; its coordinator keeps serving its own
 *       clients. Huang et al., "Gray Failure: The Achilles' Heel of Cloud-Scale Systems", HotOS
 *       2017, describe this differential observability.
 * </ul>
 *
 * The same changes can be injected during the run ({@link AvailabilityProtocol.ConditionInjected},
 * from the kernel's external input). Overlapping scheduled faults of one kind on one server are
 * rejected by the scenario reader; injected ones may overlap: the disk is as slow as the slowest
 * slow-disk fault on now, and the server is gray while any gray failure is on.
 */
final class ServerConditions {
  private final List<FaultSpec> faults;
  /** The factors of the slow-disk faults on now, in the order they started. */
  private final List<Double> slowdowns = new ArrayList<>();
  private int grays;

  /** @param faults this server's slow disks, clock jumps and gray failures */
  ServerConditions(List<FaultSpec> faults) {
    this.faults = List.copyOf(faults);
  }

  void start(ActorContext<FabricMessage> ctx) {
    for (int i = 0; i < faults.size(); i++) {
      FaultSpec f = faults.get(i);
      ctx.schedule(new AvailabilityProtocol.ConditionChange(i, true), f.atNs());
      if (f.endNs() != Long.MAX_VALUE) ctx.schedule(new AvailabilityProtocol.ConditionChange(i, false), f.endNs());
    }
  }

  /** Applies the start or end of a scheduled fault to the server's disk, clock or answers. */
  void onChange(AvailabilityProtocol.ConditionChange change, Disk disk, Coordinator coordinator) {
    apply(faults.get(change.fault()), change.start(), disk, coordinator);
  }

  /** Applies the start or end of {@code f} (scheduled or injected) to the server's disk, clock or answers. */
  void apply(FaultSpec f, boolean start, Disk disk, Coordinator coordinator) {
    switch (f.kind()) {
      case SLOW_DISK -> {
        if (start) {
          slowdowns.add(f.amount());
        } else {
          slowdowns.remove(f.amount());
        }
        double factor = 1;
        for (double d : slowdowns) factor = Math.max(factor, d);
        disk.setSlowdown(factor);
      }
      case CLOCK_JUMP -> {
        if (start) coordinator.jumpClock(Math.round(f.amount()));
      }
      case GRAY_FAILURE -> grays = Math.max(0, grays + (start ? 1 : -1));
      default -> throw new IllegalStateException("not a server condition: " + f.describe());
    }
  }

  /** Whether the server drops {@code message} unanswered: a replica request during a gray failure. */
  boolean drops(FabricMessage message) {
    return grays > 0 && (message instanceof StoreProtocol.Mutation || message instanceof StoreProtocol.ReadRequest);
  }
}
