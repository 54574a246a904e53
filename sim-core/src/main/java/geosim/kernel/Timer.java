package geosim.kernel;

/**
 * A message an actor sent to itself that can still be cancelled. Cancelling after delivery has
 * no effect; a cancelled timer is skipped by the kernel and not counted as an event.
 */
public final class Timer {
  private final Object message;
  private boolean cancelled;

  Timer(Object message) {
    this.message = message;
  }

  /** Stops the timer from firing. */
  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  Object message() {
    return message;
  }
}
