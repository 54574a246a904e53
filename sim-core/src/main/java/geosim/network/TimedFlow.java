package geosim.network;

import java.util.Objects;

/**
 * A background flow that asks for its demand from {@code startNs} until {@code endNs}.
 *
 * @param name for reports, e.g. {@code background-flows[0]}; not empty
 * @param startNs virtual time it starts, ns, >= 0
 * @param endNs virtual time it stops, ns, > {@code startNs}; {@link Long#MAX_VALUE} for never
 * @param demand its rate and the links it crosses
 */
public record TimedFlow(String name, long startNs, long endNs, FlowDemand demand) {
  public TimedFlow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(demand, "demand");
    if (name.isEmpty()) throw new IllegalArgumentException("name must not be empty");
    if (startNs < 0) throw new IllegalArgumentException("startNs must be >= 0, got " + startNs);
    if (endNs <= startNs) throw new IllegalArgumentException("endNs must be > startNs " + startNs + ", got " + endNs);
  }

  /** True while the flow runs: {@code startNs <= atNs < endNs}. */
  boolean activeAt(long atNs) {
    return startNs <= atNs && atNs < endNs;
  }
}
