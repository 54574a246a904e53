package geosim.fleet;

import geosim.cost.CostSettings;
import geosim.elastic.AutoscalerSettings;
import geosim.node.PowerModel;
import java.util.List;
import java.util.Objects;

/**
 * The fluid fleet model's parameters (block {@code fleet}, prices from block {@code cost}). Times
 * are virtual nanoseconds; defaults and sources are in {@code reference.conf} and docs/model.md.
 *
 * @param tickNs time step of every region actor, > 0
 * @param serviceNs mean CPU time of one request on one core (exponential), > 0
 * @param cores cores per server, >= 1
 * @param timeoutNs longest wait before a queued request is dropped, > 0
 * @param latencyTargetNs the p99 response time the operator aims for (reported against), > 0
 * @param regions the regions, at least one, unique names
 * @param autoscaler how every region's fleet is scaled
 * @param power one server's power and the facility's PUE
 * @param cost prices
 */
public record FleetSettings(
    long tickNs,
    long serviceNs,
    int cores,
    long timeoutNs,
    long latencyTargetNs,
    List<FleetRegion> regions,
    AutoscalerSettings autoscaler,
    PowerModel power,
    CostSettings cost) {

  public FleetSettings {
    regions = List.copyOf(regions);
    Objects.requireNonNull(autoscaler, "autoscaler");
    Objects.requireNonNull(power, "power");
    Objects.requireNonNull(cost, "cost");
    if (tickNs <= 0 || serviceNs <= 0 || timeoutNs <= 0 || latencyTargetNs <= 0) {
      throw new IllegalArgumentException("tick, service, timeout and latency target must be > 0");
    }
    if (cores < 1) throw new IllegalArgumentException("cores must be >= 1, got " + cores);
    if (regions.isEmpty()) throw new IllegalArgumentException("at least one region");
  }
}
