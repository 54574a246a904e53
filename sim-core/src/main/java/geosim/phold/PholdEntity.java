package geosim.phold;

import geosim.kernel.ActorContext;
import geosim.kernel.ActorRef;
import geosim.kernel.SimActor;
import geosim.kernel.StreamRandom;

/** A PHOLD entity: counts the events it receives and passes each one on. */
final class PholdEntity implements SimActor<PholdEvent> {
  private final PholdSettings settings;
  private final ActorRef<PholdEvent>[] everyone;
  private long received;

  PholdEntity(PholdSettings settings, ActorRef<PholdEvent>[] everyone) {
    this.settings = settings;
    this.everyone = everyone;
  }

  @Override
  public void start(ActorContext<PholdEvent> ctx) {
    for (int i = 0; i < settings.population(); i++) {
      ctx.send(ctx.self(), PholdEvent.INSTANCE, delay(ctx.random(), settings));
    }
  }

  @Override
  public void receive(PholdEvent event, ActorContext<PholdEvent> ctx) {
    received++;
    StreamRandom random = ctx.random();
    ActorRef<PholdEvent> target = everyone[random.nextInt(everyone.length)];
    ctx.send(target, PholdEvent.INSTANCE, delay(random, settings));
  }

  long received() {
    return received;
  }

  /** lookahead + Exp(mean), truncated to whole nanoseconds; shared with the reference loop. */
  static long delay(StreamRandom random, PholdSettings settings) {
    return settings.lookaheadNs() + (long) random.exponential(settings.meanDelayNs());
  }
}
