package geosim.fleet;

import geosim.cost.CostMeter;
import geosim.elastic.Autoscaler;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Metrics;
import geosim.kernel.SimActor;
import org.HdrHistogram.Histogram;

/**
 * The servers of one role in one region as a fluid ({@link FluidStep}), ticking every {@code
 * tick}. Each tick: launches that finished join, the autoscaler evaluates (every evaluation
 * period, on the mean utilization since the last one), the arrival rate is the region's base rate
 * times the role's share of it times the load shape at the middle of the tick, and the tick's
 * requests or jobs are served, queued or (requests only) dropped. Request latencies are recorded
 * as the M/M/c response time distribution of one server (stable) or the backlog's wait plus an
 * exponential service (overloaded); jobs share one FIFO queue, so their wait and turnaround are
 * those of M/M/(N c), the whole pool as one queue (stable), or the backlog's wait (overloaded).
 * All go through {@link LatencyGrid}s. Counts are fractional in the fluid and carried so that the
 * integer counters add up.
 */
final class RegionFleet implements SimActor<FleetProtocol> {
  private static final FleetProtocol.Tick TICK = new FleetProtocol.Tick();
  private static final double JOULES_PER_KWH = 3.6e6;

  private final FleetSettings settings;
  private final FleetRole role;
  private final FleetRegion region;
  private final long endNs;
  private final Autoscaler autoscaler;
  private final LatencyGrid grid = new LatencyGrid();
  private final LatencyGrid turnaroundGrid = new LatencyGrid();
  private final CostMeter costMeter;
  private final double[] carries = new double[5];
  private Counter arrivals;
  private Counter ok;
  private Counter failed;
  private Counter busyCoreNs;
  private Counter instancesNs;
  private Counter inServiceNs;
  private Counter launched;
  private Counter drained;
  private Counter peak;
  /** The most jobs queued at the end of a tick (jobs only; null for requests). */
  private Counter queuedPeak;
  private Counter sloMissNs;
  private Counter costMicroUsd;
  private Counter energyJoules;
  /** Response times of requests, or queue waits of jobs. */
  private Histogram latencyUs;
  /** Turnaround of jobs (wait and service); null for requests. */
  private Histogram turnaroundUs;
  private double backlog;
  private double busySinceEval;
  private double capacitySinceEval;
  private long nextEvalNs;

  RegionFleet(FleetSettings settings, FleetRole role, FleetRegion region, long endNs) {
    this.settings = settings;
    this.role = role;
    this.region = region;
    this.endNs = endNs;
    this.autoscaler = new Autoscaler(role.autoscaler(), role.initialServers(region));
    this.costMeter = new CostMeter(settings.cost());
    this.nextEvalNs = Math.min(role.autoscaler().evaluationNs(), endNs); // a first period of data before acting
  }

  private String metric(String measure) {
    return FleetModel.metric(role.name(), region.name(), measure);
  }

  private boolean jobs() {
    return role.kind() == FleetRole.Kind.JOB;
  }

  @Override
  public void start(ActorContext<FleetProtocol> ctx) {
    Metrics m = ctx.metrics();
    arrivals = m.counter(metric("arrivals"));
    ok = m.counter(metric("ok"));
    failed = m.counter(metric("failed"));
    busyCoreNs = m.counter(metric("busy-core-ns"));
    instancesNs = m.counter(metric("instances-ns"));
    inServiceNs = m.counter(metric("in-service-ns"));
    launched = m.counter(metric("launched"));
    drained = m.counter(metric("drained"));
    peak = m.counter(metric("instances-peak"));
    sloMissNs = m.counter(metric("slo-miss-ns"));
    costMicroUsd = m.counter(metric("cost-microusd"));
    energyJoules = m.counter(metric("energy-joules"));
    latencyUs = m.histogram(metric(jobs() ? "wait-us" : "latency-us"));
    turnaroundUs = jobs() ? m.histogram(metric("turnaround-us")) : null;
    queuedPeak = jobs() ? m.counter(metric("queued-peak")) : null;
    onTick(ctx);
  }

  @Override
  public void receive(FleetProtocol message, ActorContext<FleetProtocol> ctx) {
    if (message instanceof FleetProtocol.Tick) onTick(ctx);
  }

  private void onTick(ActorContext<FleetProtocol> ctx) {
    long now = ctx.now();
    long dtNs = Math.min(settings.tickNs(), endNs - now);
    if (dtNs <= 0) return;
    scale(now);
    double dtS = dtNs / 1e9;
    double lambda = region.ratePerS() * role.arrivalShare() * region.shape().factor(now + dtNs / 2);
    int servers = autoscaler.inService();
    FluidStep.FleetShape fleet = new FluidStep.FleetShape(servers, role.cores(), role.serviceNs() / 1e9, role.timeoutS());
    FluidStep step = FluidStep.of(backlog, lambda, fleet, dtS);
    backlog = step.backlog();
    if (queuedPeak != null && (long) backlog > queuedPeak.value()) queuedPeak.add((long) backlog - queuedPeak.value());
    busySinceEval += step.busyCoreS();
    capacitySinceEval += (double) servers * role.cores() * dtS;
    count(lambda * dtS, step);
    recordLatency(step, lambda, servers, dtNs);
    instancesNs.add((long) autoscaler.held() * dtNs);
    inServiceNs.add((long) servers * dtNs);
    if (autoscaler.held() > peak.value()) peak.add(autoscaler.held() - peak.value());
    meter(step, dtNs, now + dtNs);
    if (now + dtNs < endNs) ctx.schedule(TICK, dtNs);
  }

  /** Finished launches join; at each evaluation time the autoscaler acts on the mean utilization. */
  private void scale(long now) {
    autoscaler.advance(now);
    if (now < nextEvalNs) return;
    double utilization = capacitySinceEval > 0 ? busySinceEval / capacitySinceEval : (backlog > 0 ? 1 : 0);
    int change = autoscaler.evaluate(now, utilization);
    if (change > 0) launched.add(change);
    if (change < 0) drained.add(-change);
    busySinceEval = 0;
    capacitySinceEval = 0;
    nextEvalNs = now + autoscaler.evaluationNs();
  }

  private void count(double arrived, FluidStep step) {
    arrivals.add(carry(0, arrived));
    ok.add(carry(1, step.served()));
    failed.add(carry(2, step.dropped()));
    busyCoreNs.add(carry(3, step.busyCoreS() * 1e9));
  }

  /**
   * The tick's facility energy ({@link geosim.node.PowerModel}, linear in utilization, so exact
   * for the fluid's busy core-time) and the cost of the fleet so far ({@link CostMeter}).
   */
  private void meter(FluidStep step, long dtNs, long endNs) {
    int held = autoscaler.held();
    double capacityCoreS = (double) held * role.cores() * (dtNs / 1e9);
    double utilization = capacityCoreS > 0 ? Math.min(1, step.busyCoreS() / capacityCoreS) : 0;
    double kwh = held * settings.power().facilityEnergyKwh(utilization, dtNs);
    energyJoules.add(carry(4, kwh * JOULES_PER_KWH));
    costMicroUsd.add(costMeter.advance(held, dtNs, kwh, endNs));
  }

  /** Adds {@code amount} to carry {@code i} and takes out its whole part. */
  private long carry(int i, double amount) {
    carries[i] += amount;
    long whole = (long) carries[i];
    carries[i] -= whole;
    return whole;
  }

  private void recordLatency(FluidStep step, double lambda, int servers, long dtNs) {
    if (step.served() <= 0) return;
    double[] q;
    if (jobs()) {
      double[][] both = jobQuantilesS(step, lambda, servers);
      q = both[0];
      turnaroundGrid.record(turnaroundUs, both[1], step.served());
    } else {
      q = quantilesS(step, lambda, servers);
    }
    grid.record(latencyUs, q, step.served());
    if (q[LatencyGrid.p99Index()] * 1e9 > role.targetNs()) sloMissNs.add(dtNs);
  }

  /** The service time at each of {@link LatencyGrid#QUANTILES} (exponential), seconds. */
  private double serviceS(int i) {
    return -role.serviceNs() / 1e9 * Math.log(1 - LatencyGrid.QUANTILES[i]);
  }

  /** Response time quantiles of this tick's requests, seconds, at {@link LatencyGrid#QUANTILES}. */
  private double[] quantilesS(FluidStep step, double lambda, int servers) {
    double serviceS = role.serviceNs() / 1e9;
    double[] q = new double[LatencyGrid.QUANTILES.length];
    double[] mmc = step.stable()
        ? new MmcQueue(role.cores(), lambda / servers, 1 / serviceS).responseQuantilesS(LatencyGrid.QUANTILES) : null;
    double timeoutS = role.timeoutS();
    for (int i = 0; i < q.length; i++) {
      double service = serviceS(i);
      // A request waits at most the timeout (then it is dropped): near rho = 1 the M/M/c tail is cut there.
      q[i] = mmc != null ? Math.min(mmc[i], timeoutS + service) : step.waitS() + service;
    }
    return q;
  }

  /**
   * Queue wait and turnaround quantiles of this tick's jobs, seconds, {@code {wait, turnaround}}:
   * those of the whole pool of N c cores as one FIFO queue, M/M/(N c), when the tick is stable;
   * else the backlog's wait, and that wait plus the service.
   */
  private double[][] jobQuantilesS(FluidStep step, double lambda, int servers) {
    if (step.stable()) {
      MmcQueue pool = new MmcQueue(servers * role.cores(), lambda, 1e9 / role.serviceNs());
      return pool.waitAndResponseQuantilesS(LatencyGrid.QUANTILES);
    }
    double[] wait = new double[LatencyGrid.QUANTILES.length];
    double[] turnaround = new double[wait.length];
    for (int i = 0; i < wait.length; i++) {
      wait[i] = step.waitS();
      turnaround[i] = step.waitS() + serviceS(i);
    }
    return new double[][] {wait, turnaround};
  }
}
