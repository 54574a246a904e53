package geosim.store.repair;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.node.Disk;
import geosim.store.repair.RepairProtocol.RepairMessage;
import geosim.store.ring.TokenRing;
import geosim.store.storage.Cell;
import geosim.store.storage.SortedCells;
import geosim.store.storage.StorageEngine;

/**
 * Streaming of repair sections on one node, as source and as target [1].
 *
 * <ul>
 *   <li>Source: on a sync request it takes its cells in the requested leaves, reads their bytes
 *       from disk sequentially, and hands them to the node's {@link Outbox}, which sends them to
 *       the target in paced chunks; the last frame carries the cells.
 *   <li>Target: on the last frame it writes the bytes sequentially and adds the cells to its
 *       engine as a new SSTable ({@link StorageEngine#ingest}), last write wins, which may start
 *       compactions; then it tells the session's coordinator.
 * </ul>
 *
 * <p>Range movements (bootstrap, decommission) stream through it too, whole ranges at a time
 * ({@link AntiEntropy#requestStream}); their streams are counted apart.
 *
 * <p>[1] Apache Cassandra documentation, "Repair" and cassandra.yaml,
 * stream_throughput_outbound_megabits_per_sec (200).
 */
final class Streamer {
  private final RepairHost host;
  private final RepairSettings settings;
  private final TokenRing ring;
  private final RepairMetrics metrics;
  private final Outbox outbox;

  Streamer(RepairHost host, RepairSettings settings, TokenRing ring, RepairMetrics metrics, Outbox outbox) {
    this.host = host;
    this.outbox = outbox;
    this.settings = settings;
    this.ring = ring;
    this.metrics = metrics;
  }

  void receive(RepairMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof RepairProtocol.SyncRequest request) {
      onSyncRequest(request, ctx);
    } else if (message instanceof RepairProtocol.SectionRead read) {
      onSectionRead(read, ctx);
    } else if (message instanceof RepairProtocol.StreamEnd end) {
      onStreamEnd(end, ctx);
    } else if (message instanceof RepairProtocol.SectionWritten written) {
      onSectionWritten(written.end(), ctx);
    } else if (!(message instanceof RepairProtocol.StreamChunk)) {
      throw new IllegalStateException("repair on " + ctx.self().path() + " cannot handle " + message
          + " at t=" + ctx.now() + " ns");
    }
  }

  private void onSyncRequest(RepairProtocol.SyncRequest request, ActorContext<FabricMessage> ctx) {
    SortedCells cells = MerkleTree.cellsInLeaves(host.engine().liveCells(), TokenRange.at(ring, request.position()),
        request.depth(), request.leaves());
    long done = cells.isEmpty() ? ctx.now() : host.disk().submit(ctx.now(), cells.totalBytes(), Disk.Access.SEQUENTIAL);
    ctx.schedule(new RepairProtocol.SectionRead(request, cells), done - ctx.now());
  }

  private void onSectionRead(RepairProtocol.SectionRead read, ActorContext<FabricMessage> ctx) {
    RepairProtocol.SyncRequest request = read.request();
    metrics.streamed(request.isMovement(), read.cells().size(), read.cells().totalBytes());
    outbox.stream(request.target(), request.flowId(), read.cells().totalBytes(),
        new RepairProtocol.StreamEnd(host.index(), request.coordinator(), request.session(), request.position(),
            read.cells(), request.flowId()), ctx);
  }

  private void onStreamEnd(RepairProtocol.StreamEnd end, ActorContext<FabricMessage> ctx) {
    if (end.cells().isEmpty()) {
      onSectionWritten(end, ctx);
      return;
    }
    long done = host.disk().submit(ctx.now(), end.cells().totalBytes(), Disk.Access.SEQUENTIAL);
    ctx.schedule(new RepairProtocol.SectionWritten(end), done - ctx.now());
  }

  private void onSectionWritten(RepairProtocol.StreamEnd end, ActorContext<FabricMessage> ctx) {
    StorageEngine engine = host.engine();
    SortedCells cells = end.cells();
    long news = 0;
    for (int i = 0; i < cells.size(); i++) {
      Cell streamed = cells.cell(i);
      if (engine.newestCell(cells.key(i)).map(streamed::supersedes).orElse(true)) news++;
    }
    if (end.session() >= 0) metrics.keysRepaired.add(news);
    host.compact(engine.ingest(cells), ctx);
    host.send(end.coordinator(), end.flowId(), RepairProtocol.HEADER_BYTES,
        new RepairProtocol.SyncComplete(host.index(), end.session(), end.position(), end.flowId()), ctx);
  }
}
