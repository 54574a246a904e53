package geosim.netping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.Kernel;
import geosim.kernel.KernelRuntime;
import geosim.kernel.KernelSettings;
import geosim.kernel.PartitionBy;
import geosim.kernel.RunResult;
import geosim.network.NetworkDefaults;
import geosim.scenario.TopologyReader;
import geosim.topology.Topology;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Round trips, drops and lookahead of the netping model, driven through the kernel in virtual time. */
class NetpingModelTest {
  private static final long MS = 1_000_000;
  /** Two servers in one rack: 40 us server-ToR links, 10 Gbit/s NICs (the topology defaults). */
  private static final String ONE_RACK = "topology { regions = [ { name = r, latitude = 0, longitude = 0,\n"
      + "  datacenters = [ { name = dc, link-latency = 40us, server { nic-gbps = 10 },\n"
      + "    racks = [ { name = rack-1, servers = 2 } ] } ] } ] }\n";
  private static KernelRuntime runtime;

  @BeforeAll
  static void setUp() {
    runtime = new KernelRuntime();
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  private static RunResult run(Topology topology, NetpingSettings settings, NetworkDefaults defaults, long endNs) {
    KernelSettings kernel = KernelSettings.of(1, endNs, NetpingModel.lookaheadNs(topology, PartitionBy.NONE, endNs));
    Kernel.Builder builder = Kernel.builder(kernel);
    NetpingModel.populate(topology, settings, defaults, builder);
    return builder.build().run(runtime);
  }

  @Test
  void sameRackRoundTripIsFourHopsOfPropagationAndSerialization() throws Exception {
    Topology topology = TopologyReader.parse("one-rack.conf", ONE_RACK);
    RunResult result = run(topology, new NetpingSettings(1_000 * MS, 1500, 0.5), NetworkDefaults.CITED, 20_000 * MS);
    // srv -> tor -> srv and back: 4 hops of 40,000 ns propagation + 1500 B at 10 Gbit/s = 1,200 ns.
    long rttNs = 4 * (40_000 + 1_200);
    Histogram rtt = result.histograms().get(NetpingModel.RTT_US);
    assertTrue(result.counter(NetpingModel.OK) >= 20, "ok = " + result.counter(NetpingModel.OK));
    assertEquals(result.counter(NetpingModel.OK), rtt.getTotalCount());
    assertEquals(rttNs / 1_000, rtt.getMinValue(), "min rtt us");
    assertEquals(rttNs / 1_000, rtt.getMaxValue(), "max rtt us");
    assertEquals(0, result.counter(NetpingModel.DROPPED));
    long inFlight = result.counter(NetpingModel.SENT) - result.counter(NetpingModel.OK);
    assertTrue(inFlight <= 1, "at most the last ping is unanswered, got " + inFlight);
  }

  @Test
  void tinyNicBufferDropsUnderABurst() throws Exception {
    Topology topology = TopologyReader.parse("one-rack.conf", ONE_RACK);
    // Pings every 100 ns on average, 1500 B taking 1,200 ns each: the NIC queue overflows at once.
    NetpingSettings burst = new NetpingSettings(100, 1500, 0.5);
    NetworkDefaults tiny = new NetworkDefaults(1500, 3000, 6_000_000, 1L << 30);
    RunResult small = run(topology, burst, tiny, MS);
    long sent = small.counter(NetpingModel.SENT);
    long dropped = small.counter(NetpingModel.DROPPED);
    assertTrue(dropped > sent / 2, "dropped " + dropped + " of " + sent);
    // Each NIC still sends at line rate: at most 1 ms / 1,200 ns + the 2 buffered messages each.
    long accepted = small.counter(NetpingModel.HOPS) - dropped;
    assertTrue(accepted > 0 && accepted <= 2 * (MS / 1_200 + 2) + 2 * (MS / 1_200 + 2), "accepted " + accepted);
    assertTrue(small.counter(NetpingModel.OK) + dropped <= sent);
    RunResult roomy = run(topology, burst, NetworkDefaults.CITED, MS);
    assertTrue(roomy.counter(NetpingModel.DROPPED) < dropped,
        "a 1.5 MB buffer drops fewer: " + roomy.counter(NetpingModel.DROPPED) + " vs " + dropped);
  }

  @Test
  void lookaheadIsTheShortestLinkBetweenUnits() throws Exception {
    Topology topology = TopologyReader.load(Path.of("../configs/topologies/three-regions.conf"));
    long end = 120_000 * MS;
    assertEquals(72_740_000 / 2, NetpingModel.lookaheadNs(topology, PartitionBy.REGION, end), "WAN links only");
    assertEquals(250_000, NetpingModel.lookaheadNs(topology, PartitionBy.DATACENTER, end), "core-WAN uplink");
    assertEquals(40_000, NetpingModel.lookaheadNs(topology, PartitionBy.RACK, end), "ToR-aggregation");
    assertEquals(40_000, NetpingModel.lookaheadNs(topology, PartitionBy.SERVER, end), "server-ToR");
    assertEquals(end, NetpingModel.lookaheadNs(topology, PartitionBy.NONE, end), "no link crosses units");
  }

  @Test
  void flowIdsDifferBetweenPingsAndServers() {
    assertTrue(NetpingServer.flowId(0, 0) != NetpingServer.flowId(0, 1));
    assertTrue(NetpingServer.flowId(0, 1) != NetpingServer.flowId(1, 0));
    assertEquals(NetpingServer.flowId(3, 7), NetpingServer.flowId(3, 7));
  }
}
