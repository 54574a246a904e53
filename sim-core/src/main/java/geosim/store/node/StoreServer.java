package geosim.store.node;

import geosim.fabric.Fabric;
import geosim.fabric.FabricMessage;
import geosim.fabric.Frame;
import geosim.fabric.FramePayload;
import geosim.fabric.LinkChangesDue;
import geosim.fabric.Ports;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.SimActor;
import geosim.node.Cpu;
import geosim.node.Disk;
import geosim.store.repair.AntiEntropy;
import geosim.store.repair.RepairProtocol;
import geosim.store.ring.ReplicaPlacement;
import org.HdrHistogram.Histogram;

/**
 * A store node: a {@link Replica} of the keys the ring gives it and a {@link Coordinator} of its
 * clients' requests, on one server with its NIC (the first hop of everything it sends), CPU and
 * disk. Store messages to another server cross the fabric (hop by hop, or in one step in
 * paths mode: {@link geosim.network.NetworkMode}); a message to itself (the
 * coordinator is one of the key's replicas) is a zero-delay timer and never touches the network.
 * At every snapshot it records its CPU's and disk's utilization over the interval.
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
  private final AntiEntropy antiEntropy;
  private final long[] sampledBusyNs = new long[2];
  private long sampledAtNs;
  private Counter messages;

  StoreServer(Fabric fabric, int index, Ports nic, Cpu cpu, Disk disk, StoreSettings settings,
      ReplicaPlacement placement, StoreLayout layout) {
    this.fabric = fabric;
    this.index = index;
    this.nic = nic;
    this.cpu = cpu;
    this.disk = disk;
    this.replica = new Replica(this, settings, cpu, disk);
    this.coordinator = new Coordinator(this, settings, placement, layout, fabric.serverCount(),
        fabric.regionName(fabric.regionOf(index)));
    this.antiEntropy = new AntiEntropy(new NodeRepairHost(this, fabric), settings.repair(), placement);
  }

  @Override
  public void start(ActorContext<FabricMessage> ctx) {
    nic.start(ctx);
    messages = ctx.metrics().counter(StoreModel.MESSAGES);
    String region = fabric.regionName(fabric.regionOf(index));
    Histogram cpuPpm = ctx.metrics().histogram(StoreModel.cpuUtilizationMetric(region));
    Histogram diskPpm = ctx.metrics().histogram(StoreModel.diskUtilizationMetric(region));
    ctx.metrics().sampleAtSnapshots(atNs -> sample(atNs, cpuPpm, diskPpm));
    replica.start(ctx);
    coordinator.start(ctx);
    antiEntropy.start(ctx);
  }

  @Override
  public void receive(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof Frame frame && frame.arrived() && frame.payload() instanceof FabricMessage payload) {
      handle(payload, ctx);
    } else if (message instanceof LinkChangesDue) {
      nic.applyDue(ctx);
    } else if (!(message instanceof Frame)) {
      handle(message, ctx);
    } else {
      unknown(message, ctx);
    }
  }

  private void handle(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof StoreProtocol.NextRequest) {
      coordinator.onNextRequest(ctx);
    } else if (message instanceof StoreProtocol.MutationAck ack) {
      coordinator.onMutationAck(ack, ctx);
    } else if (message instanceof StoreProtocol.ReadResponse response) {
      coordinator.onReadResponse(response, ctx);
    } else if (message instanceof StoreProtocol.RequestTimedOut timedOut) {
      coordinator.onTimeout(timedOut.requestId(), ctx);
    } else if (message instanceof StoreProtocol.Mutation mutation) {
      replica.onMutation(mutation, ctx);
    } else if (message instanceof StoreProtocol.MutationHandled handled) {
      replica.onMutationHandled(handled.mutation(), ctx);
    } else if (message instanceof StoreProtocol.MutationLogged logged) {
      replica.onMutationLogged(logged.mutation(), logged.appliedNs(), ctx);
    } else if (message instanceof StoreProtocol.ReadRequest read) {
      replica.onRead(read, ctx);
    } else if (message instanceof StoreProtocol.ReadHandled handled) {
      replica.onReadHandled(handled.read(), ctx);
    } else if (message instanceof StoreProtocol.ReadServed served) {
      replica.respond(served.read(), served.cell(), ctx);
    } else {
      handleBackground(message, ctx);
    }
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
    } else if (message instanceof RepairProtocol.RepairMessage repair) {
      antiEntropy.receive(repair, ctx);
    } else if (message instanceof StoreProtocol.ReadRepairExpired expired) {
      coordinator.onReadRepairExpired(expired.requestId());
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
      ctx.startTimer((FabricMessage) payload, 0);
      return;
    }
    messages.increment();
    nic.forward(Frame.start(fabric.route(index, to, flowId), sizeBytes, payload), ctx);
  }

  /** CPU and disk utilization since the previous snapshot, parts per million. */
  private void sample(long atNs, Histogram cpuPpm, Histogram diskPpm) {
    long cpuBusy = cpu.busyCoreNs(atNs);
    long diskBusy = disk.busyChannelNs(atNs);
    if (atNs > sampledAtNs) {
      long interval = atNs - sampledAtNs;
      cpuPpm.recordValue(Math.round(Cpu.utilization(cpuBusy - sampledBusyNs[0], cpu.cores(), interval) * 1e6));
      diskPpm.recordValue(Math.round(Cpu.utilization(diskBusy - sampledBusyNs[1], disk.channels(), interval) * 1e6));
    }
    sampledBusyNs[0] = cpuBusy;
    sampledBusyNs[1] = diskBusy;
    sampledAtNs = atNs;
  }

  int index() {
    return index;
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
}
