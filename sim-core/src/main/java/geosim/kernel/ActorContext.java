package geosim.kernel;

/**
 * What a simulated actor may do while it handles a message: read the virtual clock, send
 * messages, set timers, draw from its random stream and record metrics.
 *
 * <p>The context is only valid during the call it was passed to.
 *
 * @param <M> the protocol of the actor being called
 */
public interface ActorContext<M> {
  /** Current virtual time in nanoseconds. */
  long now();

  /** The actor being called. */
  ActorRef<M> self();

  /**
   * Sends {@code message} to {@code target}, delivered at {@code now() + delayNs}.
   *
   * <p>A message to an actor in another partition unit must have a delay of at least the
   * kernel's lookahead; a shorter one is a model bug and throws.
   *
   * @param delayNs delay in nanoseconds, >= 0
   * @throws IllegalArgumentException if the delay is negative or overflows the clock
   * @throws IllegalStateException if the message crosses partition units below the lookahead
   */
  <T> void send(ActorRef<T> target, T message, long delayNs);

  /**
   * Delivers {@code message} to this actor after {@code delayNs}, unless the returned timer is
   * cancelled first.
   */
  Timer startTimer(M message, long delayNs);

  /**
   * Delivers {@code message} to this actor after {@code delayNs}, for good: the same event as
   * {@link #startTimer} (same time, same place in the event order) without a timer to cancel,
   * so nothing is allocated beyond the message and nothing is unwrapped at delivery. For the
   * completions an actor never calls off (a CPU or disk finishing, the next arrival).
   */
  void schedule(M message, long delayNs);

  /** This actor's own random stream, seeded from (run seed, actor path). */
  StreamRandom random();

  /** The metrics registry of the partition this actor runs in. */
  Metrics metrics();
}
