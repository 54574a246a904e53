package geosim.kernel;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Pauses, resumes and steps a running simulation from another thread (the visualizer's
 * controls). The kernel acts on it only at snapshot boundaries, between windows, so pausing or
 * stepping never changes what a run computes, only when.
 */
public final class RunControl {
  private volatile boolean paused;
  private volatile boolean stepGranted;
  private final AtomicReference<org.apache.pekko.actor.typed.ActorRef<CoordinatorProtocol.Command>> coordinator =
      new AtomicReference<>();

  /** The run stops at the next snapshot boundary until {@link #resume} or {@link #step}. */
  public void pause() {
    paused = true;
  }

  /** Lets a paused run go on. */
  public void resume() {
    paused = false;
    wake();
  }

  /** Lets a paused run advance by one metrics interval, then pause again. */
  public void step() {
    stepGranted = true;
    wake();
  }

  public boolean isPaused() {
    return paused;
  }

  /** True if the run may pass a boundary now; consumes a granted step. */
  boolean mayProceed() {
    if (!paused) return true;
    if (stepGranted) {
      stepGranted = false;
      return true;
    }
    return false;
  }

  void attach(org.apache.pekko.actor.typed.ActorRef<CoordinatorProtocol.Command> ref) {
    coordinator.set(ref);
  }

  void detach() {
    coordinator.set(null);
  }

  private void wake() {
    var ref = coordinator.get();
    if (ref != null) ref.tell(new CoordinatorProtocol.Continue());
  }
}
