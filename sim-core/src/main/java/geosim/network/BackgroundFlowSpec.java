package geosim.network;

import java.util.Objects;

/**
 * A background flow as a scenario asks for it: between two servers (or, for a storm, top-of-rack
 * switches), at a rate, for a while.
 * Large transfers (bulk copies, bootstrap streaming, a storm) are modelled this way instead of
 * message by message; see {@link LinkSchedule}.
 *
 * @param name for reports and the flow's ECMP hash; not empty
 * @param from sending server's (or top-of-rack switch's) actor path
 * @param to receiving server's (or ToR switch's) actor path, different from {@code from}
 * @param demandBps rate the flow asks for, bit/s, > 0 and finite
 * @param startNs virtual time it starts, ns, >= 0
 * @param endNs virtual time it stops, ns, > {@code startNs}; {@link Long#MAX_VALUE} for never
 */
public record BackgroundFlowSpec(String name, String from, String to, double demandBps, long startNs, long endNs) {
  public BackgroundFlowSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (name.isEmpty()) throw new IllegalArgumentException("name must not be empty");
    if (from.equals(to)) throw new IllegalArgumentException("a flow must join two different servers, got " + from + " twice");
    if (!(demandBps > 0 && Double.isFinite(demandBps))) {
      throw new IllegalArgumentException("demandBps must be > 0 and finite, got " + demandBps);
    }
    if (startNs < 0) throw new IllegalArgumentException("startNs must be >= 0, got " + startNs);
    if (endNs <= startNs) throw new IllegalArgumentException("endNs must be > startNs " + startNs + ", got " + endNs);
  }
}
