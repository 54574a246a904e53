package geosim.store.ring;

import geosim.kernel.Seeds;
import geosim.kernel.StreamRandom;
import java.util.ArrayList;
import java.util.List;

/** Ring layouts the tests of this package share. */
final class RingFixtures {
  private RingFixtures() {}

  /** A layout under construction: regions of racks of nodes, indexed in the order added. */
  static final class Layout {
    private final List<RingNode> nodes = new ArrayList<>();

    /** Adds {@code racks} racks of {@code perRack} nodes in {@code region} (racks rack-1..). */
    Layout region(String region, int racks, int perRack) {
      for (int r = 1; r <= racks; r++) {
        for (int s = 1; s <= perRack; s++) node(region, "rack-" + r, "srv-" + s);
      }
      return this;
    }

    /** Adds one node of {@code region}, rack {@code rack}; its path is region/dc/rack/name. */
    Layout node(String region, String rack, String name) {
      nodes.add(new RingNode(nodes.size(), region + "/dc/" + rack + "/" + name, region, region + "/dc/" + rack));
      return this;
    }

    List<RingNode> nodes() {
      return List.copyOf(nodes);
    }
  }

  static Layout layout() {
    return new Layout();
  }

  /** {@code count} nodes of one region, each on its own rack. */
  static List<RingNode> nodes(int count) {
    return layout().region("us-east", count, 1).nodes();
  }

  /** The ring stream of run seed {@code seed}, as a store would derive it. */
  static StreamRandom stream(long seed) {
    return new StreamRandom(Seeds.streamSeed(seed, "store/ring"));
  }
}
