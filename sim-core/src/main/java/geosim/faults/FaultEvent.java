package geosim.faults;

import java.util.Objects;

/**
 * A fault starting or ending: one line of a run's fault log.
 *
 * @param timeNs virtual time, ns, >= 0
 * @param start true when the fault starts, false when it ends (restart, heal)
 * @param fault the fault
 */
public record FaultEvent(long timeNs, boolean start, FaultSpec fault) {
  public FaultEvent {
    if (timeNs < 0) throw new IllegalArgumentException("timeNs must be >= 0, got " + timeNs);
    Objects.requireNonNull(fault, "fault");
  }
}
