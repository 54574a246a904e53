package geosim.store.pbs;

import geosim.kernel.ActorContext;
import geosim.kernel.ActorRef;
import geosim.kernel.SimActor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A replica: stores the newest version of each key it is sent and answers reads with what it
 * holds when the read arrives. Every answer takes an exponential delay.
 */
final class PbsReplica implements SimActor<PbsProtocol> {
  private final int index;
  private final long latencyMeanNs;
  private final Map<Long, Long> versionByKey = new HashMap<>(); // looked up and removed, never iterated
  private final Set<Long> readBeforeWrite = new HashSet<>(); // looked up and removed, never iterated
  ActorRef<PbsProtocol> coordinator;

  PbsReplica(int index, long latencyMeanNs) {
    this.index = index;
    this.latencyMeanNs = latencyMeanNs;
  }

  @Override
  public void receive(PbsProtocol message, ActorContext<PbsProtocol> ctx) {
    if (message instanceof PbsProtocol.Write write) {
      // Each key is written once and read once: once both reached this replica it is forgotten,
      // so memory holds only the keys in flight.
      if (!readBeforeWrite.remove(write.trial())) versionByKey.put(write.trial(), write.version());
      ctx.send(coordinator, new PbsProtocol.WriteAck(write.trial(), index), delay(ctx));
    } else if (message instanceof PbsProtocol.Read read) {
      Long version = versionByKey.remove(read.trial());
      if (version == null) readBeforeWrite.add(read.trial());
      ctx.send(coordinator, new PbsProtocol.ReadResponse(read.trial(), index, version == null ? 0 : version), delay(ctx));
    } else {
      throw new IllegalStateException("replica " + index + " cannot handle " + message);
    }
  }

  private long delay(ActorContext<PbsProtocol> ctx) {
    return (long) ctx.random().exponential(latencyMeanNs);
  }

  /** Keys in flight here: written and not yet read, or read and not yet written. */
  int keysInFlight() {
    return versionByKey.size() + readBeforeWrite.size();
  }
}
