package geosim.store.repair;

import geosim.fabric.FabricMessage;
import geosim.fabric.FramePayload;
import geosim.kernel.ActorContext;
import java.util.ArrayDeque;

/**
 * A node's paced sender of repair's bulk transfers (Merkle trees and streamed sections): each
 * transfer leaves as frames of one chunk each over the fabric, the last carrying the message
 * itself, one chunk every chunk / rate seconds, transfers in the order they were handed in.
 * Streamed sections go at the node's streaming throttle (Cassandra's
 * stream_throughput_outbound_megabits_per_sec [1]); trees, which Cassandra sends as ordinary
 * messages, go at the line rate of their path (its bottleneck link), as a TCP transfer would. So
 * a tree of 2^15 x 32 B = 1 MiB never lands on a NIC queue of 1.5 MB as one frame (the fabric's
 * frames are single units, and no TCP recovers a tail drop), and foreground frames interleave
 * with the chunks.
 *
 * <p>Frames rather than fluid background flows: what is sent is known only during the run, and
 * paced chunks share links and egress queues with foreground requests the way a throttled TCP
 * stream does, at one event per chunk and hop.
 *
 * <p>[1] cassandra.yaml (1.x to 3.x), stream_throughput_outbound_megabits_per_sec: 200.
 */
final class Outbox {
  private final RepairHost host;
  private final int chunkBytes;
  private final double streamBytesPerSecond;
  private final ArrayDeque<Transfer> queue = new ArrayDeque<>();
  private boolean pacing;
  private long nextTransfer;

  /** A transfer being sent: where, its message, and the bytes not yet sent. */
  private static final class Transfer {
    final int to;
    final long flowId;
    final FramePayload last;
    final long id;
    final double bytesPerSecond;
    long bytesLeft;

    Transfer(int to, long flowId, long bytes, FramePayload last, long id, double bytesPerSecond) {
      this.bytesPerSecond = bytesPerSecond;
      this.to = to;
      this.flowId = flowId;
      this.bytesLeft = bytes;
      this.last = last;
      this.id = id;
    }
  }

  /**
   * @param chunkBytes bytes per frame, >= 1
   * @param streamBytesPerSecond the streaming throttle, > 0
   */
  Outbox(RepairHost host, int chunkBytes, double streamBytesPerSecond) {
    this.host = host;
    this.chunkBytes = chunkBytes;
    this.streamBytesPerSecond = streamBytesPerSecond;
  }

  /** Queues a message of {@code bytes} (>= 0, headers aside) to node {@code to} at the path's line rate. */
  void send(int to, long flowId, long bytes, FramePayload last, ActorContext<FabricMessage> ctx) {
    enqueue(new Transfer(to, flowId, bytes, last, nextTransfer++, host.lineBytesPerSecond(to, flowId)), ctx);
  }

  /** Queues a stream of {@code bytes} to node {@code to} at the throttle (or the line rate, if lower). */
  void stream(int to, long flowId, long bytes, FramePayload last, ActorContext<FabricMessage> ctx) {
    double rate = Math.min(streamBytesPerSecond, host.lineBytesPerSecond(to, flowId));
    enqueue(new Transfer(to, flowId, bytes, last, nextTransfer++, rate), ctx);
  }

  private void enqueue(Transfer transfer, ActorContext<FabricMessage> ctx) {
    queue.add(transfer);
    if (!pacing) sendChunk(ctx);
  }

  /** The throttle's timer: the next chunk may go. */
  void onNextChunk(ActorContext<FabricMessage> ctx) {
    pacing = false;
    sendChunk(ctx);
  }

  /** Sends the next chunk of the first transfer in line, and sets the throttle's timer for the one after. */
  private void sendChunk(ActorContext<FabricMessage> ctx) {
    Transfer transfer = queue.peek();
    if (transfer == null) return;
    long chunk = Math.min(transfer.bytesLeft, chunkBytes);
    transfer.bytesLeft -= chunk;
    FramePayload payload = transfer.last;
    if (transfer.bytesLeft > 0) {
      payload = new RepairProtocol.StreamChunk(host.index(), transfer.id);
    } else {
      queue.poll();
    }
    host.send(transfer.to, transfer.flowId, RepairProtocol.HEADER_BYTES + chunk, payload, ctx);
    if (chunk == 0) {
      sendChunk(ctx);
      return;
    }
    pacing = true;
    ctx.schedule(new RepairProtocol.NextChunk(), Math.max(1, (long) Math.ceil(chunk * 1e9 / transfer.bytesPerSecond)));
  }
}
