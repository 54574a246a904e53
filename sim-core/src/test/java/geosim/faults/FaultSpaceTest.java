package geosim.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.network.CutSpec;
import geosim.topology.Topology;
import geosim.topology.TopologyFixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On {@link TopologyFixtures#twoRegions()} (us-east: use1-a with rack-1 and rack-2 of 2 servers,
 * use1-b with rack-1 of 1; eu-west: 2 servers). Drawing a fault plan from a space: the same seed gives the same plan, seeds differ, and every
 * plan stays within the space (count, kinds, places, start window, durations).
 */
class FaultSpaceTest {
  private static final long S = 1_000_000_000L;
  private static final FaultSpace SPACE = new FaultSpace(
      List.of(FaultKind.SERVER_CRASH, FaultKind.RACK_POWER, FaultKind.REGION_PARTITION), List.of(), 3, 40 * S, 5 * S, 20 * S);

  @Test
  void theSameSeedDrawsTheSamePlanAndSeedsDiffer() {
    Topology topology = TopologyFixtures.twoRegions();
    Set<List<FaultSpec>> plans = new HashSet<>();
    for (long seed = 0; seed < 50; seed++) {
      List<FaultSpec> plan = SPACE.draw(topology, 60 * S, seed);
      assertEquals(plan, SPACE.draw(topology, 60 * S, seed), "seed " + seed);
      plans.add(plan);
    }
    assertTrue(plans.size() > 45, "50 seeds gave only " + plans.size() + " plans");
  }

  @Test
  void everyPlanStaysWithinTheSpace() {
    Topology topology = TopologyFixtures.twoRegions();
    Set<Integer> counts = new HashSet<>();
    Set<FaultKind> kinds = new HashSet<>();
    for (long seed = 0; seed < 200; seed++) {
      List<FaultSpec> plan = SPACE.draw(topology, 30 * S, seed);
      counts.add(plan.size());
      for (int i = 0; i < plan.size(); i++) {
        FaultSpec f = plan.get(i);
        assertTrue(!FaultSpace.conflicts(f, plan.subList(0, i)), "seed " + seed + ": no overlap on one place: " + plan);
        kinds.add(f.kind());
        assertTrue(f.atNs() >= 0 && f.atNs() < 30 * S, "seed " + seed + ": starts within the run: " + f);
        long length = f.endNs() - f.atNs();
        assertTrue(length >= 5 * S && length <= 20 * S, "seed " + seed + ": duration " + f);
        assertTrue(SPACE.places(f.kind(), topology).contains(f.kind() == FaultKind.REGION_PARTITION ? f.between()
            : List.of(f.target())), "seed " + seed + ": a place of the topology: " + f);
      }
    }
    assertEquals(Set.of(1, 2, 3), counts);
    assertEquals(Set.copyOf(SPACE.kinds()), kinds);
  }

  @Test
  void aFaultOverlappingAnEarlierOneOnTheSamePlaceIsLeftOut() {
    FaultSpace crashes = new FaultSpace(List.of(FaultKind.SERVER_CRASH), List.of("eu-west"), 100, 10 * S, 5 * S, 5 * S);
    Topology topology = TopologyFixtures.twoRegions();
    List<FaultSpec> plan = crashes.draw(topology, 60 * S, 1);
    assertTrue(plan.size() < 100 && plan.size() > 1, "two servers, starts within 10 s, 5 s each: " + plan.size());
    FaultSpec a = FaultSpec.serverCrash(0, 5 * S, "x");
    assertTrue(FaultSpace.conflicts(new FaultSpec(FaultKind.RACK_POWER, 4 * S, 6 * S, "x", null), List.of(a)));
    assertTrue(!FaultSpace.conflicts(FaultSpec.serverCrash(5 * S, 6 * S, "x"), List.of(a)), "they follow each other");
    assertTrue(!FaultSpace.conflicts(FaultSpec.serverCrash(S, 6 * S, "y"), List.of(a)), "another place");
  }

  @Test
  void targetsNarrowThePlaces() {
    Topology topology = TopologyFixtures.twoRegions();
    FaultSpace east = new FaultSpace(List.of(FaultKind.SERVER_CRASH, FaultKind.RACK_POWER), List.of("us-east/use1-a/rack-1"),
        3, 40 * S, 5 * S, 20 * S);
    assertEquals(2, east.places(FaultKind.SERVER_CRASH, topology).size());
    assertEquals(List.of(List.of("us-east/use1-a/rack-1")), east.places(FaultKind.RACK_POWER, topology));
    assertEquals(List.of(), east.places(FaultKind.REGION_OUTAGE, topology));
    for (long seed = 0; seed < 20; seed++) {
      for (FaultSpec f : east.draw(topology, 60 * S, seed)) assertTrue(CutSpec.within(f.target(), "us-east/use1-a/rack-1"), f.toString());
    }
    assertEquals(topology.serverCount(), SPACE.places(FaultKind.SERVER_CRASH, topology).size());
    assertEquals(List.of(List.of("us-east", "eu-west")), SPACE.places(FaultKind.REGION_PARTITION, topology));
  }

  @Test
  void aSpaceOutOfRangeIsRefusedNamingTheParameter() {
    List<FaultKind> crash = List.of(FaultKind.SERVER_CRASH);
    assertThrows(IllegalArgumentException.class, () -> new FaultSpace(List.of(), List.of(), 1, S, S, S));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new FaultSpace(List.of(FaultKind.STORM), List.of(), 1, S, S, S))
        .getMessage().startsWith("storm is not drawn"));
    assertThrows(IllegalArgumentException.class, () -> new FaultSpace(List.of(FaultKind.SERVER_CRASH, FaultKind.SERVER_CRASH),
        List.of(), 1, S, S, S));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new FaultSpace(crash, List.of(), 0, S, S, S))
        .getMessage().startsWith("maxFaults"));
    assertThrows(IllegalArgumentException.class, () -> new FaultSpace(crash, List.of(), FaultSpace.FAULTS_MAX + 1, S, S, S));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new FaultSpace(crash, List.of(), 1, 0, S, S))
        .getMessage().startsWith("withinNs"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new FaultSpace(crash, List.of(), 1, S, 2 * S, S))
        .getMessage().startsWith("durationMaxNs"));
    assertNotEquals(null, new FaultSpace(crash, new ArrayList<>(List.of("x")), 1, S, S, S));
  }
}
