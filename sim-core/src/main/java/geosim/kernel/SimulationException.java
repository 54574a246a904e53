package geosim.kernel;

/**
 * A run failed: a simulated actor threw, or a kernel invariant broke. It names the seed, the
 * virtual time and the actor, which is all it takes to reproduce the failure.
 */
public final class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long seed;
  private final long timeNs;
  private final String actorPath;
  private final String detail;

  SimulationException(long seed, long timeNs, String actorPath, String error, String detail) {
    this(new Where(seed, timeNs, actorPath, actorPath == null ? "the kernel" : "actor " + actorPath), error, detail);
  }

  private SimulationException(Where where, String error, String detail) {
    super(where.subject() + " failed at virtual time " + VirtualTime.format(where.timeNs()) + " ("
        + where.timeNs() + " ns), seed " + where.seed() + ": " + error);
    this.seed = where.seed();
    this.timeNs = where.timeNs();
    this.actorPath = where.actorPath();
    this.detail = detail;
  }

  /** Where a run failed, and how the message names it ({@code subject}). */
  private record Where(long seed, long timeNs, String actorPath, String subject) {}

  /** An observer's finding at the snapshot {@code timeNs}: its actor when it names one, else "the run". */
  static SimulationException observed(long seed, long timeNs, ObservedFailure failure) {
    String actor = failure.actorPath();
    return new SimulationException(new Where(seed, timeNs, actor, actor == null ? "the run" : "actor " + actor),
        failure.getMessage(), null);
  }

  public long seed() {
    return seed;
  }

  public long timeNs() {
    return timeNs;
  }

  /** The failing actor's path, or null when the failure is the kernel's own. */
  public String actorPath() {
    return actorPath;
  }

  /** The original stack trace as text (for {@code --debug}). */
  public String detail() {
    return detail;
  }
}
