package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import geosim.store.node.ClockSettings;
import geosim.store.node.ReadRepairSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** store.clocks and the read-repair chances as read from a scenario, and the offsets they give. */
class ClockReaderTest {
  private static final String STORE = "model = store\ntopology.regions = [ { name = r, latitude = 0, longitude = 0, "
      + "datacenters = [ { name = dc, racks = [ { name = rack-1, servers = 3 } ] } ] } ]\n";
  private static final List<String> PATHS = List.of("r/dc/rack-1/srv-1", "r/dc/rack-1/srv-2", "r/dc/rack-1/srv-3");

  @Test
  void defaultsAreCassandra3sChancesAndAMillisecondOfSkew() throws Exception {
    ScenarioSettings s = ScenarioLoader.parse("x.conf", STORE, List.of());
    assertEquals(ReadRepairSettings.CASSANDRA_3, s.store().readRepair());
    assertEquals(1_000_000, s.store().clocks().skewStddevNs());
    assertEquals(0, s.store().clocks().offsetsNs().size());
  }

  @Test
  void fixedOffsetsMayBeNegativeAndReplaceTheDrawnOnes() throws Exception {
    ScenarioSettings s = ScenarioLoader.parse("x.conf", STORE, List.of("store.clocks.skew-stddev=0",
        "store.clocks.offsets=[{server=r/dc/rack-1/srv-2, offset=-500ms}, {server=r/dc/rack-1/srv-3, offset=1s}]"));
    assertArrayEquals(new long[] {0, -500_000_000L, 1_000_000_000L}, s.store().clocks().offsetsNs(PATHS, 1));
  }

  @Test
  void randomOffsetsComeFromTheSeedsStream() {
    ClockSettings skewed = new ClockSettings(1_000_000, new java.util.TreeMap<>());
    long[] a = skewed.offsetsNs(PATHS, 1);
    assertArrayEquals(a, skewed.offsetsNs(PATHS, 1));
    assertNotEquals(a[0], skewed.offsetsNs(PATHS, 2)[0]);
    assertArrayEquals(new long[3], ClockSettings.NONE.offsetsNs(PATHS, 1));
  }
}
