package geosim.kernel;

/**
 * What a {@link SnapshotObserver} throws to fail the run over something it found (a violated
 * invariant), naming the actor at fault when it could tell. The kernel turns it into a {@link
 * SimulationException} that carries that actor's path, as it does for an actor that threw.
 */
public class ObservedFailure extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private final String actorPath;

  /**
   * @param message what broke, with the values
   * @param actorPath the actor at fault, or null when no single actor is
   */
  public ObservedFailure(String message, String actorPath) {
    super(message);
    this.actorPath = actorPath;
  }

  /** The actor at fault, or null when no single actor is. */
  public String actorPath() {
    return actorPath;
  }
}
