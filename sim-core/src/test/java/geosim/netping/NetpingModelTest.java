package geosim.netping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.fabric.Fabric;
import geosim.kernel.Kernel;
import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.KernelSettings;
import geosim.kernel.PartitionBy;
import geosim.kernel.RunResult;
import geosim.network.BackgroundFlowSpec;
import geosim.network.CutSpec;
import geosim.network.Degradation;
import geosim.network.DegradationSpec;
import geosim.network.LinkTier;
import geosim.network.NetworkDefaults;
import geosim.network.NetworkMode;
import geosim.network.NetworkSettings;
import geosim.scenario.TopologyReader;
import geosim.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips, drops and lookahead of the netping model, driven through the kernel in virtual time. */
class NetpingModelTest {
  private static final long MS = 1_000_000;
  /** Two servers in one rack: 40 us server-ToR links, 10 Gbit/s NICs (the topology defaults). */
  private static final String ONE_RACK = "topology { regions = [ { name = r, latitude = 0, longitude = 0,\n"
      + "  datacenters = [ { name = dc, link-latency = 40us, server { nic-gbps = 10 },\n"
      + "    racks = [ { name = rack-1, servers = 2 } ] } ] } ] }\n";
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();


  private static RunResult run(Topology topology, NetpingSettings settings, NetworkDefaults defaults, long endNs) {
    return run(topology, settings, new NetworkSettings(defaults, List.of(), List.of()), endNs);
  }

  private static RunResult run(Topology topology, NetpingSettings settings, NetworkSettings network, long endNs) {
    KernelSettings kernel = KernelSettings.of(1, endNs, Fabric.lookaheadNs(topology, PartitionBy.NONE, endNs))
        .withMetricsInterval(endNs / 2);
    Kernel.Builder builder = Kernel.builder(kernel);
    NetpingModel.populate(topology, settings, network, builder);
    return builder.build().run(RUNTIME.get());
  }

  private static final String SRV_1 = "r/dc/rack-1/srv-1";
  private static final String SRV_2 = "r/dc/rack-1/srv-2";
  private static final String TOR = "r/dc/rack-1/tor";

  @Test
  void sameRackRoundTripIsFourHopsOfPropagationAndSerialization() throws Exception {
    Topology topology = TopologyReader.parse("one-rack.conf", ONE_RACK);
    RunResult result = run(topology, new NetpingSettings(1_000 * MS, 1500, 0.5, 0), NetworkDefaults.CITED, 20_000 * MS);
    // srv -> tor -> srv and back: 4 hops of 40,000 ns propagation + 1500 B at 10 Gbit/s = 1,200 ns.
    long rttNs = 4 * (40_000 + 1_200);
    Histogram rtt = result.histograms().get(NetpingModel.RTT_US);
    assertTrue(result.counter(NetpingModel.OK) >= 20, "ok = " + result.counter(NetpingModel.OK));
    assertEquals(result.counter(NetpingModel.OK), rtt.getTotalCount());
    assertEquals(rttNs / 1_000, rtt.getMinValue(), "min rtt us");
    assertEquals(rttNs / 1_000, rtt.getMaxValue(), "max rtt us");
    assertEquals(0, result.counter(Fabric.DROPPED));
    long inFlight = result.counter(NetpingModel.SENT) - result.counter(NetpingModel.OK);
    assertTrue(inFlight <= 1, "at most the last ping is unanswered, got " + inFlight);
  }

  @Test
  void tinyNicBufferDropsUnderABurst() throws Exception {
    Topology topology = TopologyReader.parse("one-rack.conf", ONE_RACK);
    // Pings every 100 ns on average, 1500 B taking 1,200 ns each: the NIC queue overflows at once.
    NetpingSettings burst = new NetpingSettings(100, 1500, 0.5, 0);
    NetworkDefaults tiny = new NetworkDefaults(1500, 3000, 6_000_000, 1L << 30);
    RunResult small = run(topology, burst, tiny, MS);
    long sent = small.counter(NetpingModel.SENT);
    long dropped = small.counter(Fabric.DROPPED);
    assertTrue(dropped > sent / 2, "dropped " + dropped + " of " + sent);
    // Each NIC still sends at line rate: at most 1 ms / 1,200 ns + the 2 buffered messages each.
    long accepted = small.counter(Fabric.HOPS) - dropped;
    assertTrue(accepted > 0 && accepted <= 2 * (MS / 1_200 + 2) + 2 * (MS / 1_200 + 2), "accepted " + accepted);
    assertTrue(small.counter(NetpingModel.OK) + dropped <= sent);
    RunResult roomy = run(topology, burst, NetworkDefaults.CITED, MS);
    assertTrue(roomy.counter(Fabric.DROPPED) < dropped,
        "a 1.5 MB buffer drops fewer: " + roomy.counter(Fabric.DROPPED) + " vs " + dropped);
  }

  @Test
  void aBackgroundFlowLeavesPingsHalfTheLinkSoTheySerializeAtHalfSpeed() throws Exception {
    Topology topology = TopologyReader.parse("one-rack.conf", ONE_RACK);
    // 5 of the 10 Gbit/s from srv-1 to srv-2 for the whole run: srv-1's NIC and the ToR's port to srv-2.
    NetworkSettings network = new NetworkSettings(NetworkDefaults.CITED,
        List.of(new BackgroundFlowSpec("bulk", SRV_1, SRV_2, 5e9, 0, Long.MAX_VALUE)), List.of());
    RunResult result = run(topology, new NetpingSettings(1_000 * MS, 1500, 0.5, 0), network, 20_000 * MS);
    // Every round trip crosses both loaded ports once (one way or the other): 1500 B take 2,400 ns
    // there instead of 1,200 ns.
    long rttNs = 4 * 40_000 + 2 * 1_200 + 2 * 2_400;
    Histogram rtt = result.histograms().get(NetpingModel.RTT_US);
    assertTrue(rtt.getTotalCount() >= 20, "round trips " + rtt.getTotalCount());
    assertEquals(rttNs / 1_000, rtt.getMinValue());
    assertEquals(rttNs / 1_000, rtt.getMaxValue());
    // The loaded ports were busy half the time in each interval, give or take the pings' bits.
    Histogram links = result.histograms().get(Fabric.linkUtilizationMetric(LinkTier.SERVER_TOR));
    assertEquals(0.5, links.getMaxValue() / 1e6, 0.001, "3 significant digits");
    assertTrue(links.getMinValue() < 100, "unloaded ports carry only pings: " + links.getMinValue() + " ppm");
    assertEquals(2 * 4, links.getTotalCount(), "4 ports, 2 intervals");
  }

  @Test
  void aSaturatingFlowDropsThePingsThatCrossItUntilItEnds() throws Exception {
    Topology topology = TopologyReader.parse("one-rack.conf", ONE_RACK);
    NetworkSettings network = new NetworkSettings(NetworkDefaults.CITED,
        List.of(new BackgroundFlowSpec("storm", SRV_1, SRV_2, 40e9, 0, 10_000 * MS)), List.of());
    RunResult during = run(topology, new NetpingSettings(100 * MS, 1500, 0.5, 0), network, 10_000 * MS);
    assertEquals(0, during.counter(NetpingModel.OK), "every exchange crosses a saturated port");
    assertTrue(during.counter(Fabric.DROPPED) >= 150, "dropped " + during.counter(Fabric.DROPPED));
    RunResult after = run(topology, new NetpingSettings(100 * MS, 1500, 0.5, 0), network, 20_000 * MS);
    assertTrue(after.counter(NetpingModel.OK) >= 150, "ok after the flow " + after.counter(NetpingModel.OK));
    assertEquals(during.counter(Fabric.DROPPED), after.counter(Fabric.DROPPED), "no drop after 10 s");
  }

  @Test
  void aCutLosesEveryMessageThatReachesItAndHeals() throws Exception {
    Topology topology = TopologyReader.parse("one-rack.conf", ONE_RACK);
    NetworkSettings network = new NetworkSettings(NetworkDefaults.CITED, List.of(),
        List.of(CutSpec.isolate(0, 10_000 * MS, SRV_1)));
    RunResult during = run(topology, new NetpingSettings(100 * MS, 1500, 0.5, 0), network, 10_000 * MS);
    assertEquals(0, during.counter(NetpingModel.OK));
    assertEquals(0, during.counter(Fabric.DROPPED));
    assertEquals(during.counter(NetpingModel.SENT), during.counter(Fabric.LOST_AT_CUT));
    RunResult after = run(topology, new NetpingSettings(100 * MS, 1500, 0.5, 0), network, 20_000 * MS);
    assertEquals(during.counter(Fabric.LOST_AT_CUT), after.counter(Fabric.LOST_AT_CUT));
    assertTrue(after.counter(NetpingModel.OK) >= 150, "ok after healing " + after.counter(NetpingModel.OK));
  }

  /**
   * srv-1's cable to the ToR, degraded both ways by 50 us and to half its bandwidth: every round
   * trip crosses it once each way, so it takes exactly 2 x 50 us more, and 1500 B serialize in
   * 2,400 ns instead of 1,200 ns on both of the cable's ports; the same hop by hop and in paths mode.
   */
  @ParameterizedTest
  @EnumSource(NetworkMode.class)
  void aDegradedCableAddsItsLatencyExactlyToEachRoundTrip(NetworkMode mode) throws Exception {
    Topology topology = TopologyReader.parse("one-rack.conf", ONE_RACK);
    Degradation slower = new Degradation(50_000, 0, 0.5, Double.POSITIVE_INFINITY);
    NetworkSettings network = new NetworkSettings(NetworkDefaults.CITED, List.of(), List.of(), mode,
        List.of(new DegradationSpec(0, Long.MAX_VALUE, List.of(SRV_1, TOR), slower)));
    RunResult result = run(topology, new NetpingSettings(1_000 * MS, 1500, 0.5, 0), network, 20_000 * MS);
    long rttNs = 4 * 40_000 + 2 * 1_200 + 2 * 2_400 + 2 * 50_000;
    Histogram rtt = result.histograms().get(NetpingModel.RTT_US);
    assertTrue(rtt.getTotalCount() >= 20, "round trips " + rtt.getTotalCount());
    assertEquals(rttNs / 1_000, rtt.getMinValue(), "min rtt us");
    assertEquals(rttNs / 1_000, rtt.getMaxValue(), "max rtt us");
  }

  /**
   * A loss of 0.5 on srv-1's cable, both ways, from 0 to 10 s: a round trip survives it twice, so
   * about a quarter of the exchanges started then come back; every frame lost is counted; after
   * the degradation ends every exchange does.
   */
  @ParameterizedTest
  @EnumSource(NetworkMode.class)
  void aLossyCableLosesFramesWithItsProbabilityUntilItEnds(NetworkMode mode) throws Exception {
    Topology topology = TopologyReader.parse("one-rack.conf", ONE_RACK);
    Degradation lossy = new Degradation(0, 0.5, 1, Double.POSITIVE_INFINITY);
    NetworkSettings network = new NetworkSettings(NetworkDefaults.CITED, List.of(), List.of(), mode,
        List.of(new DegradationSpec(0, 10_000 * MS, List.of(SRV_1, TOR), lossy)));
    RunResult during = run(topology, new NetpingSettings(10 * MS, 1500, 0.5, 0), network, 10_000 * MS);
    long sent = during.counter(NetpingModel.SENT);
    double ok = during.counter(NetpingModel.OK) / (double) sent;
    assertTrue(sent > 1500, "sent " + sent);
    assertEquals(0.25, ok, 0.04, "share of exchanges answered");
    assertEquals(sent - during.counter(NetpingModel.OK), during.counter(Fabric.LOST_TO_LOSS), 2.0,
        "each exchange that failed lost one frame (the last may be in flight)");
    RunResult after = run(topology, new NetpingSettings(10 * MS, 1500, 0.5, 0), network, 20_000 * MS);
    assertEquals(during.counter(Fabric.LOST_TO_LOSS), after.counter(Fabric.LOST_TO_LOSS), 2.0, "no loss after 10 s");
  }

  @Test
  void theCpuQueuesPingsAsAnMm1Queue() throws Exception {
    Topology topology = TopologyReader.parse("one-rack-1-core.conf", ONE_RACK.replace("nic-gbps = 10", "nic-gbps = 10, cores = 1"));
    // Each server pings every 10 ms on average, so answers 100 pings/s at a 2 ms mean demand:
    // an M/M/1 queue at utilization 0.2, whose mean response is 2 ms / (1 - 0.2) = 2.5 ms.
    long endNs = 200_000 * MS;
    RunResult result = run(topology, new NetpingSettings(10 * MS, 1500, 0.5, 2 * MS), NetworkDefaults.CITED, endNs);
    long networkNs = 4 * (40_000 + 1_200);
    Histogram rtt = result.histograms().get(NetpingModel.RTT_US);
    double responseMs = (rtt.getMean() * 1_000 - networkNs) / MS;
    assertEquals(2.5, responseMs, 0.1, "mean CPU response, ms over " + rtt.getTotalCount() + " pings");
    double busy = result.counter(NetpingModel.CPU_BUSY_CORE_NS) / (2.0 * endNs);
    assertEquals(0.2, busy, 0.01, "CPU utilization");
    assertTrue(rtt.getMinValue() >= networkNs / 1_000, "never faster than the network");
  }

  @Test
  void lookaheadIsTheShortestLinkBetweenUnits() throws Exception {
    Topology topology = TopologyReader.load(Path.of("../configs/topologies/three-regions.conf"));
    long end = 120_000 * MS;
    assertEquals(72_740_000 / 2, Fabric.lookaheadNs(topology, PartitionBy.REGION, end), "WAN links only");
    assertEquals(250_000, Fabric.lookaheadNs(topology, PartitionBy.DATACENTER, end), "core-WAN uplink");
    assertEquals(40_000, Fabric.lookaheadNs(topology, PartitionBy.RACK, end), "ToR-aggregation");
    assertEquals(40_000, Fabric.lookaheadNs(topology, PartitionBy.SERVER, end), "server-ToR");
    assertEquals(end, Fabric.lookaheadNs(topology, PartitionBy.NONE, end), "no link crosses units");
  }

  @Test
  void flowIdsDifferBetweenPingsAndServers() {
    assertTrue(NetpingServer.flowId(0, 0) != NetpingServer.flowId(0, 1));
    assertTrue(NetpingServer.flowId(0, 1) != NetpingServer.flowId(1, 0));
    assertEquals(NetpingServer.flowId(3, 7), NetpingServer.flowId(3, 7));
  }
}
