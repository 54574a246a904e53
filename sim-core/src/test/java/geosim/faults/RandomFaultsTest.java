package geosim.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.Seeds;
import geosim.kernel.StreamRandom;
import geosim.topology.Topology;
import geosim.topology.TopologyFixtures;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RandomFaultsTest {
  private static final long HOUR = 3_600_000_000_000L;

  @Test
  void eachElementAlternatesUpAndDownAtTheMeanRates() {
    Topology topology = topology();
    long horizon = 10_000 * HOUR;
    RandomFaults random = new RandomFaults(RandomFaults.Element.SERVER, 90 * HOUR, 10 * HOUR);
    List<FaultSpec> faults = random.expand(topology, horizon, new StreamRandom(Seeds.streamSeed(1, "faults/random")));
    Map<String, Long> downNs = new TreeMap<>();
    Map<String, Long> lastEnd = new TreeMap<>();
    for (FaultSpec f : faults) {
      assertEquals(FaultKind.SERVER_CRASH, f.kind());
      assertTrue(f.atNs() < horizon, "starts within the run: " + f);
      assertTrue(f.atNs() > lastEnd.getOrDefault(f.target(), -1L), "one server's failures do not overlap: " + f);
      lastEnd.put(f.target(), f.endNs());
      downNs.merge(f.target(), Math.min(f.endNs(), horizon) - f.atNs(), Long::sum);
    }
    int servers = topology.serverCount();
    assertEquals(servers, downNs.size(), "every server fails in 10,000 h at an MTBF of 90 h");
    // A renewal process of cycle 100 h: about 100 failures per server, down 10 % of the time.
    double perServer = faults.size() / (double) servers;
    assertTrue(perServer > 90 && perServer < 110, "failures per server " + perServer);
    double down = downNs.values().stream().mapToLong(Long::longValue).sum() / (double) (servers * horizon);
    assertTrue(down > 0.09 && down < 0.11, "down fraction " + down);
  }

  @Test
  void theSameSeedDrawsTheSameFaultsAndRacksAndSwitchesAreTheirOwnTargets() {
    Topology topology = topology();
    RandomFaults racks = new RandomFaults(RandomFaults.Element.RACK, 10 * HOUR, HOUR);
    List<FaultSpec> a = racks.expand(topology, 100 * HOUR, new StreamRandom(7));
    assertEquals(a, racks.expand(topology, 100 * HOUR, new StreamRandom(7)));
    assertTrue(a.stream().allMatch(f -> f.kind() == FaultKind.RACK_POWER && f.target().matches("[a-z-]+/[a-z0-9-]+/rack-[12]")), "" + a);
    List<FaultSpec> tors = new RandomFaults(RandomFaults.Element.TOR_SWITCH, 10 * HOUR, HOUR)
        .expand(topology, 100 * HOUR, new StreamRandom(7));
    assertTrue(tors.stream().allMatch(f -> f.kind() == FaultKind.SWITCH_FAILURE && f.target().endsWith("/tor")), "" + tors);
  }

  /** us-east: use1-a with rack-1 and rack-2 of 2 servers, use1-b with rack-1 of 1; eu-west: 2 servers. */
  private static Topology topology() {
    return TopologyFixtures.twoRegions();
  }
}
