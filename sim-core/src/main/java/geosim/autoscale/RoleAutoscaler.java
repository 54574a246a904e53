package geosim.autoscale;

import geosim.elastic.AutoscalerSettings;
import geosim.elastic.ScalingRule;
import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.SimActor;
import geosim.store.node.ScalingProtocol;

/**
 * The autoscaler of one role (app servers or store nodes) in one region of the per-request store
 * model, after an EC2 Auto Scaling group with a CloudWatch CPU alarm [1]. Every evaluation
 * interval it takes the mean CPU utilization of its instances in service over the last interval
 * (each answers a {@link ScalingProtocol.Probe} with its busy core time: no shared state), asks its
 * {@link ScalingRule} (policy, bounds, cool-downs) for a change, and acts on its slots:
 *
 * <ul>
 *   <li>scale-out launches the first free slots; after the provisioning delay an app server is in
 *       service (its region's clients are told, and their balancers send to it) and a store node
 *       starts its bootstrap, in service once it has joined the ring;
 *   <li>scale-in releases the last slots in service: an app server is taken out of the balancers at
 *       once and told to drain after the drain time (it answers what it has, then stops); a store
 *       node decommissions (streams its ranges away) and stops a ring delay after it has left.
 * </ul>
 *
 * Store nodes change one at a time, and not while another of the region's is joining or leaving
 * (Cassandra refuses concurrent range movements while {@code cassandra.consistent.rangemovement}
 * is true [2]); they never go below the initial ring (min), which the scenario reader keeps at or
 * above the region's replication factor. An instance is billed from its launch to its stop.
 *
 * <p>Counters {@code autoscaler.<region>.<role>.*}: {@code instances-ns} and {@code in-service-ns}
 * (integrals: their rate over an interval is the mean number of instances held, and in service),
 * {@code instances-peak}, {@code scale-outs}, {@code scale-ins} (actions), {@code launched},
 * {@code released} (instances), {@code launch-to-service-ns-sum} over {@code launched-in-service}.
 *
 * <p>[1] Amazon EC2 Auto Scaling User Guide: target tracking, step and scheduled scaling, cooldowns.
 * [2] Apache Cassandra source, {@code StorageService.joinTokenRing}: "Other bootstrapping/leaving/
 * moving nodes detected, cannot bootstrap while cassandra.consistent.rangemovement is true", 2.1–4.0.
 */
final class RoleAutoscaler implements SimActor<FabricMessage> {
  static final String APP = "app";
  static final String STORE = "store";
  private static final AutoscaleProtocol.Evaluate EVALUATE = new AutoscaleProtocol.Evaluate();

  private final AutoscalerSettings settings;
  private final ScalingRule rule;
  private final RolePool pool;
  private final SlotStates slots;
  private Counter scaleOuts;
  private Counter scaleIns;
  private Counter launched;
  private Counter released;
  private Counter toServiceNsSum;
  private Counter toService;

  RoleAutoscaler(AutoscalerSettings settings, RolePool pool) {
    this.settings = settings;
    this.rule = new ScalingRule(settings);
    this.pool = pool;
    this.slots = new SlotStates(pool.slots().size(), pool.initial());
  }

  /** Counter {@code name} of {@code role}'s autoscaler in {@code region}: {@code autoscaler.us-east.app.instances-ns}. */
  static String metric(String region, String role, String name) {
    return "autoscaler." + region + "." + role + "." + name;
  }

  private Counter counter(ActorContext<FabricMessage> ctx, String name) {
    return ctx.metrics().counter(metric(pool.region(), pool.role(), name));
  }

  @Override
  public void start(ActorContext<FabricMessage> ctx) {
    scaleOuts = counter(ctx, "scale-outs");
    scaleIns = counter(ctx, "scale-ins");
    launched = counter(ctx, "launched");
    released = counter(ctx, "released");
    toServiceNsSum = counter(ctx, "launch-to-service-ns-sum");
    toService = counter(ctx, "launched-in-service");
    slots.start(counter(ctx, "instances-ns"), counter(ctx, "in-service-ns"), counter(ctx, "instances-peak"));
    ctx.metrics().sampleAtSnapshots(slots::flush);
    probe(ctx);
    ctx.schedule(EVALUATE, settings.evaluationNs());
  }

  @Override
  public void receive(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof AutoscaleProtocol.Evaluate) {
      evaluate(ctx);
    } else if (message instanceof ScalingProtocol.Load load) {
      int s = local(load.slot());
      if (slots.state(s) == SlotStates.IN_SERVICE) slots.sample(s, ctx.now() - pool.delaysNs()[s], load.busyCoreNs(), load.cores());
    } else if (message instanceof AutoscaleProtocol.Provisioned provisioned) {
      onProvisioned(provisioned.slot(), ctx);
    } else if (message instanceof ScalingProtocol.Joined joined) {
      inService(local(joined.slot()), ctx);
    } else if (message instanceof ScalingProtocol.Stopped stopped) {
      slots.set(local(stopped.slot()), SlotStates.OFF, ctx.now());
    } else {
      throw new IllegalStateException("autoscaler " + ctx.self().path() + " cannot handle " + message + " at t="
          + ctx.now() + " ns");
    }
  }

  private void evaluate(ActorContext<FabricMessage> ctx) {
    double cpu = slots.meanUtilization();
    boolean store = pool.isStore();
    if (!Double.isNaN(cpu) && !(store && slots.changing())) {
      int change = rule.decide(ctx.now(), slots.count(SlotStates.IN_SERVICE), slots.launching(), cpu);
      if (store) change = Integer.signum(change);
      if (change > 0) scaleOut(change, ctx);
      if (change < 0) scaleIn(-change, ctx);
    }
    probe(ctx);
    ctx.schedule(EVALUATE, settings.evaluationNs());
  }

  private void probe(ActorContext<FabricMessage> ctx) {
    for (int s = 0; s < pool.slots().size(); s++) {
      if (slots.state(s) != SlotStates.IN_SERVICE) continue;
      ctx.send(pool.slots().get(s), new ScalingProtocol.Probe(ctx.self(), pool.indexes()[s], pool.delaysNs()[s]),
          pool.delaysNs()[s]);
    }
  }

  private void scaleOut(int n, ActorContext<FabricMessage> ctx) {
    int done = 0;
    for (int s = 0; s < pool.slots().size() && done < n; s++) {
      if (slots.state(s) != SlotStates.OFF) continue;
      slots.launch(s, ctx.now());
      ctx.schedule(new AutoscaleProtocol.Provisioned(s), settings.provisioningDelayNs());
      done++;
    }
    if (done > 0) scaleOuts.increment();
    launched.add(done);
  }

  /** Releases the last {@code n} slots in service (for store nodes, never one of the initial ring). */
  private void scaleIn(int n, ActorContext<FabricMessage> ctx) {
    int done = 0;
    int lowest = pool.isStore() ? pool.initial() : 0;
    for (int s = pool.slots().size() - 1; s >= lowest && done < n; s--) {
      if (slots.state(s) != SlotStates.IN_SERVICE) continue;
      slots.set(s, SlotStates.RELEASING, ctx.now());
      ScalingProtocol.Release release = new ScalingProtocol.Release(ctx.self(), pool.indexes()[s], pool.delaysNs()[s]);
      if (pool.isStore()) {
        ctx.send(pool.slots().get(s), release, pool.delaysNs()[s]);
      } else {
        tellClients(pool.indexes()[s], false, ctx);
        ctx.send(pool.slots().get(s), release, Math.max(settings.drainNs(), pool.delaysNs()[s]));
      }
      done++;
    }
    if (done > 0) scaleIns.increment();
    released.add(done);
  }

  /** The provisioning delay has passed: an app server serves; a store node starts its bootstrap. */
  private void onProvisioned(int s, ActorContext<FabricMessage> ctx) {
    if (pool.isStore()) {
      slots.set(s, SlotStates.JOINING, ctx.now());
      ctx.send(pool.slots().get(s), new ScalingProtocol.Provision(ctx.self(), pool.indexes()[s], pool.delaysNs()[s],
          slots.launchedAtNs(s)), pool.delaysNs()[s]);
    } else {
      tellClients(pool.indexes()[s], true, ctx);
      inService(s, ctx);
    }
  }

  private void inService(int s, ActorContext<FabricMessage> ctx) {
    toServiceNsSum.add(ctx.now() - slots.launchedAtNs(s));
    toService.increment();
    slots.set(s, SlotStates.IN_SERVICE, ctx.now());
  }

  private void tellClients(int app, boolean inService, ActorContext<FabricMessage> ctx) {
    for (int c = 0; c < pool.clients().size(); c++) {
      ctx.send(pool.clients().get(c), new ScalingProtocol.AppInService(app, inService), pool.clientDelaysNs()[c]);
    }
  }

  private int local(int index) {
    for (int s = 0; s < pool.indexes().length; s++) {
      if (pool.indexes()[s] == index) return s;
    }
    throw new IllegalStateException("no slot " + index + " in " + pool.role() + " of " + pool.region());
  }
}
