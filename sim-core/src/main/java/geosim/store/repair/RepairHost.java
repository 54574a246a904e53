package geosim.store.repair;

import geosim.fabric.FabricMessage;
import geosim.fabric.FramePayload;
import geosim.kernel.ActorContext;
import geosim.node.Cpu;
import geosim.node.Disk;
import geosim.store.storage.CompactionTask;
import geosim.store.storage.StorageEngine;
import java.util.List;

/** What anti-entropy needs from the store node it runs on: its resources, its engine, its messages. */
public interface RepairHost {
  /** The node's index (server and ring node). */
  int index();

  Cpu cpu();

  Disk disk();

  /** The node's storage engine: validation reads it, received streams are added to it. */
  StorageEngine engine();

  /** Sends a message to node {@code to} over the fabric, or to itself at once. */
  void send(int to, long flowId, long sizeBytes, FramePayload payload, ActorContext<FabricMessage> ctx);

  /** Bytes per second the path to node {@code to} carries: its bottleneck link's bandwidth. */
  double lineBytesPerSecond(int to, long flowId);

  /** Runs compactions the engine started (after a received stream became an SSTable). */
  void compact(List<CompactionTask> tasks, ActorContext<FabricMessage> ctx);
}
