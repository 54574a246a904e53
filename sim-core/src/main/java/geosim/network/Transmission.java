package geosim.network;

/**
 * What an {@link EgressPort} did with one message.
 *
 * @param delivered false when the buffer was full and the message was dropped
 * @param departureNs virtual time its last bit leaves the port, ns; {@link EgressPort#NEVER}
 *     when dropped, or when the port has no capacity left for foreground traffic
 * @param arrivalNs virtual time its last bit reaches the far end: departure + propagation, ns;
 *     {@link EgressPort#NEVER} when departure is
 */
public record Transmission(boolean delivered, long departureNs, long arrivalNs) {
  private static final Transmission DROPPED = new Transmission(false, EgressPort.NEVER, EgressPort.NEVER);

  public Transmission {
    if (departureNs < 0) throw new IllegalArgumentException("departureNs must be >= 0, got " + departureNs);
    if (arrivalNs < departureNs) {
      throw new IllegalArgumentException("arrivalNs must be >= departureNs " + departureNs + ", got " + arrivalNs);
    }
    if (!delivered && departureNs != EgressPort.NEVER) {
      throw new IllegalArgumentException("a dropped message never departs, got departureNs " + departureNs);
    }
  }

  /** A message the port dropped. */
  public static Transmission dropped() {
    return DROPPED;
  }

  /** True when the message was accepted but will not leave while the port has no residual capacity. */
  public boolean stalled() {
    return delivered && departureNs == EgressPort.NEVER;
  }
}
