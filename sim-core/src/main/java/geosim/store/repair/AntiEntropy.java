package geosim.store.repair;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Seeds;
import geosim.node.Disk;
import geosim.store.repair.RepairProtocol.RepairMessage;
import geosim.store.ring.ReplicaPlacement;
import java.util.Arrays;
import java.util.Objects;

/**
 * Anti-entropy repair on one store node, after Cassandra's {@code nodetool repair -pr} [1], [2]:
 * at each scheduled start the node coordinates a session over its primary ranges ({@link
 * RepairCoordinator}); as a replica it builds Merkle trees on request (validation, here); as a
 * source or target it streams the sections that differ ({@link Streamer}).
 *
 * <p>Validation of a range: the node takes its newest cells in the range at the request's arrival
 * (Cassandra flushes and snapshots first), reads their bytes from disk as one sequential read,
 * hashes them on one core (the compaction's CPU per byte, since validation runs the compaction
 * iterator, plus {@link RepairSettings#hashCpuNsPerByte()}), and sends the tree of {@link
 * MerkleTree#wireBytes()} to the coordinator through the node's paced {@link Outbox}.
 *
 * <p>[1] Apache Cassandra documentation, "Repair" (operating/repair): full repair, Merkle trees,
 * validation compaction, streaming of mismatched ranges, {@code -pr}. <br>
 * [2] Apache Cassandra source, {@code org.apache.cassandra.repair} (2.0): RepairSession,
 * Validator, Differencer, StreamingRepairTask.
 */
public final class AntiEntropy {
  private final RepairHost host;
  private final RepairSettings settings;
  private final ReplicaPlacement placement;
  private RepairMetrics metrics;
  private RepairCoordinator coordinator;
  private Outbox outbox;
  private Streamer streamer;

  /**
   * @param host the store node it runs on
   * @param settings when and how to repair
   * @param placement the ring and replicas shared by all nodes (read only)
   */
  public AntiEntropy(RepairHost host, RepairSettings settings, ReplicaPlacement placement) {
    this.host = Objects.requireNonNull(host, "host");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.placement = Objects.requireNonNull(placement, "placement");
  }

  /** Registers the counters and sets the first session's timer, if repair is on. */
  public void start(ActorContext<FabricMessage> ctx) {
    metrics = new RepairMetrics(ctx.metrics());
    int[] primaries = settings.enabled() ? primaryPositions() : new int[0]; // a scan of the ring per node
    coordinator = new RepairCoordinator(host, placement, primaries, metrics, settings.merkleDepth());
    outbox = new Outbox(host, host.engine().settings().readChunkBytes(), settings.streamBytesPerSecond());
    streamer = new Streamer(host, settings, placement.ring(), metrics, outbox);
    scheduleFrom(ctx.now(), ctx);
  }

  /** Handles a repair message, from the network or a timer. */
  public void receive(RepairMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof RepairProtocol.StartSession) {
      coordinator.onStart(ctx);
      scheduleFrom(ctx.now() + 1, ctx);
    } else if (message instanceof RepairProtocol.ValidationRequest request) {
      onValidationRequest(request, ctx);
    } else if (message instanceof RepairProtocol.ValidationRead read) {
      onValidationRead(read, ctx);
    } else if (message instanceof RepairProtocol.ValidationHashed hashed) {
      onValidationHashed(hashed, ctx);
    } else if (message instanceof RepairProtocol.TreeResponse response) {
      coordinator.onTree(response, ctx);
    } else if (message instanceof RepairProtocol.NextChunk) {
      outbox.onNextChunk(ctx);
    } else if (message instanceof RepairProtocol.SyncComplete complete) {
      coordinator.onSyncComplete(complete, ctx);
    } else {
      streamer.receive(message, ctx);
    }
  }

  private void scheduleFrom(long fromNs, ActorContext<FabricMessage> ctx) {
    long next = settings.nextStartNs(fromNs);
    if (next >= 0) ctx.schedule(new RepairProtocol.StartSession(), next - ctx.now());
  }

  /** Ring positions whose first replica is this node: its primary ranges, ascending. */
  private int[] primaryPositions() {
    int[] positions = new int[placement.ring().size()];
    int n = 0;
    for (int p = 0; p < positions.length; p++) {
      if (placement.replicasAt(p)[0] == host.index()) positions[n++] = p;
    }
    return Arrays.copyOf(positions, n);
  }

  private void onValidationRequest(RepairProtocol.ValidationRequest request, ActorContext<FabricMessage> ctx) {
    TokenRange range = TokenRange.at(placement.ring(), request.position());
    MerkleTree tree = MerkleTree.build(host.engine().liveCells(), range, settings.merkleDepth());
    metrics.validationBytes.add(tree.dataBytes());
    long done = tree.dataBytes() == 0 ? ctx.now()
        : host.disk().submit(ctx.now(), tree.dataBytes(), Disk.Access.SEQUENTIAL);
    ctx.schedule(new RepairProtocol.ValidationRead(request, tree), done - ctx.now());
  }

  private void onValidationRead(RepairProtocol.ValidationRead read, ActorContext<FabricMessage> ctx) {
    double nsPerByte = host.engine().settings().compaction().cpuNsPerByte() + settings.hashCpuNsPerByte();
    long demandNs = Math.round(read.tree().dataBytes() * nsPerByte);
    long done = demandNs == 0 ? ctx.now() : host.cpu().submit(ctx.now(), demandNs);
    ctx.schedule(new RepairProtocol.ValidationHashed(read.request(), read.tree()), done - ctx.now());
  }

  private void onValidationHashed(RepairProtocol.ValidationHashed hashed, ActorContext<FabricMessage> ctx) {
    RepairProtocol.ValidationRequest request = hashed.request();
    metrics.treeBytes.add(hashed.tree().wireBytes());
    RepairProtocol.TreeResponse response = new RepairProtocol.TreeResponse(host.index(), request.session(),
        request.position(), hashed.tree(), request.flowId());
    outbox.send(request.coordinator(), request.flowId(), hashed.tree().wireBytes(), response, ctx);
  }

  /**
   * Asks node {@code source} to stream its cells of the whole range at {@code position} to node
   * {@code target}, for a range movement (a bootstrap or decommission this node runs): the same
   * streaming as repair's (sequential read, paced chunks at the stream throttle, an SSTable at the
   * target), counted in {@code store.membership.*}. When the target has added the cells it tells
   * this node with a {@link RepairProtocol.SyncComplete} of {@code movement}; the store node
   * takes that, not this class.
   *
   * @param movement the movement's number, < 0
   */
  public void requestStream(long movement, int source, int position, int target, ActorContext<FabricMessage> ctx) {
    if (movement >= 0) throw new IllegalArgumentException("movement must be < 0, got " + movement);
    long flowId = flowId(host.index(), movement, position, source);
    host.send(source, flowId, RepairProtocol.HEADER_BYTES + 4L,
        new RepairProtocol.SyncRequest(host.index(), movement, position, target, 0, new int[] {0}, flowId), ctx);
  }

  /** The ECMP flow id of one exchange of a session: a hash of coordinator, session, range and peer. */
  static long flowId(int coordinator, long session, int position, int peer) {
    return Seeds.mix64(Seeds.mix64(Seeds.mix64(Seeds.mix64(coordinator) ^ session) ^ position) ^ peer);
  }
}
