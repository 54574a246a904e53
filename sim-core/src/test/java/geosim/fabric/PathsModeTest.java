package geosim.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.ActorContext;
import geosim.kernel.Kernel;
import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.KernelSettings;
import geosim.kernel.PartitionBy;
import geosim.kernel.RunResult;
import geosim.kernel.SimActor;
import geosim.network.BackgroundFlowSpec;
import geosim.network.CutSpec;
import geosim.network.NetworkDefaults;
import geosim.network.NetworkMode;
import geosim.network.NetworkSettings;
import geosim.scenario.TopologyReader;
import geosim.topology.Topology;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link NetworkMode#PATHS} against {@link NetworkMode#HOPS} on three-regions.conf: server 0
 * (us-east/use1-a/rack-1/srv-1) sends one message at a time, a second apart, to a server in its
 * rack, in another rack, in the other data center of its region and in each other region. With
 * empty queues both modes must deliver each at exactly the same time.
 */
class PathsModeTest {
  private static final long SECOND_NS = 1_000_000_000L;
  /** Server indices in three-regions.conf (4 racks x 40 servers per data center, 2 per region). */
  private static final int[] TARGETS = {1, 40, 160, 320, 640};
  private static final long SIZE_BYTES = 1500;
  private static Topology topology;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();

  @BeforeAll
  static void setUp() throws Exception {
    topology = TopologyReader.load(Path.of("../configs/topologies/three-regions.conf"));
  }

  /** Timer of server 0: send the next message. */
  private record SendNext(int target) implements FabricMessage {}

  private record Probe(int target) implements FramePayload {}

  /** Server 0 sends to each target in turn; every target records when its message arrived. */
  private static final class Endpoint implements SimActor<FabricMessage> {
    private final Fabric fabric;
    private final int index;
    private final Ports nic;
    private final long[] arrivalsNs;

    Endpoint(Fabric fabric, int index, Ports nic, long[] arrivalsNs) {
      this.fabric = fabric;
      this.index = index;
      this.nic = nic;
      this.arrivalsNs = arrivalsNs;
    }

    @Override
    public void start(ActorContext<FabricMessage> ctx) {
      nic.start(ctx);
      if (index == 0) ctx.startTimer(new SendNext(0), SECOND_NS);
    }

    @Override
    public void receive(FabricMessage message, ActorContext<FabricMessage> ctx) {
      if (message instanceof SendNext next) {
        int to = TARGETS[next.target()];
        nic.forward(Frame.start(fabric.route(index, to, 17 + next.target()), SIZE_BYTES, new Probe(next.target())), ctx);
        if (next.target() + 1 < TARGETS.length) ctx.startTimer(new SendNext(next.target() + 1), SECOND_NS);
      } else if (message instanceof Frame frame && frame.arrived() && frame.payload() instanceof Probe probe) {
        arrivalsNs[probe.target()] = ctx.now();
      } else if (message instanceof PortsMessage m) {
        nic.receive(m, ctx);
      }
    }
  }

  private record Outcome(long[] arrivalsNs, RunResult result) {}

  private static Outcome run(NetworkSettings network) throws Exception {
    long endNs = (TARGETS.length + 2) * SECOND_NS;
    KernelSettings kernel = KernelSettings.of(1, endNs, Fabric.lookaheadNs(topology, PartitionBy.NONE, endNs))
        .withMetricsInterval(endNs);
    Kernel.Builder builder = Kernel.builder(kernel);
    long[] arrivals = new long[TARGETS.length];
    Arrays.fill(arrivals, -1);
    Fabric.populate(topology, network, builder, (f, server, placement, nic) -> new Endpoint(f, server, nic, arrivals));
    return new Outcome(arrivals, builder.build().run(RUNTIME.get()));
  }

  private static NetworkSettings network(List<BackgroundFlowSpec> flows, List<CutSpec> cuts) {
    return new NetworkSettings(NetworkDefaults.CITED, flows, cuts);
  }

  @Test
  void uncongestedMessagesArriveAtTheSameTimeInBothModes() throws Exception {
    NetworkSettings hops = network(List.of(), List.of());
    Outcome byHops = run(hops);
    Outcome byPaths = run(hops.withMode(NetworkMode.PATHS));
    for (long at : byHops.arrivalsNs()) assertTrue(at > 0, "every message arrives: " + Arrays.toString(byHops.arrivalsNs()));
    assertArrayEquals(byHops.arrivalsNs(), byPaths.arrivalsNs());
    // The same rack: two 40 us links, 1500 B at 10 Gbit/s (1,200 ns) on each.
    assertEquals(SECOND_NS + 2 * (40_000 + 1_200), byPaths.arrivalsNs()[0]);
    for (String counter : List.of(Fabric.FRAMES, Fabric.FRAMES_DELIVERED, Fabric.BYTES_SENT, Fabric.BYTES_DELIVERED, Fabric.HOPS)) {
      assertEquals(byHops.result().counter(counter), byPaths.result().counter(counter), counter);
    }
    assertTrue(byPaths.result().events() < byHops.result().events() / 2,
        "one event per message: " + byPaths.result().events() + " vs " + byHops.result().events());
  }

  @Test
  void aBackgroundFlowSlowsSerializationOnItsLinksInBothModes() throws Exception {
    // 9 of 10 Gbit/s on us-east/use1-a's rack-1 srv-2's links: the ToR's port down to it serializes at 1 Gbit/s.
    String from = topology.servers().get(2).path();
    String to = topology.servers().get(1).path();
    NetworkSettings hops = network(List.of(new BackgroundFlowSpec("bulk", from, to, 9e9, 0, Long.MAX_VALUE)), List.of());
    Outcome byHops = run(hops);
    Outcome byPaths = run(hops.withMode(NetworkMode.PATHS));
    assertArrayEquals(byHops.arrivalsNs(), byPaths.arrivalsNs());
    assertEquals(SECOND_NS + 2 * 40_000 + 1_200 + 12_000, byPaths.arrivalsNs()[0]);
  }

  @Test
  void aCutInsideTheNetworkLosesTheMessagesThatCrossItAtTheSendTime() throws Exception {
    NetworkSettings hops = network(List.of(), List.of(CutSpec.isolate(0, Long.MAX_VALUE, "eu-west")));
    Outcome byHops = run(hops);
    Outcome byPaths = run(hops.withMode(NetworkMode.PATHS));
    assertArrayEquals(byHops.arrivalsNs(), byPaths.arrivalsNs());
    assertEquals(-1, byPaths.arrivalsNs()[TARGETS.length - 1], "eu-west is cut off");
    assertEquals(1, byPaths.result().counter(Fabric.LOST_AT_CUT));
    assertEquals(byHops.result().counter(Fabric.HOPS), byPaths.result().counter(Fabric.HOPS), "hops up to the cut");
  }
}
