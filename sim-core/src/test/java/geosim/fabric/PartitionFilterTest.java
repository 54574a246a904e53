package geosim.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import geosim.kernel.ActorContext;
import geosim.kernel.Kernel;
import geosim.kernel.KernelSettings;
import geosim.kernel.PartitionBy;
import geosim.kernel.RunResult;
import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.SimActor;
import geosim.network.NetworkDefaults;
import geosim.network.NetworkMode;
import geosim.network.NetworkSettings;
import geosim.network.PartitionSpec;
import geosim.scenario.TopologyReader;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A partition ({@link PartitionSpec}) between racks {rack-1, rack-2} and {rack-3} of one data
 * center (four racks of two servers), from 2 s to 5 s: every second from 1 s to 6 s, a server of
 * rack-1 sends to one of rack-3 and to one of rack-4, and the rack-3 server sends back to it. The
 * frames across the partition sent within its window are lost at their first hop, both ways; the
 * rest arrive, hop by hop and in paths mode.
 */
class PartitionFilterTest {
  private static final long S = 1_000_000_000L;
  private static final long SIZE_BYTES = 1500;
  /** Server indices: rack-1 srv-1, rack-3 srv-1, rack-4 srv-1. */
  private static final int RACK_1 = 0;
  private static final int RACK_3 = 4;
  private static final int RACK_4 = 6;
  private static final int[][] SENDS = {{RACK_1, RACK_3}, {RACK_1, RACK_4}, {RACK_3, RACK_1}};
  private static Topology topology;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();

  @BeforeAll
  static void setUp() throws Exception {
    topology = TopologyReader.parse("four-racks.conf", "topology.regions = [ { name = r, latitude = 0, longitude = 0,"
        + " datacenters = [ { name = dc, racks = 4, servers-per-rack = 2 } ] } ]\n");
  }

  private record Tick() implements FabricMessage {}

  private record Probe(int from, long sentNs) implements FramePayload {}

  /** Sends its frames of {@link #SENDS} every second; records the send time of each frame that reaches it, by sender. */
  private static final class Endpoint implements SimActor<FabricMessage> {
    private final Fabric fabric;
    private final int index;
    private final Ports nic;
    private final SortedMap<String, List<Long>> arrivals;

    Endpoint(Fabric fabric, int index, Ports nic, SortedMap<String, List<Long>> arrivals) {
      this.fabric = fabric;
      this.index = index;
      this.nic = nic;
      this.arrivals = arrivals;
    }

    @Override
    public void start(ActorContext<FabricMessage> ctx) {
      nic.start(ctx);
      ctx.startTimer(new Tick(), S);
    }

    @Override
    public void receive(FabricMessage message, ActorContext<FabricMessage> ctx) {
      if (message instanceof Tick) {
        for (int[] send : SENDS) {
          if (send[0] != index) continue;
          Frame frame = Frame.start(fabric.route(index, send[1], send[1]), SIZE_BYTES, new Probe(index, ctx.now()));
          nic.forward(frame, ctx);
        }
        if (ctx.now() < 6 * S) ctx.startTimer(new Tick(), S);
      } else if (message instanceof Frame frame && frame.arrived() && frame.payload() instanceof Probe probe) {
        arrivals.computeIfAbsent(probe.from() + "->" + index, k -> new ArrayList<>()).add(probe.sentNs() / S);
      } else if (message instanceof PortsMessage m) {
        nic.receive(m, ctx);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(NetworkMode.class)
  void framesAcrossThePartitionAreLostBothWaysOnlyWithinItsWindow(NetworkMode mode) throws Exception {
    PartitionSpec partition = new PartitionSpec(2 * S, 5 * S, List.of(List.of("r/dc/rack-1", "r/dc/rack-2"),
        List.of("r/dc/rack-3")));
    NetworkSettings network = new NetworkSettings(NetworkDefaults.CITED, List.of(), List.of(), mode)
        .withMorePartitions(List.of(partition));
    SortedMap<String, List<Long>> arrivals = new TreeMap<>();
    long endNs = 8 * S;
    KernelSettings kernel = KernelSettings.of(1, endNs, Fabric.lookaheadNs(topology, PartitionBy.NONE, endNs))
        .withMetricsInterval(endNs);
    Kernel.Builder builder = Kernel.builder(kernel);
    Fabric.populate(topology, network, builder, (f, server, placement, nic) -> new Endpoint(f, server, nic, arrivals));
    RunResult result = builder.build().run(RUNTIME.get());

    assertEquals(List.of(1L, 5L, 6L), arrivals.get(RACK_1 + "->" + RACK_3), "rack-1 to rack-3: " + arrivals);
    assertEquals(List.of(1L, 5L, 6L), arrivals.get(RACK_3 + "->" + RACK_1), "rack-3 to rack-1: " + arrivals);
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), arrivals.get(RACK_1 + "->" + RACK_4), "to rack-4: " + arrivals);
    assertEquals(6, result.counter(Fabric.LOST_AT_CUT), "sent at 2, 3 and 4 s, both ways");
    assertEquals(6 * SIZE_BYTES, result.counter(Fabric.BYTES_LOST));
    assertEquals(18, result.counter(Fabric.FRAMES));
    assertEquals(12, result.counter(Fabric.FRAMES_DELIVERED));
  }
}
