package geosim.kernel;

/**
 * A simulated actor: a model element that lives on the virtual clock and reacts to messages.
 *
 * <p>Actors share no mutable state; they only send each other messages with a delay through
 * their {@link ActorContext}. The kernel calls an actor from one thread at a time, in the total
 * event order, so an actor's fields need no synchronisation.
 *
 * @param <M> the actor's protocol: a sealed interface of records
 */
public interface SimActor<M> {
  /** Called once at virtual time 0, before any message; the place to send first messages. */
  default void start(ActorContext<M> ctx) {}

  /** Handles one message at virtual time {@code ctx.now()}. */
  void receive(M message, ActorContext<M> ctx);
}
