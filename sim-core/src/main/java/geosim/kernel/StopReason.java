package geosim.kernel;

/** Why a run ended. */
public enum StopReason {
  /** Virtual time reached the configured end. */
  END_TIME,
  /** The processed events reached the event budget (checked at snapshot boundaries). */
  EVENT_BUDGET,
  /** The stop predicate held at a snapshot. */
  PREDICATE
}
