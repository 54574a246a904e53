package geosim.store.pbs;

import geosim.kernel.ActorContext;
import geosim.kernel.ActorRef;
import geosim.kernel.Counter;
import geosim.kernel.SimActor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The coordinator (with its client): every trial interval it writes a new key to all N replicas
 * and acknowledges the write once W have answered; {@code readDelay} after the acknowledgement it
 * reads the key from all N and returns once R have answered. The read is stale when none of the
 * first R answers holds the write: the event PBS calls an inconsistent read.
 */
final class PbsCoordinator implements SimActor<PbsProtocol> {
  private static final PbsProtocol.StartTrial NEXT = new PbsProtocol.StartTrial();

  private final PbsSettings settings;
  private final List<ActorRef<PbsProtocol>> replicas;
  private final Map<Long, Trial> trials = new HashMap<>(); // looked up and removed, never iterated
  private long nextTrial = 1;
  private Counter started;
  private Counter reads;
  private Counter staleReads;
  private Histogram writeUs;
  private Histogram readUs;

  /** One trial's progress. */
  private static final class Trial {
    final long writeStartNs;
    int acks;
    long readStartNs = -1;
    int responses;
    boolean fresh;

    Trial(long writeStartNs) {
      this.writeStartNs = writeStartNs;
    }
  }

  PbsCoordinator(PbsSettings settings, List<ActorRef<PbsProtocol>> replicas) {
    this.settings = settings;
    this.replicas = List.copyOf(replicas);
  }

  @Override
  public void start(ActorContext<PbsProtocol> ctx) {
    started = ctx.metrics().counter(PbsModel.TRIALS);
    reads = ctx.metrics().counter(PbsModel.READS);
    staleReads = ctx.metrics().counter(PbsModel.STALE_READS);
    writeUs = ctx.metrics().histogram(PbsModel.WRITE_LATENCY_US);
    readUs = ctx.metrics().histogram(PbsModel.READ_LATENCY_US);
    ctx.schedule(NEXT, 0);
  }

  @Override
  public void receive(PbsProtocol message, ActorContext<PbsProtocol> ctx) {
    if (message instanceof PbsProtocol.StartTrial) {
      startTrial(ctx);
    } else if (message instanceof PbsProtocol.WriteAck ack) {
      onWriteAck(ack, ctx);
    } else if (message instanceof PbsProtocol.StartRead read) {
      Trial trial = trials.get(read.trial());
      trial.readStartNs = ctx.now();
      for (ActorRef<PbsProtocol> replica : replicas) ctx.send(replica, new PbsProtocol.Read(read.trial()), delay(ctx));
    } else if (message instanceof PbsProtocol.ReadResponse response) {
      onReadResponse(response, ctx);
    } else {
      throw new IllegalStateException("coordinator cannot handle " + message);
    }
  }

  private void startTrial(ActorContext<PbsProtocol> ctx) {
    long trial = nextTrial++;
    trials.put(trial, new Trial(ctx.now()));
    started.increment();
    for (ActorRef<PbsProtocol> replica : replicas) ctx.send(replica, new PbsProtocol.Write(trial, trial), delay(ctx));
    ctx.schedule(NEXT, settings.trialIntervalNs());
  }

  private void onWriteAck(PbsProtocol.WriteAck ack, ActorContext<PbsProtocol> ctx) {
    Trial trial = trials.get(ack.trial());
    if (trial == null || ++trial.acks != settings.w()) return; // acks after the W-th change nothing
    writeUs.recordValue((ctx.now() - trial.writeStartNs) / 1_000);
    ctx.schedule(new PbsProtocol.StartRead(ack.trial()), settings.readDelayNs());
  }

  private void onReadResponse(PbsProtocol.ReadResponse response, ActorContext<PbsProtocol> ctx) {
    Trial trial = trials.get(response.trial());
    if (trial == null) return; // the read already returned
    trial.fresh |= response.version() >= response.trial();
    if (++trial.responses < settings.r()) return;
    reads.increment();
    if (!trial.fresh) staleReads.increment();
    readUs.recordValue((ctx.now() - trial.readStartNs) / 1_000);
    // The read has returned (after the W-th ack): later acks and answers find no trial and are ignored.
    trials.remove(response.trial());
  }

  private long delay(ActorContext<PbsProtocol> ctx) {
    return (long) ctx.random().exponential(settings.messageLatencyMeanNs());
  }
}
