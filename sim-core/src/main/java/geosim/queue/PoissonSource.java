package geosim.queue;

import geosim.kernel.ActorContext;
import geosim.kernel.ActorRef;
import geosim.kernel.SimActor;

/**
 * Open-loop Poisson arrivals: exponential times between requests (mean 1 / lambda), each request
 * carrying a service demand drawn from the configured distribution. Both draws come from this
 * actor's own random stream, so the arrival sequence depends only on the seed.
 */
final class PoissonSource implements SimActor<SourceProtocol> {
  private static final SourceProtocol.NextArrival NEXT = new SourceProtocol.NextArrival();

  private final QueueSettings settings;
  private final ActorRef<ServerProtocol> server;

  PoissonSource(QueueSettings settings, ActorRef<ServerProtocol> server) {
    this.settings = settings;
    this.server = server;
  }

  @Override
  public void start(ActorContext<SourceProtocol> ctx) {
    scheduleNext(ctx);
  }

  @Override
  public void receive(SourceProtocol message, ActorContext<SourceProtocol> ctx) {
    if (message instanceof SourceProtocol.NextArrival) {
      onNextArrival(ctx);
    } else {
      throw new IllegalStateException("no handler for " + message.getClass().getName());
    }
  }

  private void onNextArrival(ActorContext<SourceProtocol> ctx) {
    long demandNs = settings.serviceDistribution().drawNs(settings.meanServiceNs(), ctx.random());
    ctx.send(server, new ServerProtocol.Request(demandNs), QueueModel.TRANSFER_NS);
    scheduleNext(ctx);
  }

  private void scheduleNext(ActorContext<SourceProtocol> ctx) {
    ctx.schedule(NEXT, Math.round(ctx.random().exponential(settings.meanInterArrivalNs())));
  }
}
