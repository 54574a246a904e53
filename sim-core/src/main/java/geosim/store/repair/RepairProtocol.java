package geosim.store.repair;

import geosim.fabric.FabricMessage;
import geosim.fabric.FramePayload;
import geosim.store.storage.SortedCells;
import java.util.Objects;

/**
 * Messages of anti-entropy repair. The wire messages travel in frames over the fabric like every
 * store message (a node's message to itself is a zero-delay timer); the others are a node's own
 * timers. A session is named by its coordinator and its number there; a range by its ring
 * position.
 */
public final class RepairProtocol {
  private RepairProtocol() {}

  /** Header bytes of every repair message on the wire. Assumption: as the store's request header. */
  public static final int HEADER_BYTES = 64;

  /** Any repair message: the store node hands these to its {@link AntiEntropy}. */
  public sealed interface RepairMessage extends FabricMessage
      permits StartSession, ValidationRequest, ValidationRead, ValidationHashed, TreeResponse, SyncRequest,
      SectionRead, NextChunk, StreamChunk, StreamEnd, SectionWritten, SyncComplete {}

  /** Timer: a scheduled repair session starts at this node. */
  public record StartSession() implements RepairMessage {}

  /** Coordinator to replica: build your tree of the range at {@code position}. */
  public record ValidationRequest(int coordinator, long session, int position, long flowId)
      implements RepairMessage, FramePayload {}

  /** Timer: validation's sequential read of the range is done; hashing starts. */
  public record ValidationRead(ValidationRequest request, MerkleTree tree) implements RepairMessage {}

  /** Timer: validation's hashing is done; the tree goes to the coordinator. */
  public record ValidationHashed(ValidationRequest request, MerkleTree tree) implements RepairMessage {}

  /** Replica to coordinator: its tree of the range. */
  public record TreeResponse(int replica, long session, int position, MerkleTree tree, long flowId)
      implements RepairMessage, FramePayload {
    public TreeResponse {
      Objects.requireNonNull(tree, "tree");
    }
  }

  /**
   * Coordinator to a replica: stream your cells in {@code leaves} (ascending) of a tree of {@code
   * depth} over the range at {@code position} to {@code target} (depth 0 and leaf 0: the whole
   * range). The array is the message's own; nobody changes it. A session below 0 is a range
   * movement's ({@link AntiEntropy#requestStream}), not a repair's.
   */
  public record SyncRequest(int coordinator, long session, int position, int target, int depth, int[] leaves,
      long flowId) implements RepairMessage, FramePayload {
    public SyncRequest {
      RepairSettings.checkDepth(depth);
      leaves = leaves.clone();
    }

    /** Whether it streams for a range movement (bootstrap, decommission) rather than a repair. */
    public boolean isMovement() {
      return session < 0;
    }
  }

  /** Timer: the source has read the section it streams. */
  public record SectionRead(SyncRequest request, SortedCells cells) implements RepairMessage {}

  /** Timer: the node's stream throttle lets the next chunk go. */
  public record NextChunk() implements RepairMessage {}

  /** Source to target: one chunk of a stream, its bytes only (the cells ride on the {@link StreamEnd}). */
  public record StreamChunk(int source, long stream) implements RepairMessage, FramePayload {}

  /** Source to target: the last chunk of a stream, with the cells streamed. */
  public record StreamEnd(int source, int coordinator, long session, int position, SortedCells cells, long flowId)
      implements RepairMessage, FramePayload {
    public StreamEnd {
      Objects.requireNonNull(cells, "cells");
    }
  }

  /** Timer: the target has written a received section to disk; now it is added to its SSTables. */
  public record SectionWritten(StreamEnd end) implements RepairMessage {}

  /** Target to coordinator: a stream of the range is received and applied. */
  public record SyncComplete(int target, long session, int position, long flowId)
      implements RepairMessage, FramePayload {}
}
