package geosim.queue;

import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Metrics;
import geosim.kernel.SimActor;
import geosim.node.Cpu;
import org.HdrHistogram.Histogram;

/**
 * One server whose {@link Cpu} serves requests first come, first served. It records each
 * request's response time (completion - arrival: waiting plus service) both in a histogram of
 * microseconds and as an exact sum of nanoseconds, and integrates the number of requests in the
 * system and the CPU's busy core-time over virtual time, exactly, up to the run's end.
 */
final class QueueServer implements SimActor<ServerProtocol> {
  private final Cpu cpu;
  private final long endNs;
  private Counter arrivals;
  private Counter completed;
  private Counter latencyNsSum;
  private Counter inSystemNs;
  private Counter busyCoreNs;
  private Histogram latencyUs;
  private int inSystem;
  private long lastChangeNs;
  private long reportedBusyCoreNs;
  private boolean closed;

  /**
   * @param servers cores of the CPU
   * @param endNs virtual time the run ends, >= 1: integrals are closed one nanosecond before
   */
  QueueServer(int servers, long endNs) {
    if (endNs < 1) throw new IllegalArgumentException("endNs must be >= 1, got " + endNs);
    this.cpu = new Cpu(servers);
    this.endNs = endNs;
  }

  @Override
  public void start(ActorContext<ServerProtocol> ctx) {
    Metrics m = ctx.metrics();
    arrivals = m.counter(QueueModel.ARRIVALS);
    completed = m.counter(QueueModel.COMPLETED);
    latencyNsSum = m.counter(QueueModel.LATENCY_NS_SUM);
    inSystemNs = m.counter(QueueModel.IN_SYSTEM_NS);
    busyCoreNs = m.counter(QueueModel.CPU_BUSY_CORE_NS);
    latencyUs = m.histogram(QueueModel.LATENCY_US);
    // The kernel delivers nothing at the end time itself, so the books close 1 ns before it.
    ctx.schedule(new ServerProtocol.Close(), endNs - 1);
  }

  @Override
  public void receive(ServerProtocol message, ActorContext<ServerProtocol> ctx) {
    if (message instanceof ServerProtocol.Request request) {
      onRequest(request, ctx);
    } else if (message instanceof ServerProtocol.Completed done) {
      onCompleted(done, ctx);
    } else if (message instanceof ServerProtocol.Close) {
      onClose();
    } else {
      throw new IllegalStateException("no handler for " + message.getClass().getName());
    }
  }

  private void onRequest(ServerProtocol.Request request, ActorContext<ServerProtocol> ctx) {
    long now = ctx.now();
    integrateTo(now);
    inSystem++;
    arrivals.increment();
    long completion = cpu.submit(now, request.demandNs());
    ctx.schedule(new ServerProtocol.Completed(now), completion - now);
    reportBusyTo(now);
  }

  private void onCompleted(ServerProtocol.Completed done, ActorContext<ServerProtocol> ctx) {
    long now = ctx.now();
    integrateTo(now);
    inSystem--;
    long responseNs = now - done.arrivalNs();
    completed.increment();
    latencyNsSum.add(responseNs);
    latencyUs.recordValue(responseNs / 1_000);
    reportBusyTo(now);
  }

  /**
   * Brings the integrals to the end of the run. Events in the last nanosecond after this one
   * still count as arrivals and completions but add nothing to the integrals: at most 1 ns each.
   */
  private void onClose() {
    integrateTo(endNs);
    reportBusyTo(endNs);
    closed = true;
  }

  private void integrateTo(long nowNs) {
    if (closed) return;
    inSystemNs.add(inSystem * (nowNs - lastChangeNs));
    lastChangeNs = nowNs;
  }

  private void reportBusyTo(long nowNs) {
    if (closed) return;
    long busy = cpu.busyCoreNs(nowNs);
    busyCoreNs.add(busy - reportedBusyCoreNs);
    reportedBusyCoreNs = busy;
  }
}
