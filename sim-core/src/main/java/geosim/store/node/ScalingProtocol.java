package geosim.store.node;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorRef;

/**
 * What an autoscaler of the per-request store model ({@code geosim.autoscale}) and the instances
 * it manages tell each other: app servers (role {@code app}) and store servers (role {@code
 * store}), each a slot that is provisioned or not. All are plain kernel messages with a delay of
 * at least the lookahead when they cross partition units.
 */
public final class ScalingProtocol {
  private ScalingProtocol() {}

  /** Any of them. */
  public sealed interface ScalingMessage extends FabricMessage
      permits Provision, Release, Probe, Load, Joined, Stopped, AppInService {}

  /**
   * To a slot whose provisioning delay has passed: an app server is up (its clients are told
   * apart); a spare store server bootstraps ({@link RangeMovement}) and serves once it has joined.
   *
   * @param autoscaler where to report
   * @param slot the slot's index (app server index or store server index), echoed in reports
   * @param replyDelayNs delay of the slot's reports, ns, > 0
   * @param launchedAtNs when the instance was launched (it is billed from then), ns
   */
  public record Provision(ActorRef<FabricMessage> autoscaler, int slot, long replyDelayNs, long launchedAtNs)
      implements ScalingMessage {}

  /**
   * To a slot in service: an app server drains (it has no new requests from now on; it finishes
   * those in flight, then stops); a store server decommissions (streams its ranges away, leaves,
   * stops). It reports {@link Stopped} when it no longer runs.
   */
  public record Release(ActorRef<FabricMessage> autoscaler, int slot, long replyDelayNs) implements ScalingMessage {}

  /** To a slot in service: report its {@link Load}. */
  public record Probe(ActorRef<FabricMessage> autoscaler, int slot, long replyDelayNs) implements ScalingMessage {}

  /**
   * A slot's CPU so far, the autoscaler's observation (as CloudWatch's CPUUtilization of an
   * instance): busy core-ns since the start of the run and its cores.
   *
   * @param slot the slot's index (app server index or store server index)
   */
  public record Load(int slot, long busyCoreNs, int cores) implements ScalingMessage {}

  /** A store slot has bootstrapped: it serves from now. */
  public record Joined(int slot) implements ScalingMessage {}

  /** A slot stopped (an app server after draining, a store server after leaving the ring): billed no longer. */
  public record Stopped(int slot) implements ScalingMessage {}

  /** To a client actor: app server {@code app} (global index) takes requests ({@code true}) or no longer. */
  public record AppInService(int app, boolean inService) implements ScalingMessage {}
}
