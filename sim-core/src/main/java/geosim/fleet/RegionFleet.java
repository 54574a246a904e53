package geosim.fleet;

import geosim.cost.CostMeter;
import geosim.elastic.Autoscaler;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Metrics;
import geosim.kernel.SimActor;
import org.HdrHistogram.Histogram;

/**
 * The app servers of one region as a fluid ({@link FluidStep}), ticking every {@code tick}. Each
 * tick: launches that finished join, the autoscaler evaluates (every evaluation period, on the
 * mean utilization since the last one), the arrival rate is the base rate times the load shape at
 * the middle of the tick, and the tick's requests are served, queued or dropped. Latencies are
 * recorded as the M/M/c response time distribution of one server (stable) or the backlog's wait
 * plus an exponential service (overloaded), through a {@link LatencyGrid}. Counts are fractional
 * in the fluid and carried so that the integer counters add up.
 */
final class RegionFleet implements SimActor<FleetProtocol> {
  private static final FleetProtocol.Tick TICK = new FleetProtocol.Tick();
  private static final double JOULES_PER_KWH = 3.6e6;

  private final FleetSettings settings;
  private final FleetRegion region;
  private final long endNs;
  private final Autoscaler autoscaler;
  private final LatencyGrid grid = new LatencyGrid();
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
  private Counter sloMissNs;
  private Counter costMicroUsd;
  private Counter energyJoules;
  private Histogram latencyUs;
  private double backlog;
  private double busySinceEval;
  private double capacitySinceEval;
  private long nextEvalNs;

  RegionFleet(FleetSettings settings, FleetRegion region, long endNs) {
    this.settings = settings;
    this.region = region;
    this.endNs = endNs;
    this.autoscaler = new Autoscaler(settings.autoscaler(), region.initialServers());
    this.costMeter = new CostMeter(settings.cost());
    this.nextEvalNs = Math.min(settings.autoscaler().evaluationNs(), endNs); // a first period of data before acting
  }

  @Override
  public void start(ActorContext<FleetProtocol> ctx) {
    Metrics m = ctx.metrics();
    arrivals = m.counter(FleetModel.metric(region.name(), "arrivals"));
    ok = m.counter(FleetModel.metric(region.name(), "ok"));
    failed = m.counter(FleetModel.metric(region.name(), "failed"));
    busyCoreNs = m.counter(FleetModel.metric(region.name(), "busy-core-ns"));
    instancesNs = m.counter(FleetModel.metric(region.name(), "instances-ns"));
    inServiceNs = m.counter(FleetModel.metric(region.name(), "in-service-ns"));
    launched = m.counter(FleetModel.metric(region.name(), "launched"));
    drained = m.counter(FleetModel.metric(region.name(), "drained"));
    peak = m.counter(FleetModel.metric(region.name(), "instances-peak"));
    sloMissNs = m.counter(FleetModel.metric(region.name(), "slo-miss-ns"));
    costMicroUsd = m.counter(FleetModel.metric(region.name(), "cost-microusd"));
    energyJoules = m.counter(FleetModel.metric(region.name(), "energy-joules"));
    latencyUs = m.histogram(FleetModel.metric(region.name(), "latency-us"));
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
    double lambda = region.ratePerS() * region.shape().factor(now + dtNs / 2);
    int servers = autoscaler.inService();
    FluidStep.FleetShape fleet = new FluidStep.FleetShape(servers, settings.cores(),
        settings.serviceNs() / 1e9, settings.timeoutNs() / 1e9);
    FluidStep step = FluidStep.of(backlog, lambda, fleet, dtS);
    backlog = step.backlog();
    busySinceEval += step.busyCoreS();
    capacitySinceEval += (double) servers * settings.cores() * dtS;
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
    double capacityCoreS = (double) held * settings.cores() * (dtNs / 1e9);
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
    double[] q = quantilesS(step, lambda, servers);
    grid.record(latencyUs, q, step.served());
    if (q[LatencyGrid.p99Index()] * 1e9 > settings.latencyTargetNs()) sloMissNs.add(dtNs);
  }

  /** Response time quantiles of this tick, seconds, at {@link LatencyGrid#QUANTILES}. */
  private double[] quantilesS(FluidStep step, double lambda, int servers) {
    double serviceS = settings.serviceNs() / 1e9;
    double[] q = new double[LatencyGrid.QUANTILES.length];
    double[] mmc = step.stable()
        ? new MmcQueue(settings.cores(), lambda / servers, 1 / serviceS).responseQuantilesS(LatencyGrid.QUANTILES) : null;
    double timeoutS = settings.timeoutNs() / 1e9;
    for (int i = 0; i < q.length; i++) {
      double service = -serviceS * Math.log(1 - LatencyGrid.QUANTILES[i]);
      // A request waits at most the timeout (then it is dropped): near rho = 1 the M/M/c tail is cut there.
      q[i] = mmc != null ? Math.min(mmc[i], timeoutS + service) : step.waitS() + service;
    }
    return q;
  }
}
