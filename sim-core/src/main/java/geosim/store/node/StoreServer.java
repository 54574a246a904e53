package geosim.store.node;

import geosim.fabric.Fabric;
import geosim.fabric.FabricMessage;
import geosim.fabric.Frame;
import geosim.fabric.FramePayload;
import geosim.fabric.PortsMessage;
import geosim.fabric.Ports;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Seeds;
import geosim.kernel.SimActor;
import geosim.node.Cpu;
import geosim.node.Disk;
import geosim.store.repair.AntiEntropy;
import geosim.store.gossip.GossipStatus;
import geosim.store.repair.RepairProtocol;
import geosim.store.ring.Membership;
import org.HdrHistogram.Histogram;

/**
 * A store node: a {@link Replica} of the keys the ring gives it and a {@link Coordinator} of its
 * clients' requests, on one server with its NIC (the first hop of everything it sends), CPU and
 * disk. Store messages to another server cross the fabric (hop by hop, or in one step in
 * paths mode: {@link geosim.network.NetworkMode}); a message to itself (the coordinator is one of
 * the key's replicas) is a zero-delay timer and never touches the network. Its {@link AntiEntropy}
 * runs the scheduled anti-entropy repairs.
 * At every snapshot it records its CPU's and disk's utilization over the interval, and its
 * {@link ServerStates} (time up, its state and its suspicions of peers).
 *
 * <p>It gossips ({@link FailureView}) and keeps hints for replicas that are down ({@link Hints}).
 * A scheduled crash (its own timers, set at start from the run's fault plan, so no control
 * message crosses partitions), or one injected during the run (the same messages, from the
 * kernel's external input; overlapping crashes count, it restarts after the last) stops it: it drops every frame it receives and every request and
 * reply timer, runs no gossip, and its coordinator's requests in flight fail; at the restart it
 * gossips as a new generation. Its memtable is lost at the crash and rebuilt from the commit log
 * at the restart, so its data (the engine's cells) survives; the replay's cost is ignored, and
 * flushes and compactions already under way finish as if nothing happened. A terminated
 * instance ({@link AvailabilityProtocol.Terminate}) loses its local disk as well: its cells and
 * the hints it kept are gone, and a replacement (an injected restore) starts empty; its peers
 * drop the hints they kept for it ({@link AvailabilityProtocol.Replaced}).
 *
 * <p>Its {@link RingView} is the ring as its gossip has told it (bootstraps and decommissions of
 * the run's {@link Membership}); its coordinator uses that view's replicas. A server that
 * bootstraps is absent until its change starts (it drops every frame, gossips not, and its
 * clients' arrivals pass), then runs its {@link RangeMovement}; it takes clients' requests only
 * while it is on the ring as it knows it. A server that has left goes away a ring delay later.
 * On an elastic ring a spare does the same at its autoscaler's request ({@link ScalingProtocol}),
 * answers the autoscaler's probes with its CPU time, and is billed only while held.
 * Slow disks, clock jumps and gray failures are its {@link ServerConditions}.
 */
public final class StoreServer implements SimActor<FabricMessage> {
  static final StoreProtocol.NextRequest NEXT = new StoreProtocol.NextRequest();

  private final Fabric fabric;
  private final int index;
  private final Ports nic;
  private final Cpu cpu;
  private final Disk disk;
  private final Coordinator coordinator;
  private final Replica replica;
  private final FailureView failureView;
  private final Hints hints;
  private final AntiEntropy antiEntropy;
  private final RingView ring;
  private final RangeMovement movement;
  private final long[] crashWindowsNs;
  private final long[] diskLossesNs;
  private final ServerConditions conditions;
  private final ServerStates states;
  private final CostCounters costs;
  private boolean crashed;
  private int crashes; // crashes without their restart yet: overlapping injected and scheduled faults
  private boolean absent; // not running: before a bootstrap starts, or after a decommission
  private long heldNs; // an elastic spare: time its instance was held before heldSinceNs
  private long heldSinceNs; // when its instance was launched, or -1 when not held
  private Counter readsBeforeJoined; // an elastic spare: replica reads it got while bootstrapping
  private final long[] sampledBusyNs = new long[2];
  private long sampledAtNs;
  private Counter messages;
  private Counter gossipMessages;

  /**
   * @param faults the run's gossip roster and crashes (shared, read-only), and this server's crash
   *     windows
   * @param meter prices the server's time and work for the cost series ({@link ServerMeter#NONE}: none)
   */
  StoreServer(Fabric fabric, int index, Ports nic, Cpu cpu, Disk disk, StoreSettings settings,
      Membership membership, StoreLayout layout, ServerFaults faults, ServerMeter meter) {
    this.fabric = fabric;
    this.index = index;
    this.nic = nic;
    this.cpu = cpu;
    this.disk = disk;
    this.replica = new Replica(this, settings, cpu, disk);
    this.ring = new RingView(membership, index);
    this.movement = new RangeMovement(this, membership, settings.membership().ringDelayNs());
    this.absent = movement.joinsLater();
    this.heldSinceNs = movement.isSpare() ? -1 : 0;
    this.coordinator = new Coordinator(this, settings, layout, fabric.serverCount(),
        fabric.regionName(fabric.regionOf(index)));
    this.failureView = new FailureView(this, faults.roster(), settings.availability(), faults.outages(), absent);
    this.hints = new Hints(this, settings);
    this.crashWindowsNs = faults.downWindowsNs();
    this.diskLossesNs = faults.diskLossesNs();
    this.conditions = new ServerConditions(faults.stateFaults());
    this.states = new ServerStates(faults.roster().path(index), faults.roster().size());
    this.costs = new CostCounters(meter, index);
    // Repair works on the ring of the start (simplification: docs/store/membership.md).
    this.antiEntropy = new AntiEntropy(new NodeRepairHost(this, fabric), settings.repair(), membership.placement(0));
  }

  @Override
  public void start(ActorContext<FabricMessage> ctx) {
    nic.start(ctx);
    messages = ctx.metrics().counter(StoreModel.MESSAGES);
    gossipMessages = ctx.metrics().counter(StoreModel.GOSSIP_MESSAGES);
    String region = fabric.regionName(fabric.regionOf(index));
    Histogram cpuPpm = ctx.metrics().histogram(StoreModel.cpuUtilizationMetric(region));
    Histogram diskPpm = ctx.metrics().histogram(StoreModel.diskUtilizationMetric(region));
    states.start(ctx.metrics(), region, absent);
    costs.start(ctx.metrics(), region);
    if (movement.isSpare()) readsBeforeJoined = ctx.metrics().counter(StoreModel.readsBeforeJoined(region));
    ctx.metrics().sampleAtSnapshots(atNs -> sample(atNs, cpuPpm, diskPpm));
    replica.start(ctx);
    coordinator.start(ctx);
    failureView.start(ctx);
    hints.start(ctx);
    antiEntropy.start(ctx);
    movement.start(ctx);
    conditions.start(ctx);
    for (int w = 0; w < crashWindowsNs.length; w += 2) {
      ctx.schedule(new AvailabilityProtocol.Crash(), crashWindowsNs[w]);
      if (crashWindowsNs[w + 1] != Long.MAX_VALUE) {
        ctx.schedule(new AvailabilityProtocol.Restart(), crashWindowsNs[w + 1]);
      }
    }
    for (long at : diskLossesNs) ctx.schedule(new AvailabilityProtocol.Terminate(), at);
  }

  @Override
  public void receive(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof AvailabilityProtocol.OutageNoted noted) {
      failureView.noteOutage(noted.outage());
    } else if (message instanceof AvailabilityProtocol.Terminate) {
      replica.lose();
      hints.lose();
    } else if (message instanceof AvailabilityProtocol.Replaced replaced) {
      hints.dropFor(replaced.server());
    } else if (message instanceof ScalingProtocol.ScalingMessage scaling) {
      onScaling(scaling, ctx);
    } else if (absent && !(message instanceof PortsMessage)) {
      whileAbsent(message, ctx);
    } else if (crashed && !(message instanceof PortsMessage)) {
      whileCrashed(message, ctx);
    } else if (message instanceof Frame frame && frame.arrived() && frame.payload() instanceof FabricMessage payload) {
      handle(payload, ctx);
    } else if (message instanceof PortsMessage m) {
      nic.receive(m, ctx);
    } else if (!(message instanceof Frame)) {
      handle(message, ctx);
    } else {
      unknown(message, ctx);
    }
  }

  private void handle(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (conditions.drops(message)) {
      return; // a gray failure: the request is never answered
    } else if (message instanceof StoreProtocol.NextRequest) {
      if (ring.serving()) {
        coordinator.onNextRequest(ctx);
      } else {
        coordinator.skipRequest(ctx);
      }
    } else if (message instanceof StoreProtocol.ClientRequest request) {
      coordinator.onClientRequest(request, ctx);
    } else if (message instanceof StoreProtocol.MutationAck ack) {
      coordinator.onMutationAck(ack, ctx);
    } else if (message instanceof StoreProtocol.ReadResponse response) {
      coordinator.onReadResponse(response, ctx);
    } else if (message instanceof StoreProtocol.TimeoutsDue due) {
      coordinator.onTimeoutsDue(due.op(), ctx);
    } else if (message instanceof StoreProtocol.Mutation mutation) {
      replica.onMutation(mutation, ctx);
    } else if (message instanceof StoreProtocol.MutationHandled handled) {
      replica.onMutationHandled(handled.mutation(), ctx);
    } else if (message instanceof StoreProtocol.MutationLogged logged) {
      replica.onMutationLogged(logged.mutation(), logged.appliedNs(), ctx);
    } else if (message instanceof StoreProtocol.ReadRequest read) {
      if (readsBeforeJoined != null && movement.bootstrapping()) readsBeforeJoined.increment();
      replica.onRead(read, ctx);
    } else if (message instanceof StoreProtocol.ReadHandled handled) {
      replica.onReadHandled(handled.read(), ctx);
    } else if (message instanceof StoreProtocol.ReadServed served) {
      replica.respond(served.read(), served.cell(), ctx);
    } else if (!handleAvailability(message, ctx)) {
      handleBackground(message, ctx);
    }
  }

  /**
   * An autoscaler's probe (answered with the CPU's busy time while running), or its request that
   * this spare bootstraps (a newly launched instance: an empty disk, no hints; billed from its
   * launch) or decommissions. A crashed server ignores them all (the change would stall).
   */
  private void onScaling(ScalingProtocol.ScalingMessage message, ActorContext<FabricMessage> ctx) {
    if (crashed) return;
    if (message instanceof ScalingProtocol.Probe probe) {
      if (absent) return;
      ctx.send(probe.autoscaler(), new ScalingProtocol.Load(probe.slot(), cpu.busyCoreNs(ctx.now()), cpu.cores()),
          probe.replyDelayNs());
    } else if (message instanceof ScalingProtocol.Provision provision) {
      if (!absent || !movement.isSpare()) return;
      replica.lose();
      hints.lose();
      heldSinceNs = provision.launchedAtNs();
      movement.startElastic(provision, ctx);
    } else if (message instanceof ScalingProtocol.Release release && !absent) {
      movement.startElastic(release, ctx);
    }
  }

  /** Time this server's instance has been held in {@code [0, atNs]}: all of it unless it is an elastic spare. */
  long heldNs(long atNs) {
    return heldNs + (heldSinceNs < 0 ? 0 : Math.max(0, atNs - heldSinceNs));
  }

  /** Gossip, hints and the crash timers; false if {@code message} is none of them. */
  private boolean handleAvailability(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof AvailabilityProtocol.Gossip gossip) {
      failureView.onGossip(gossip.message(), ctx);
      ring.refresh(failureView);
      hints.replayToLive(failureView, ctx);
    } else if (message instanceof AvailabilityProtocol.GossipRound round) {
      failureView.onRound(round, ctx);
      ring.refresh(failureView);
      hints.replayToLive(failureView, ctx);
    } else if (message instanceof AvailabilityProtocol.HintNext next) {
      hints.onNext(next.target(), ctx);
    } else if (message instanceof AvailabilityProtocol.HintTimedOut timedOut) {
      hints.onTimedOut(timedOut.target(), timedOut.hintId());
    } else if (message instanceof AvailabilityProtocol.Harvest) {
      hints.onHarvest(false, failureView, ctx);
    } else if (isCondition(message)) {
      onCondition(message);
    } else if (message instanceof AvailabilityProtocol.Restart) {
      return true; // its crash found the server absent (not yet joined): nothing to restart
    } else if (message instanceof AvailabilityProtocol.Crash) {
      crashes = 1;
      crashed = true;
      states.running(true, absent, ctx.now());
      coordinator.crash();
      failureView.stop();
      hints.onCrash();
    } else {
      return false;
    }
    return true;
  }

  /**
   * A server not running (before its bootstrap, after its decommission) drops frames and every
   * timer but its own change's and background storage work; its clients' arrivals pass.
   */
  private void whileAbsent(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof MembershipProtocol.MembershipMessage change) {
      movement.receive(change, ctx);
    } else if (message instanceof StoreProtocol.NextRequest) {
      coordinator.skipRequest(ctx);
    } else if (message instanceof StoreProtocol.TimeoutsDue due) {
      coordinator.onTimeoutsDue(due.op(), ctx);
    } else if (isBackground(message)) {
      handleBackground(message, ctx);
    }
  }

  /**
   * A crashed server drops frames, client requests and its request, reply and gossip timers; its clients' arrivals
   * and the harvester keep their rhythm without doing anything; background storage work finishes.
   */
  private void whileCrashed(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof AvailabilityProtocol.Crash) {
      crashes++;
    } else if (message instanceof AvailabilityProtocol.Restart) {
      if (--crashes > 0) return;
      crashed = false;
      states.running(false, absent, ctx.now());
      failureView.restart(ctx);
    } else if (message instanceof StoreProtocol.NextRequest) {
      coordinator.skipRequest(ctx);
    } else if (message instanceof StoreProtocol.TimeoutsDue due) {
      coordinator.onTimeoutsDue(due.op(), ctx); // finds the crashed requests gone, keeps the queue moving
    } else if (message instanceof AvailabilityProtocol.Harvest) {
      hints.onHarvest(true, failureView, ctx);
    } else if (isCondition(message)) {
      onCondition(message); // a slow disk or a clock jump outlasts a crash
    } else if (isBackground(message)) {
      handleBackground(message, ctx);
    }
  }

  private static boolean isCondition(FabricMessage message) {
    return message instanceof AvailabilityProtocol.ConditionChange || message instanceof AvailabilityProtocol.ConditionInjected;
  }

  /** A scheduled or injected slow disk, clock jump or gray failure starts or ends. */
  private void onCondition(FabricMessage message) {
    if (message instanceof AvailabilityProtocol.ConditionChange change) {
      conditions.onChange(change, disk, coordinator);
    } else if (message instanceof AvailabilityProtocol.ConditionInjected injected) {
      conditions.apply(injected.fault(), injected.start(), disk, coordinator);
    }
  }

  private static boolean isBackground(FabricMessage message) {
    return message instanceof StoreProtocol.FlushWritten || message instanceof StoreProtocol.CompactionRead
        || message instanceof StoreProtocol.CompactionMerged || message instanceof StoreProtocol.CompactionWritten;
  }

  private void handleBackground(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof StoreProtocol.FlushWritten flush) {
      replica.onFlushWritten(flush.task(), ctx);
    } else if (message instanceof StoreProtocol.CompactionRead read) {
      replica.onCompactionRead(read.task(), ctx);
    } else if (message instanceof StoreProtocol.CompactionMerged merged) {
      replica.onCompactionMerged(merged.task(), ctx);
    } else if (message instanceof StoreProtocol.CompactionWritten written) {
      replica.onCompactionWritten(written.task(), ctx);
    } else if (message instanceof RepairProtocol.SyncComplete complete && complete.session() < 0) {
      movement.onStreamed(complete, ctx);
    } else if (message instanceof RepairProtocol.RepairMessage repair) {
      antiEntropy.receive(repair, ctx);
    } else if (message instanceof MembershipProtocol.MembershipMessage change) {
      movement.receive(change, ctx);
    } else if (message instanceof StoreProtocol.ReadRepairExpired expired) {
      coordinator.onReadRepairExpired(expired.requestId());
    } else if (message instanceof StoreProtocol.ReadSpeculate speculate) {
      coordinator.onReadSpeculate(speculate.requestId(), ctx);
    } else {
      unknown(message, ctx);
    }
  }

  private void unknown(FabricMessage message, ActorContext<FabricMessage> ctx) {
    throw new IllegalStateException("store server " + ctx.self().path() + " cannot handle " + message
        + " at t=" + ctx.now() + " ns");
  }

  /** Sends a store message to server {@code to}: over the fabric, or to itself at once without the network. */
  void send(int to, long flowId, long sizeBytes, FramePayload payload, ActorContext<FabricMessage> ctx) {
    if (to == index) {
      ctx.schedule((FabricMessage) payload, 0);
      return;
    }
    messages.increment();
    nic.forward(Frame.start(fabric.route(index, to, flowId), sizeBytes, payload), ctx);
  }

  /** Sends gossip to server {@code to} over the fabric; counted apart from the store's messages. */
  void sendGossip(int to, FramePayload payload, long sizeBytes, ActorContext<FabricMessage> ctx) {
    gossipMessages.increment();
    nic.forward(Frame.start(fabric.route(index, to, Seeds.mix64(((long) index << 32) ^ to)), sizeBytes, payload), ctx);
  }

  /** CPU and disk utilization since the previous snapshot, parts per million. */
  private void sample(long atNs, Histogram cpuPpm, Histogram diskPpm) {
    long cpuBusy = cpu.busyCoreNs(atNs);
    long diskBusy = disk.busyChannelNs(atNs);
    if (atNs > sampledAtNs) {
      long interval = atNs - sampledAtNs;
      double cpuShare = Cpu.utilization(cpuBusy - sampledBusyNs[0], cpu.cores(), interval);
      cpuPpm.recordValue(Math.round(cpuShare * 1e6));
      states.cpuSample(cpuShare, interval);
      diskPpm.recordValue(Math.round(Cpu.utilization(diskBusy - sampledBusyNs[1], disk.channels(), interval) * 1e6));
    }
    sampledBusyNs[0] = cpuBusy;
    sampledBusyNs[1] = diskBusy;
    sampledAtNs = atNs;
    costs.sample(heldNs(atNs), cpuBusy, cpu.cores(), diskBusy, disk.channels());
    states.sample(atNs, failureView);
  }

  /** Before the run: record this server's own CPU utilization too ({@link ServerStates#recordCpu}). */
  void recordCpuPerServer() {
    states.recordCpu();
  }

  int index() {
    return index;
  }

  /** The server starts running for its bootstrap: it gossips from now, announcing {@code status}. */
  void join(GossipStatus status, ActorContext<FabricMessage> ctx) {
    absent = false;
    states.running(crashed, false, ctx.now());
    states.status(status);
    failureView.join(status, ctx);
    ring.refresh(failureView);
  }

  /** The server announces a new status of its own change (LEAVING, NORMAL, LEFT). */
  void announce(GossipStatus status) {
    states.status(status);
    failureView.announce(status);
    ring.refresh(failureView);
  }

  /** A server that has left stops: no gossip, no requests. */
  void depart(long nowNs) {
    absent = true;
    if (movement.isSpare() && heldSinceNs >= 0) {
      heldNs += nowNs - heldSinceNs;
      heldSinceNs = -1;
    }
    states.running(crashed, true, nowNs);
    failureView.stop();
  }

  RingView ring() {
    return ring;
  }

  AntiEntropy antiEntropy() {
    return antiEntropy;
  }

  Cpu cpu() {
    return cpu;
  }

  Disk disk() {
    return disk;
  }

  Coordinator coordinator() {
    return coordinator;
  }

  Replica replica() {
    return replica;
  }

  FailureView failureView() {
    return failureView;
  }

  Hints hints() {
    return hints;
  }
}
