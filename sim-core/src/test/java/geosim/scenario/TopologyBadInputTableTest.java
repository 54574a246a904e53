package geosim.scenario;

import static geosim.scenario.TopologyReaderTest.region;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact problem lines users see for bad topologies: each row is a topology text and
 * every line the reader must report, in order. The CLI turns these into exit code 2.
 */
class TopologyBadInputTableTest {
  private static final String FILE = "configs/topologies/x.conf";
  private static final String DC = "topology.regions[0].datacenters[0]";
  private static final String TWO_REGIONS = "topology.regions = [\n"
      + "  { name = a, latitude = 0, longitude = 0, datacenters = [ { name = a1, racks = 1 } ] }\n"
      + "  { name = b, latitude = 0, longitude = 0, datacenters = [ { name = b1, racks = 1 } ] }\n"
      + "  { name = c, latitude = 0, longitude = 0, datacenters = [ { name = c1, racks = 1 } ] }\n"
      + "]\n";

  static Stream<Arguments> badTopologies() {
    return Stream.of(
        row("misspelt key suggests the closest key",
            region("{ name = a, racks = 2,\n servers-per-rak = 4 }"),
            FILE + ":2: " + DC + ".servers-per-rak: unknown key (did you mean " + DC + ".servers-per-rack?)"),
        row("unknown top-level key",
            "topolgy.regions = []\n",
            FILE + ":1: topolgy: unknown key (did you mean topology?)",
            FILE + ":1: topology: missing"),
        row("zero bandwidth",
            region("{ name = a, racks = 2, core-link-gbps = 0 }"),
            FILE + ":1: " + DC + ".core-link-gbps: must be > 0, got 0"),
        row("negative bandwidth of the WAN uplink, wrong type of its latency",
            region("{ name = a, racks = 2, wan-uplink { latency = soon, bandwidth-gbps = -10 } }"),
            FILE + ":1: " + DC + ".wan-uplink.latency: expected a duration such as 150ms, 10s, 2h or 3d, got 'soon'",
            FILE + ":1: " + DC + ".wan-uplink.bandwidth-gbps: must be > 0, got -10"),
        row("negative latency",
            region("{ name = a, racks = 2,\n link-latency = -1ms }"),
            FILE + ":2: " + DC + ".link-latency: must be >= 0, got -1ms"),
        row("duplicate region",
            "topology.regions = [\n"
                + "  { name = a, latitude = 0, longitude = 0, datacenters = [ { name = a1, racks = 1 } ] }\n"
                + "  { name = a, latitude = 1, longitude = 1, datacenters = [ { name = a1, racks = 1 } ] }\n]\n",
            FILE + ":3: topology.regions[1].name: duplicate region 'a' (also topology.regions[0])"),
        row("duplicate data center",
            region("{ name = a, racks = 1 },\n { name = a, racks = 2 }"),
            FILE + ":2: topology.regions[0].datacenters[1].name: duplicate data center 'a'"
                + " (also topology.regions[0].datacenters[0])"),
        row("duplicate rack and duplicate server",
            region("{ name = a, racks = [\n { name = r1 }\n { name = r1, servers = [ { name = s }, { name = s } ] }\n] }"),
            FILE + ":3: " + DC + ".racks[1].servers[1].name: duplicate server 's' (also " + DC + ".racks[1].servers[0])",
            FILE + ":3: " + DC + ".racks[1].name: duplicate rack 'r1' (also " + DC + ".racks[0])"),
        row("rtt names a region that does not exist, and a pair is missing",
            TWO_REGIONS + "topology.rtt = [\n  { between = [a, b], rtt = 10ms }\n  { between = [b, z], rtt = 10ms }\n]\n",
            FILE + ":8: topology.rtt[1].between: unknown region 'z'; topology.regions lists a, b, c",
            FILE + ":6: topology.rtt: no round-trip time between a and c",
            FILE + ":6: topology.rtt: no round-trip time between b and c"),
        row("no rtt table at all for several regions",
            TWO_REGIONS,
            FILE + ":1: topology.rtt: no round-trip time between a and b",
            FILE + ":1: topology.rtt: no round-trip time between a and c",
            FILE + ":1: topology.rtt: no round-trip time between b and c"),
        row("duplicate rtt pair in either order, and a zero rtt",
            TWO_REGIONS + "topology.rtt = [\n  { between = [a, b], rtt = 10ms }\n  { between = [b, a], rtt = 0 }\n"
                + "  { between = [a, c], rtt = 1ms }, { between = [b, c], rtt = 1ms }\n]\n",
            FILE + ":8: topology.rtt[1].rtt: must be > 0, got 0",
            FILE + ":8: topology.rtt[1].between: duplicate round-trip time between b and a (also topology.rtt[0])"),
        row("zero servers, generated or counted",
            region("{ name = a, racks = 2, servers-per-rack = 0 },\n { name = b, racks = [ { name = r, servers = 0 } ] }"),
            FILE + ":1: " + DC + ".servers-per-rack: must be between 1 and 100000, got 0",
            FILE + ":2: topology.regions[0].datacenters[1].racks[0].servers: must be between 1 and 100000, got 0"),
        row("unknown role and disk",
            region("{ name = a, racks = [ { name = r, servers = [\n { name = s, role = db, disk = nvme } ] } ] }"),
            FILE + ":2: " + DC + ".racks[0].servers[0].role: expected one of store|app|cache|client, got 'db'",
            FILE + ":2: " + DC + ".racks[0].servers[0].disk: expected one of hdd|ssd, got 'nvme'"),
        row("a bad data-center server is reported once, not per inheriting server",
            region("{ name = a, server { cores = 0 }, racks = [ { name = r, servers = [ { name = s1 }, { name = s2 } ] } ] }"),
            FILE + ":1: " + DC + ".server.cores: must be between 1 and 1024, got 0"),
        row("wrong types",
            "topology.regions = [ { name = r, latitude = north, longitude = 0,\n datacenters = [ { name = a, racks = three } ] } ]\n",
            FILE + ":1: topology.regions[0].latitude: expected a number, got 'north'",
            FILE + ":2: " + DC + ".racks: expected a number of racks or a list, such as 4, or"
                + " [ { name = rack-1, servers = 40 } ], got 'three'"),
        row("names that are switches",
            region("{ name = wan, racks = [ { name = agg-1 } ] }"),
            FILE + ":1: " + DC + ".name: 'wan' is the name of the region's WAN router, choose another",
            FILE + ":1: " + DC + ".racks[0].name: 'agg-1' is the name of a switch of the data center, choose another"),
        row("out-of-range coordinates, missing data centers, bad name",
            "topology.regions = [ { name = US, latitude = 91, longitude = -181 } ]\n",
            FILE + ":1: topology.regions[0].name: expected a name matching [a-z][a-z0-9-]*, got 'US'",
            FILE + ":1: topology.regions[0].latitude: must be between -90 and 90, got 91",
            FILE + ":1: topology.regions[0].longitude: must be between -180 and 180, got -181",
            FILE + ":1: topology.regions[0].datacenters: missing"),
        row("empty lists",
            region("{ name = a, racks = [] }"),
            FILE + ":1: " + DC + ".racks: must list at least one rack"),
        row("oversubscription below 1",
            region("{ name = a, racks = [ { name = r,\n tor-uplink-oversubscription = 0.5 } ] }"),
            FILE + ":2: " + DC + ".racks[0].tor-uplink-oversubscription: must be between 1 and 1000, got 0.5"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTopologies")
  void reportsExactProblemLines(String why, String text, List<String> expected) {
    ScenarioConfigException e =
        assertThrows(ScenarioConfigException.class, () -> TopologyReader.parse(FILE, text));
    assertEquals(expected, e.problems(), why);
  }

  @Test
  void syntaxErrorNamesFileAndLine() {
    ScenarioConfigException e = assertThrows(ScenarioConfigException.class,
        () -> TopologyReader.parse(FILE, "topology {\n  regions = [\n"));
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).startsWith(FILE + ":3: syntax error: "), e.problems().get(0));
  }

  private static Arguments row(String why, String text, String... expected) {
    return Arguments.of(why, text, List.of(expected));
  }
}
