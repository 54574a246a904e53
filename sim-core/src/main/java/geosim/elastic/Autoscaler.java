package geosim.elastic;

import java.util.ArrayDeque;

/**
 * One autoscaler of one role in one region: pure state, driven by its owner (an actor) with the
 * virtual time. Servers go launching → in service (after the provisioning delay) → draining
 * (for the drain time, no new work) → gone. Every evaluation its {@link ScalingRule} decides
 * (bounds, cool-downs). Scale-in drains the most recent servers first.
 *
 * <pre>{@code
 * Autoscaler a = new Autoscaler(settings, 50);
 * a.advance(now);                 // launches that finished join the fleet
 * a.evaluate(now, utilization);   // returns the change requested: +n launched, -n draining
 * }</pre>
 */
public final class Autoscaler {
  private final AutoscalerSettings settings;
  /** Times launching servers start serving, in launch order (a constant delay keeps them sorted). */
  private final ArrayDeque<long[]> launches = new ArrayDeque<>();
  /** Times draining servers leave, with how many leave then. */
  private final ArrayDeque<long[]> drains = new ArrayDeque<>();
  private int inService;
  private int launching;
  private int draining;
  private final ScalingRule rule;

  /** An autoscaler whose fleet starts with {@code initial} servers in service (>= 0). */
  public Autoscaler(AutoscalerSettings settings, int initial) {
    if (initial < 0) throw new IllegalArgumentException("initial must be >= 0, got " + initial);
    this.settings = settings;
    this.rule = new ScalingRule(settings);
    this.inService = initial;
  }

  /** Lets launches and drains due at or before {@code nowNs} finish. */
  public void advance(long nowNs) {
    while (!launches.isEmpty() && launches.peekFirst()[0] <= nowNs) {
      int n = (int) launches.pollFirst()[1];
      launching -= n;
      inService += n;
    }
    while (!drains.isEmpty() && drains.peekFirst()[0] <= nowNs) draining -= (int) drains.pollFirst()[1];
  }

  /**
   * Evaluates the policy at {@code nowNs} with the fleet's mean CPU utilization over the last
   * period, and acts on it.
   *
   * @return servers launched (> 0), put to draining (< 0), or 0
   */
  public int evaluate(long nowNs, double cpuUtilization) {
    advance(nowNs);
    int change = rule.decide(nowNs, inService, launching, cpuUtilization);
    if (change > 0) return launch(nowNs, change);
    if (change < 0) return drain(nowNs, -change);
    return 0;
  }

  private int launch(long nowNs, int n) {
    launching += n;
    launches.addLast(new long[] {nowNs + settings.provisioningDelayNs(), n});
    if (settings.provisioningDelayNs() == 0) advance(nowNs);
    return n;
  }

  private int drain(long nowNs, int n) {
    int fromLaunching = Math.min(n, launching);
    cancelNewestLaunches(fromLaunching);
    int fromService = Math.min(n - fromLaunching, inService);
    inService -= fromService;
    draining += fromService;
    drains.addLast(new long[] {nowNs + settings.drainNs(), fromService});
    if (settings.drainNs() == 0) advance(nowNs);
    return -(fromLaunching + fromService);
  }

  /** Takes back the {@code n} most recent launch requests (only above max: a scheduled bound fell). */
  private void cancelNewestLaunches(int n) {
    launching -= n;
    while (n > 0) {
      long[] last = launches.peekLast();
      int take = (int) Math.min(n, last[1]);
      last[1] -= take;
      n -= take;
      if (last[1] == 0) launches.pollLast();
    }
  }

  /** Servers serving requests. */
  public int inService() {
    return inService;
  }

  /** Servers provisioning. */
  public int launching() {
    return launching;
  }

  /** Servers draining. */
  public int draining() {
    return draining;
  }

  /** Servers held and billed: launching, in service or draining. */
  public int held() {
    return inService + launching + draining;
  }

  /** Time between evaluations, ns. */
  public long evaluationNs() {
    return settings.evaluationNs();
  }
}
