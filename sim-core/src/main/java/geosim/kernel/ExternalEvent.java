package geosim.kernel;

import java.util.Objects;

/**
 * A message from outside the model (a driver injecting a fault while the run goes on), for the
 * kernel to deliver to {@code target} at {@code timeNs}. It sorts among the model's events as if
 * an actor at {@link ExternalInput#SOURCE_PATH} had sent it with sequence number {@code seq}, so
 * its place in the total event order depends only on (time, seq), never on when it was handed in.
 *
 * @param target the actor to deliver to
 * @param message the message, of the target's protocol
 * @param timeNs delivery time, virtual ns, >= 0
 * @param seq its order among external events of the same time; unique within a run, >= 0
 */
public record ExternalEvent(ActorRef<?> target, Object message, long timeNs, long seq) {
  public ExternalEvent {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(message, "message");
    if (timeNs < 0) throw new IllegalArgumentException("timeNs must be >= 0, got " + timeNs);
    if (seq < 0) throw new IllegalArgumentException("seq must be >= 0, got " + seq);
  }
}
