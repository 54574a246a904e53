package geosim.store.node;

import geosim.fabric.FabricMessage;
import geosim.faults.FaultSpec;
import geosim.kernel.ActorContext;
import geosim.node.Disk;
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
 * Overlapping faults of one kind on one server are rejected by the scenario reader.
 */
final class ServerConditions {
  private final List<FaultSpec> faults;
  private boolean gray;

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

  /** Applies the start or end of a fault to the server's disk, clock or answers. */
  void onChange(AvailabilityProtocol.ConditionChange change, Disk disk, Coordinator coordinator) {
    FaultSpec f = faults.get(change.fault());
    switch (f.kind()) {
      case SLOW_DISK -> disk.setSlowdown(change.start() ? f.amount() : 1);
      case CLOCK_JUMP -> coordinator.jumpClock(Math.round(f.amount()));
      case GRAY_FAILURE -> gray = change.start();
      default -> throw new IllegalStateException("not a server condition: " + f.describe());
    }
  }

  /** Whether the server drops {@code message} unanswered: a replica request during a gray failure. */
  boolean drops(FabricMessage message) {
    return gray && (message instanceof StoreProtocol.Mutation || message instanceof StoreProtocol.ReadRequest);
  }
}
