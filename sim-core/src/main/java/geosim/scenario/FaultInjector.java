package geosim.scenario;

import geosim.fabric.Fabric;
import geosim.fabric.FabricMessage;
import geosim.fabric.LinkScheduleChanged;
import geosim.faults.FaultEvent;
import geosim.faults.FaultKind;
import geosim.faults.FaultPlan;
import geosim.faults.FaultSpec;
import geosim.faults.ServerOutage;
import geosim.kernel.ActorRef;
import geosim.kernel.ExternalEvent;
import geosim.kernel.ExternalInput;
import geosim.network.CutSpec;
import geosim.store.node.StoreModel;
import geosim.topology.Placement;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Faults injected while a run goes on (issue 7), by a driver on another thread: the visualizer's
 * context menu, a test. A request ({@link #inject}, {@link #end}) waits for the next snapshot
 * boundary; there the kernel asks this input ({@link ExternalInput}), which fixes the fault's
 * time to {@code max(requested, boundary, previous injection)}, records it, and turns it into
 * kernel messages for the actors it concerns, delivered at that time:
 *
 * <ul>
 *   <li>servers down (server-crash, -restart, -terminate, rack-power, region-outage; store model):
 *       each server concerned gets a crash (and its restart at the end), every store server an
 *       outage notice for its detection counters;
 *   <li>links (region-partition, link-cut, link-degradation, switch-failure, region-outage, storm):
 *       the schedule of background flows, cuts and degradations is worked out again with the
 *       injected cuts, degradations and storms ({@link
 *       Fabric#reschedule}); each port owner whose links change gets its new schedule;
 *   <li>partitions between sets of elements (partition): the fabric's partition table is built
 *       again with the injected ones ({@link Fabric#repartition}); senders read it at each frame's
 *       first hop, and it equals the old one before the injection's time, so no message is needed;
 *   <li>a server's state (slow-disk, clock-jump, gray-failure; store model): the server gets the
 *       fault's start at the time (and its end at the end when known, or at the {@code end}
 *       request; a clock jump has no end).
 * </ul>
 *
 * <p>Replays are identical: the messages of an injection depend only on the injections taken
 * before it and on its own recorded time, never on the boundary it was taken at, and they sort
 * by (time, their rank among injections), so handing the recorded injections ({@link
 * FaultPlan#injected}, the {@code injected-faults} list of a recorded run's config) to a new run
 * at time 0 delivers the same messages in the same order at any partitioning.
 */
public final class FaultInjector implements ExternalInput {
  /** Rank bits per injection in an external event's sequence number: 2^24 messages per injection. */
  private static final int MESSAGE_BITS = 24;
  private static final String STORM_PREFIX = "injected-storm-";

  private final ScenarioSettings scenario;
  private final Fabric fabric;
  private final boolean store;
  private final ConcurrentLinkedQueue<FaultEvent> requests = new ConcurrentLinkedQueue<>();
  /** Taken injections, starts and ends, in order; the coordinator's thread appends. */
  private final List<FaultEvent> taken = new ArrayList<>();
  /** Each injected fault with its end as known now. */
  private final List<FaultSpec> injected = new ArrayList<>();
  private volatile List<FaultEvent> published = List.of();
  private volatile FaultPlan publishedPlan;
  private long lastNs;

  /**
   * @param fabric the run's network, or null for a model without one (then nothing can be injected)
   * @param store whether servers can crash ({@code model = store})
   */
  FaultInjector(ScenarioSettings scenario, Fabric fabric, boolean store) {
    this.scenario = scenario;
    this.fabric = fabric;
    this.store = store;
    requests.addAll(scenario.faults().injected());
    publishedPlan = new FaultPlan(scenario.faults().faults());
  }

  /**
   * Asks for {@code fault} at {@code fault.atNs()}, or at the next snapshot boundary when the run
   * has passed that time; its duration is kept ({@link Long#MAX_VALUE} end: until {@link #end}).
   *
   * @throws IllegalArgumentException when the fault cannot be injected in this run (its kind, or
   *     a place that names nothing of the topology)
   */
  public void inject(FaultSpec fault) {
    check(fault);
    requests.add(new FaultEvent(fault.atNs(), true, fault));
  }

  /**
   * Ends the latest injected fault of {@code fault}'s kind at its place that has no end yet (a
   * restore, a heal), at {@code fault.atNs()} or the next boundary; nothing when there is none.
   */
  public void end(FaultSpec fault) {
    requests.add(new FaultEvent(fault.atNs(), false, fault));
  }

  /** The injections taken so far, starts and ends, in order; safe from any thread. */
  public List<FaultEvent> taken() {
    return published;
  }

  /** Whether faults can be injected in this run at all (it has a network). */
  public boolean isAvailable() {
    return fabric != null;
  }

  /**
   * The scenario's faults and the injected ones with their ends as known at the last boundary:
   * what the run's summary counts, its fault log lists and the visualizer marks; safe from any thread.
   */
  public FaultPlan plan() {
    return publishedPlan;
  }

  /**
   * The {@code injected-faults} list of the taken injections, to append to the run's resolved
   * config: running that config again replays them.
   */
  public String render() {
    return InjectedFaults.render(published);
  }

  @Override
  public List<ExternalEvent> drain(long boundaryNs) {
    List<ExternalEvent> out = new ArrayList<>();
    if (fabric == null) {
      requests.clear(); // nothing to act on; inject refuses, and a config cannot record any
      return out;
    }
    for (FaultEvent r = requests.poll(); r != null; r = requests.poll()) {
      long t = Math.max(r.timeNs(), Math.max(boundaryNs, lastNs));
      if (t >= scenario.durationNs()) continue; // the run is over by then
      FaultEvent action = r.start() ? start(r.fault(), t) : end(r.fault(), t);
      if (action == null) continue;
      lastNs = action.timeNs();
      taken.add(action);
      effects(action, (long) (taken.size() - 1) << MESSAGE_BITS, out);
    }
    if (published.size() != taken.size()) {
      List<FaultSpec> all = new ArrayList<>(scenario.faults().faults());
      all.addAll(injected);
      publishedPlan = new FaultPlan(all, taken);
      published = List.copyOf(taken);
    }
    return out;
  }

  private FaultEvent start(FaultSpec requested, long t) {
    long end = requested.endNs() == Long.MAX_VALUE ? Long.MAX_VALUE
        : Math.min(Long.MAX_VALUE - t, requested.endNs() - requested.atNs()) + t;
    FaultSpec fault = requested.at(t, end);
    injected.add(fault);
    return new FaultEvent(t, true, fault);
  }

  private FaultEvent end(FaultSpec like, long at) {
    if (!like.kind().hasDuration() && like.kind() != FaultKind.SERVER_TERMINATE) return null; // a clock jump has no end
    FaultSpec ended = FaultPlan.endLatestOpen(injected, like, at);
    return ended == null ? null : new FaultEvent(ended.endNs(), false, ended);
  }

  /** The messages of one taken injection, numbered from {@code seq} on. */
  private void effects(FaultEvent action, long seq, List<ExternalEvent> out) {
    Messages mine = new Messages(action.timeNs(), seq);
    FaultKind kind = action.fault().kind();
    if (kind.effect() == FaultKind.Effect.DOWN) serversDown(action, mine);
    if (kind.effect() == FaultKind.Effect.SERVER_STATE) serverState(action, mine);
    if (kind.changesNetwork()) reschedule(mine);
    out.addAll(mine.events);
  }

  /** One injection's messages, numbered in the order they are added. */
  private static final class Messages {
    final long timeNs;
    final long seq;
    final List<ExternalEvent> events = new ArrayList<>();

    Messages(long timeNs, long seq) {
      this.timeNs = timeNs;
      this.seq = seq;
    }

    void add(ActorRef<?> target, Object message, long atNs) {
      events.add(new ExternalEvent(target, message, atNs, seq + events.size()));
    }
  }

  private void serversDown(FaultEvent action, Messages out) {
    FaultSpec fault = action.fault();
    for (int s = 0; s < fabric.serverCount(); s++) {
      String path = fabric.serverPath(s);
      if (!CutSpec.within(path, fault.target())) continue;
      ActorRef<FabricMessage> ref = fabric.serverRef(s);
      boolean terminate = fault.kind() == FaultKind.SERVER_TERMINATE;
      if (!action.start()) {
        out.add(ref, StoreModel.restartMessage(), out.timeNs);
        if (terminate) replaced(s, out);
      } else {
        out.add(ref, StoreModel.crashMessage(), out.timeNs);
        if (fault.kind().losesDisk()) out.add(ref, StoreModel.terminateMessage(), out.timeNs);
        if (fault.endNs() != Long.MAX_VALUE) out.add(ref, StoreModel.restartMessage(), fault.endNs());
      }
      ServerOutage outage = new ServerOutage(path, fault.atNs(), fault.endNs());
      for (int peer = 0; peer < fabric.serverCount(); peer++) {
        out.add(fabric.serverRef(peer), StoreModel.outageMessage(outage), out.timeNs);
      }
    }
  }

  /** Terminated server {@code server} comes back as a replacement: every server drops its hints for it. */
  private void replaced(int server, Messages out) {
    for (int peer = 0; peer < fabric.serverCount(); peer++) {
      out.add(fabric.serverRef(peer), StoreModel.replacedMessage(server), out.timeNs);
    }
  }

  /** A slow disk, clock jump or gray failure: its server gets the start (and the end when known) or the end. */
  private void serverState(FaultEvent action, Messages out) {
    FaultSpec fault = action.fault();
    for (int s = 0; s < fabric.serverCount(); s++) {
      if (!fabric.serverPath(s).equals(fault.target())) continue;
      ActorRef<FabricMessage> ref = fabric.serverRef(s);
      out.add(ref, StoreModel.conditionMessage(fault, action.start()), out.timeNs);
      if (action.start() && fault.endNs() != Long.MAX_VALUE) {
        out.add(ref, StoreModel.conditionMessage(fault, false), fault.endNs());
      }
    }
  }

  /** Works the link schedule and the partitions out again with every injected cut, degradation, storm and partition as known now. */
  private void reschedule(Messages out) {
    FaultPlan mine = new FaultPlan(injected);
    var settings = fabric.settings().withMoreCuts(mine.cuts()).withMoreFlows(mine.storms(STORM_PREFIX))
        .withMoreDegradations(mine.degradations()).withMorePartitions(mine.partitions());
    fabric.repartition(settings.partitions());
    for (Map.Entry<ActorRef<FabricMessage>, LinkScheduleChanged> e
        : fabric.reschedule(fabric.scheduleOf(settings), out.timeNs).entrySet()) {
      out.add(e.getKey(), e.getValue(), out.timeNs);
    }
  }

  private void check(FaultSpec fault) {
    if (fabric == null) throw new IllegalArgumentException("this model has no network: nothing to inject faults into");
    FaultKind kind = fault.kind();
    if (kind.needsStore() && !store) {
      throw new IllegalArgumentException(kind.configName() + " needs model = store (other servers cannot crash)");
    }
    Topology topology = scenario.topology();
    boolean known = switch (kind.effect()) {
      case DOWN -> topology.servers().stream().anyMatch(p -> CutSpec.within(p.path(), fault.target()));
      case SERVER_STATE -> topology.server(fault.target()).isPresent();
      case CUT, DEGRADE -> cuts(fault).linkIds(topology.links()).length > 0;
      case TRAFFIC -> fault.between().stream().allMatch(e -> isServerOrTor(topology, e));
      case FILTER -> fault.sides().stream().flatMap(List::stream)
          .allMatch(e -> topology.servers().stream().anyMatch(p -> CutSpec.within(p.path(), e)));
      default -> false;
    };
    if (!known) throw new IllegalArgumentException(fault.describe() + " names nothing it can act on in the topology");
  }

  private static CutSpec cuts(FaultSpec fault) {
    return fault.target() != null ? CutSpec.isolate(0, 1, fault.target())
        : CutSpec.between(0, 1, fault.between().get(0), fault.between().get(1));
  }

  private static boolean isServerOrTor(Topology topology, String element) {
    for (Placement p : topology.servers()) {
      if (p.path().equals(element) || p.torSwitchPath().equals(element)) return true;
    }
    return false;
  }
}
