package geosim.fabric;

import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.Seeds;
import geosim.kernel.StreamRandom;
import geosim.kernel.Timer;
import geosim.network.EgressPort;
import geosim.network.Hop;
import geosim.network.LinkChange;
import geosim.network.LinkTier;
import geosim.network.PartitionSchedule;
import geosim.network.PortUsage;
import geosim.network.Route;
import geosim.network.Transmission;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.HdrHistogram.Histogram;

/**
 * The egress ports of one actor (a server's NIC, or a switch's ports), by link id, and what
 * they do: put a frame on its next hop; apply the {@link geosim.network.LinkSchedule}'s
 * changes of their links (background rate, cut) at their times; and, at every snapshot, record
 * each port's utilization over the interval (foreground + background) in the histogram of its
 * tier. Private to the actor that owns it: a server actor calls {@link #start} from its own
 * start, {@link #forward} to send, and {@link #receive} on a {@link PortsMessage}: its timer for the next
 * change, or a new schedule when a fault is injected during the run ({@link LinkScheduleChanged}).
 *
 * <p>A degraded link loses each frame it carries with its loss probability, drawn from a stream
 * of this owner's for that link ({@code network/loss/<owner path>/<link id>}), so the draws do not
 * depend on the partitioning nor move any other stream. In paths mode the sender draws for every
 * link of the route at the send time.
 */
public final class Ports {
  private static final LinkChangesDue DUE = new LinkChangesDue();

  private final Fabric fabric;
  private final String ownerPath;
  /** Per link id, the stream its losses are drawn from; made at the first draw, looked up, never iterated. */
  private final Map<Integer, StreamRandom> lossStreams = new HashMap<>();
  /** Link ids in increasing order, and the port, cut state and last sample of each. */
  private final int[] linkIds;
  private final EgressPort[] ports;
  private final boolean[] cut;
  private final PortUsage[] sampled;
  private final Histogram[] utilizationPpm;
  private List<LinkChange> changes;
  private int nextChange;
  private Timer due;
  private Counter hops;
  private Counter dropped;
  private Counter lostAtCut;
  private Counter lostToLoss;
  private Counter frames;
  private Counter framesDelivered;
  private Counter bytesSent;
  private Counter bytesDelivered;
  private Counter bytesLost;
  private boolean perLink; // set before the run by Fabric#recordPerLink
  private Counter[] busyNs; // per port when perLink: utilization x interval

  /**
   * @param ownerPath the path of the actor that owns these ports
   * @param portsByLink this actor's ports by link id
   * @param changes the schedule's changes of exactly these links, by time
   */
  Ports(Fabric fabric, String ownerPath, SortedMap<Integer, EgressPort> portsByLink, List<LinkChange> changes) {
    this.fabric = fabric;
    this.ownerPath = ownerPath;
    this.linkIds = portsByLink.keySet().stream().mapToInt(Integer::intValue).toArray();
    this.ports = portsByLink.values().toArray(new EgressPort[0]);
    this.cut = new boolean[ports.length];
    this.sampled = new PortUsage[ports.length];
    this.utilizationPpm = new Histogram[ports.length];
    this.changes = List.copyOf(changes);
  }

  /** Looks up the metrics, applies the changes due at time 0 and registers the sampler; call from the owner's {@code start}. */
  public void start(ActorContext<FabricMessage> ctx) {
    hops = ctx.metrics().counter(Fabric.HOPS);
    dropped = ctx.metrics().counter(Fabric.DROPPED);
    lostAtCut = ctx.metrics().counter(Fabric.LOST_AT_CUT);
    lostToLoss = ctx.metrics().counter(Fabric.LOST_TO_LOSS);
    frames = ctx.metrics().counter(Fabric.FRAMES);
    framesDelivered = ctx.metrics().counter(Fabric.FRAMES_DELIVERED);
    bytesSent = ctx.metrics().counter(Fabric.BYTES_SENT);
    bytesDelivered = ctx.metrics().counter(Fabric.BYTES_DELIVERED);
    bytesLost = ctx.metrics().counter(Fabric.BYTES_LOST);
    for (int i = 0; i < ports.length; i++) {
      sampled[i] = ports[i].usage(0);
      LinkTier tier = LinkTier.of(fabric.links().get(linkIds[i]));
      utilizationPpm[i] = ctx.metrics().histogram(Fabric.linkUtilizationMetric(tier));
    }
    if (perLink) {
      busyNs = new Counter[ports.length];
      for (int i = 0; i < ports.length; i++) busyNs[i] = ctx.metrics().counter(Fabric.linkBusyMetric(fabric.links().get(linkIds[i])));
    }
    ctx.metrics().sampleAtSnapshots(this::sample);
    applyDue(ctx);
  }

  /**
   * Applies the changes due by now and sets a timer for the next one, after taking up a new
   * schedule when {@code message} brings one (the old one's pending timer is cancelled).
   */
  public void receive(PortsMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof LinkScheduleChanged changed) {
      if (due != null) due.cancel();
      changes = changed.changes();
      nextChange = 0;
    }
    applyDue(ctx);
  }

  /** The ids of the links these ports send on. */
  BitSet linkIds() {
    BitSet ids = new BitSet();
    for (int id : linkIds) ids.set(id);
    return ids;
  }

  /** Applies every change due by now and sets a timer for the next one. */
  private void applyDue(ActorContext<FabricMessage> ctx) {
    long now = ctx.now();
    while (nextChange < changes.size() && changes.get(nextChange).atNs() <= now) {
      LinkChange change = changes.get(nextChange++);
      int i = index(change.linkId());
      ports[i].setCondition(now, change.condition(), change.backgroundBps());
      cut[i] = change.cut();
    }
    due = nextChange < changes.size() ? ctx.startTimer(DUE, changes.get(nextChange).atNs() - now) : null;
  }

  /**
   * Offers {@code frame} to the port of its next hop at {@code ctx.now()} and sends it on to
   * the far end, to arrive when its last bit does. The message is lost when the link is cut or by
   * the link's degradation (after taking its place on the wire), and dropped when the buffer is
   * full or the port has no capacity left (a stalled message). At its first hop (the sender's NIC),
   * a frame from one side of a partition on now to the other is lost before it takes the wire, as
   * an iptables rule drops it ({@link PartitionSchedule}); counted as lost at a cut.
   *
   * @return true when the message is on its way
   * @throws IllegalStateException when this actor has no port for the packet's next hop
   */
  public boolean forward(Frame frame, ActorContext<?> ctx) {
    Hop hop = frame.route().hops().get(frame.hop());
    int i = index(hop.linkId());
    if (i < 0) throw new IllegalStateException("no egress port for " + hop.link() + " at t=" + ctx.now() + " ns");
    hops.increment();
    if (frame.hop() == 0) {
      frames.increment();
      bytesSent.add(frame.sizeBytes());
      PartitionSchedule partitions = fabric.partitions();
      if (partitions != null && partitions.separates(frame.route(), ctx.now())) return loseAtCut(frame);
    }
    if (cut[i]) return loseAtCut(frame);
    Transmission t = ports[i].send(ctx.now(), frame.sizeBytes());
    if (!t.delivered() || t.stalled()) return drop(frame);
    if (lost(hop.linkId(), ports[i].condition().lossProbability())) return loseToLoss(frame);
    if (fabric.pathTimes() != null) return sendAlongPath(frame, t.arrivalNs(), ctx);
    Frame next = frame.next();
    if (next.arrived()) {
      framesDelivered.increment();
      bytesDelivered.add(frame.sizeBytes());
    }
    ctx.send(fabric.target(hop.linkId()), next, t.arrivalNs() - ctx.now());
    return true;
  }

  /**
   * Paths mode: the frame has crossed its first hop at {@code firstArrivalNs}; the rest of its
   * route takes what {@link geosim.network.PathTimes} says at the send time, and it goes straight
   * to its destination in one message. Every hop of the route counts as attempted, up to a cut one.
   */
  private boolean sendAlongPath(Frame frame, long firstArrivalNs, ActorContext<?> ctx) {
    Route route = frame.route();
    int last = route.hops().size() - 1;
    long now = ctx.now();
    int cutHop = fabric.pathTimes().firstCutHop(route, 1, now);
    hops.add(cutHop < 0 ? last : cutHop);
    if (cutHop >= 0) return loseAtCut(frame);
    long restNs = fabric.pathTimes().delayNs(route, 1, frame.sizeBytes(), now);
    if (restNs == EgressPort.NEVER) return drop(frame);
    for (int h = 1; h <= last; h++) {
      int id = route.hops().get(h).linkId();
      if (lost(id, fabric.pathTimes().lossAt(id, now))) return loseToLoss(frame);
    }
    framesDelivered.increment();
    bytesDelivered.add(frame.sizeBytes());
    ctx.send(fabric.target(route.hops().get(last).linkId()), frame.atEnd(), firstArrivalNs - now + restNs);
    return true;
  }

  /** Whether a frame is lost on link {@code linkId} with probability {@code loss}; draws only when 0 < loss < 1. */
  private boolean lost(int linkId, double loss) {
    if (loss <= 0) return false;
    if (loss >= 1) return true;
    StreamRandom stream = lossStreams.computeIfAbsent(linkId, id -> new StreamRandom(
        Seeds.streamSeed(fabric.seed(), "network/loss/" + ownerPath + "/" + id)));
    return stream.nextDouble() < loss;
  }

  private boolean loseAtCut(Frame frame) {
    lostAtCut.increment();
    bytesLost.add(frame.sizeBytes());
    return false;
  }

  private boolean loseToLoss(Frame frame) {
    lostToLoss.increment();
    bytesLost.add(frame.sizeBytes());
    return false;
  }

  private boolean drop(Frame frame) {
    dropped.increment();
    bytesLost.add(frame.sizeBytes());
    return false;
  }

  /** Records each port's utilization since the previous snapshot, in parts per million. */
  private void sample(long atNs) {
    for (int i = 0; i < ports.length; i++) {
      PortUsage now = ports[i].usage(atNs);
      double share = Math.min(1, now.utilizationSince(sampled[i]));
      utilizationPpm[i].recordValue(Math.round(share * 1_000_000));
      if (busyNs != null) busyNs[i].add(Math.round(share * (now.atNs() - sampled[i].atNs())));
      sampled[i] = now;
    }
  }

  /** Before the run: also record each port's own utilization ({@link Fabric#linkBusyMetric}). */
  void recordPerLink() {
    perLink = true;
  }

  /**
   * Puts each of these ports' share of its capacity spent on foreground messages and background
   * flows together over {@code [0, endNs]} (0 to 1; 0 for {@code endNs = 0}) at its link id in {@code byLink}.
   */
  void utilizationInto(long endNs, double[] byLink) {
    for (int i = 0; i < ports.length; i++) {
      PortUsage start = new PortUsage(0, 0, 0, ports[i].bandwidthBps());
      byLink[linkIds[i]] = Math.min(1, ports[i].usage(endNs).utilizationSince(start));
    }
  }

  private int index(int linkId) {
    int i = Arrays.binarySearch(linkIds, linkId);
    return i >= 0 ? i : -1;
  }
}
