package geosim.store.node;

import geosim.fabric.Fabric;
import geosim.fabric.FabricMessage;
import geosim.fabric.FramePayload;
import geosim.kernel.ActorContext;
import geosim.node.Cpu;
import geosim.node.Disk;
import geosim.store.repair.RepairHost;
import geosim.store.storage.CompactionTask;
import geosim.store.storage.StorageEngine;
import java.util.List;

/** A {@link StoreServer} as anti-entropy repair sees it: its resources, its replica's engine, its sending. */
final class NodeRepairHost implements RepairHost {
  private final StoreServer server;
  private final Fabric fabric;

  NodeRepairHost(StoreServer server, Fabric fabric) {
    this.server = server;
    this.fabric = fabric;
  }

  @Override
  public int index() {
    return server.index();
  }

  @Override
  public Cpu cpu() {
    return server.cpu();
  }

  @Override
  public Disk disk() {
    return server.disk();
  }

  @Override
  public StorageEngine engine() {
    return server.replica().engine();
  }

  @Override
  public void send(int to, long flowId, long sizeBytes, FramePayload payload, ActorContext<FabricMessage> ctx) {
    server.send(to, flowId, sizeBytes, payload, ctx);
  }

  @Override
  public double lineBytesPerSecond(int to, long flowId) {
    return to == server.index() ? Double.POSITIVE_INFINITY
        : fabric.route(server.index(), to, flowId).bottleneckGbps() * 1e9 / 8;
  }

  @Override
  public void compact(List<CompactionTask> tasks, ActorContext<FabricMessage> ctx) {
    server.replica().compact(tasks, ctx);
  }
}
