package geosim.autoscale;

import geosim.fabric.FabricMessage;

/** A {@link RoleAutoscaler}'s own timers. Its other messages are {@code ScalingProtocol}'s. */
final class AutoscaleProtocol {
  private AutoscaleProtocol() {}

  /** Timer: evaluate the policy, then probe the slots in service. */
  record Evaluate() implements FabricMessage {}

  /** Timer: the provisioning delay of slot {@code slot} (local index) has passed. */
  record Provisioned(int slot) implements FabricMessage {}
}
