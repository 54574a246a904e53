package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.PartitionBy;
import geosim.topology.DiskKind;
import geosim.topology.Placement;
import geosim.topology.Region;
import geosim.topology.ServerRole;
import geosim.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The shipped topology files load, and the compact and explicit forms mean the same thing. */
class TopologyReaderTest {
  private static final Logger LOG = LoggerFactory.getLogger(TopologyReaderTest.class);
  private static final Path TOPOLOGIES = Path.of("..", "configs", "topologies");

  @Test
  void singleDcHasOneDataCenterOfFourRacks() throws Exception {
    Topology t = TopologyReader.load(TOPOLOGIES.resolve("single-dc.conf"));
    assertEquals(1, t.regions().size());
    assertEquals(1, t.regions().get(0).dataCenters().size());
    assertEquals(4, t.regions().get(0).dataCenters().get(0).racks().size());
    assertEquals(126, t.serverCount());
    assertEquals("us-east/use1-a/rack-1/srv-1", t.servers().get(0).path());
    assertEquals("us-east/use1-a/rack-4/client-2", t.servers().get(125).path());
    Placement app = t.server("us-east/use1-a/rack-3/srv-7").orElseThrow();
    assertEquals(ServerRole.APP, app.server().role());
    assertEquals(32, app.server().spec().cores());
    assertEquals(DiskKind.HDD, app.server().spec().disk());
    assertEquals(64, app.server().spec().memoryGb(), "memory inherited from the defaults");
    assertEquals(256, t.server("us-east/use1-a/rack-4/cache-2").orElseThrow().server().spec().memoryGb());
  }

  @Test
  void threeRegionsHasTwoZonesEachAndASymmetricRttTable() throws Exception {
    Topology t = TopologyReader.load(TOPOLOGIES.resolve("three-regions.conf"));
    assertEquals(List.of("us-east", "us-west", "eu-west"), t.regions().stream().map(Region::name).toList());
    t.regions().forEach(r -> assertEquals(2, r.dataCenters().size(), r.name()));
    assertEquals(960, t.serverCount());
    assertEquals(80_550_000L, t.rttNs("us-east", "eu-west"));
    assertEveryPairSymmetric(t);
  }

  @Test
  void globalSixSpansFourContinentsWithEveryPairMeasured() throws Exception {
    Topology t = TopologyReader.load(TOPOLOGIES.resolve("global-6.conf"));
    assertEquals(List.of("us-east", "us-west", "eu-west", "ap-northeast", "ap-southeast", "sa-east"),
        t.regions().stream().map(Region::name).toList());
    assertEquals(1920, t.serverCount());
    assertEquals(15, t.rtt().rttNsByPair().size());
    assertEquals(328_100_000L, t.rttNs("sa-east", "ap-southeast"));
    assertTrue(t.regions().stream().anyMatch(r -> r.latitude() < 0), "a southern-hemisphere region");
    assertEveryPairSymmetric(t);
    Placement last = t.servers().get(t.serverCount() - 1);
    assertEquals("sa-east/sae1-b/rack-4/srv-40", last.path());
    assertEquals("sa-east/sae1-b/rack-4", PartitionBy.RACK.unitOf(last.path()));
  }

  @Test
  void generatedAndListedFormsGiveEqualTopologies() throws Exception {
    Topology compact = TopologyReader.parse("compact.conf", region(
        "{ name = a, racks = 2, servers-per-rack = 3, server { role = cache, nic-gbps = 25 } }"));
    Topology listed = TopologyReader.parse("listed.conf", region("{ name = a, server { role = cache }, racks = [\n"
        + "  { name = rack-1, servers = [ { name = srv-1, nic-gbps = 25 }, { name = srv-2, nic-gbps = 25 },"
        + " { name = srv-3, nic-gbps = 25 } ] }\n"
        + "  { name = rack-2, servers = 3, server { nic-gbps = 25 } }\n] }"));
    assertEquals(compact, listed);
    assertEquals(compact.hashCode(), listed.hashCode());
    Topology other = TopologyReader.parse("other.conf", region(
        "{ name = a, racks = 2, servers-per-rack = 3, server { role = cache, nic-gbps = 10 } }"));
    assertTrue(!compact.equals(other), "a different NIC makes a different topology");
  }

  @Test
  void generatedRacksShareTheirServerList() throws Exception {
    Topology t = TopologyReader.parse("t.conf", region("{ name = a, racks = 3 }"));
    var racks = t.regions().get(0).dataCenters().get(0).racks();
    assertSame(racks.get(0).servers(), racks.get(2).servers());
    Topology listed = TopologyReader.parse("t.conf", region(
        "{ name = a, racks = [ { name = r1 }, { name = r2 }, { name = r3, server { role = app } } ] }"));
    var three = listed.regions().get(0).dataCenters().get(0).racks();
    assertSame(three.get(0).servers(), three.get(1).servers());
    assertNotSame(three.get(1).servers(), three.get(2).servers());
  }

  @Test
  void hundredThousandServersBuildInLittleHeap() throws Exception {
    long before = usedHeapBytes();
    Topology t = TopologyReader.parse("big.conf", region("{ name = a, racks = 2500, servers-per-rack = 40 }"));
    long after = usedHeapBytes();
    assertEquals(100_000, t.serverCount());
    assertEquals("r/a/rack-2500/srv-40", t.servers().get(99_999).path());
    long mib = (after - before) >> 20;
    LOG.info("100,000-server topology: about {} MiB of heap after GC", mib);
    assertTrue(mib < 256, "100,000 servers took " + mib + " MiB");
    assertTrue(t.server("r/a/rack-1234/srv-17").isPresent());
  }

  @Test
  void missingFileNamesTheFile() {
    ScenarioConfigException e = assertThrows(ScenarioConfigException.class,
        () -> TopologyReader.load(Path.of("configs/topologies/nope.conf")));
    assertEquals(List.of("configs/topologies/nope.conf: file not found"), e.problems());
  }

  /** A one-region topology around one data center object. */
  static String region(String dataCenter) {
    return "topology.regions = [ { name = r, latitude = 0, longitude = 0, datacenters = [ " + dataCenter + " ] } ]\n";
  }

  private static void assertEveryPairSymmetric(Topology t) {
    for (Region a : t.regions()) {
      for (Region b : t.regions()) {
        long rtt = t.rttNs(a.name(), b.name());
        assertEquals(rtt, t.rttNs(b.name(), a.name()), a.name() + "-" + b.name());
        assertTrue(a == b ? rtt == 0 : rtt > 0, a.name() + "-" + b.name());
      }
    }
  }

  @SuppressWarnings("java:S1215") // a rough heap figure needs a collection first
  private static long usedHeapBytes() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
