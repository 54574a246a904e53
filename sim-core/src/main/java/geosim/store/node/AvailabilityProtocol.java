package geosim.store.node;

import geosim.fabric.FabricMessage;
import geosim.faults.FaultSpec;
import geosim.faults.ServerOutage;
import geosim.fabric.FramePayload;
import geosim.store.gossip.GossipMessage;
import geosim.store.gossip.GossipWire;
import java.util.Objects;

/**
 * Messages of a store server's failure detection, hinted handoff and scheduled crashes: gossip in
 * frames between servers, and the server's own timers. Kept apart from {@link StoreProtocol}, the
 * request path.
 */
final class AvailabilityProtocol {
  private AvailabilityProtocol() {}

  /** A gossip message on the wire. */
  record Gossip(GossipMessage message) implements FramePayload, FabricMessage {
    Gossip {
      Objects.requireNonNull(message, "message");
    }

    /** Size on the wire, bytes ({@link GossipWire}). */
    long sizeBytes() {
      return GossipWire.sizeBytes(message);
    }
  }

  /** Timer: run a gossip round, if the server is still in incarnation {@code generation}. */
  record GossipRound(long generation) implements FabricMessage {}

  /**
   * Timer: the server crashes (a scheduled fault); or the same from a fault injected during the
   * run. A server already down counts it, and comes back only when every crash has its restart.
   */
  record Crash() implements FabricMessage {}

  /** Timer: the crashed server restarts (after its last crash, when crashes overlap). */
  record Restart() implements FabricMessage {}

  /**
   * Timer (or an injected fault): the server's instance is terminated, so its local disk is gone:
   * its data and the hints it kept. Comes with its crash.
   */
  record Terminate() implements FabricMessage {}

  /** An injected fault: terminated server {@code server} comes back as a replacement; hints for it are dropped. */
  record Replaced(int server) implements FabricMessage {}

  /** An injected fault took {@code outage}'s server down (or ends): for the detection counters of every server. */
  record OutageNoted(ServerOutage outage) implements FabricMessage {
    OutageNoted {
      Objects.requireNonNull(outage, "outage");
    }
  }

  /** Timer: fault {@code fault} of the server's {@link ServerConditions} starts or ends. */
  record ConditionChange(int fault, boolean start) implements FabricMessage {}

  /** An injected slow disk, clock jump or gray failure starts or ends (from the kernel's external input). */
  record ConditionInjected(FaultSpec fault, boolean start) implements FabricMessage {
    ConditionInjected {
      Objects.requireNonNull(fault, "fault");
    }
  }

  /** Timer: the throttle lets the next hint for {@code target} go. */
  record HintNext(int target) implements FabricMessage {}

  /** Timer: the replayed hint {@code hintId} for {@code target} had no acknowledgement in time. */
  record HintTimedOut(int target, long hintId) implements FabricMessage {}

  /** Timer: the hint harvester's periodic run. */
  record Harvest() implements FabricMessage {}
}
