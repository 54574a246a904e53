package geosim.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import geosim.kernel.Seeds;
import geosim.kernel.StreamRandom;
import geosim.store.ring.Membership;
import geosim.store.ring.NetworkTopologyStrategy;
import geosim.store.ring.PlacementStrategy;
import geosim.store.ring.ReplicaPlacement;
import geosim.store.ring.RingNode;
import geosim.store.ring.TokenRing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Lab 6's reference placement (docs/labs/instructor/06-geo-distribution/placement), compiled as
 * {@code lab check} compiles a student's class, chooses exactly NetworkTopologyStrategy's replicas,
 * in the same order, on rings shaped like the lab's (three regions of three racks of two servers,
 * three copies per region), as its instructor notes say.
 */
class ReferencePlacementTest {
  @Test
  void theReferenceChoosesNetworkTopologyStrategysReplicas() throws Exception {
    Path dir = Path.of("../docs/labs/instructor/06-geo-distribution/placement");
    try (StudentCode code = StudentCode.compile(StudentCode.sources(dir))) {
      List<String> found = code.implementing(PlacementStrategy.class);
      assertEquals(List.of("RackAwarePlacement"), found);
      PlacementStrategy reference = (PlacementStrategy) Class.forName(found.get(0), true, code.loader())
          .getConstructor().newInstance();
      for (long seed = 1; seed <= 5; seed++) compare(reference, seed);
    }
  }

  private static void compare(PlacementStrategy reference, long seed) {
    List<RingNode> nodes = new ArrayList<>();
    for (String region : List.of("us-east", "us-west", "eu-west")) {
      for (int rack = 1; rack <= 3; rack++) {
        for (int server = 1; server <= 2; server++) {
          String rackPath = region + "/dc/rack-" + rack;
          nodes.add(new RingNode(nodes.size(), rackPath + "/srv-" + server, region, rackPath));
        }
      }
    }
    TokenRing ring = TokenRing.random(nodes, 16, new StreamRandom(Seeds.streamSeed(seed, "store/ring-tokens")));
    NetworkTopologyStrategy nts = new NetworkTopologyStrategy(new TreeMap<>(Map.of("us-east", 3, "us-west", 3, "eu-west", 3)));
    ReplicaPlacement mine = new ReplicaPlacement(ring, nts, reference,
        Membership.initialMembers(ring.nodeCount(), List.of()));
    ReplicaPlacement builtIn = new ReplicaPlacement(ring, nts);
    for (int p = 0; p < ring.size(); p++) {
      assertArrayEquals(builtIn.replicasAt(p), mine.replicasAt(p), "seed " + seed + " position " + p);
    }
  }
}
