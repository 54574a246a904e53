package geosim.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A network partition between two sets of elements (regions, data centers, racks or servers, by
 * path), as a scenario asks for it (fault kind {@code partition}): from {@code startNs} to {@code
 * endNs}, every frame whose sending server lies in one side and whose receiving server lies in the
 * other is lost, both ways; traffic to or from anything outside both sides is untouched.
 *
 * <p>It is a filter on a frame's two end points, like the iptables rules Jepsen's partitions
 * install on each node [1] ({@code iptables -A INPUT -s <peer> -j DROP}), not a cut of links: two
 * racks of one data center reach each other through the same aggregation switches through which
 * each still reaches the rest of the world, so no set of links separates them. {@link
 * PartitionSchedule} applies it at a frame's first hop.
 *
 * <p>[1] Jepsen, {@code jepsen.net/drop!} and {@code jepsen.nemesis/partitioner}
 * (jepsen-io/jepsen, jepsen/src/jepsen/net.clj): a partition is a grudge of per-node drop rules.
 *
 * @param startNs virtual time it starts, ns, >= 0
 * @param endNs virtual time it heals, ns, > {@code startNs}; {@link Long#MAX_VALUE} for never
 * @param sides the two sides, each a non-empty list of element paths; no element of one side is,
 *     contains or lies within an element of the other; copied
 */
public record PartitionSpec(long startNs, long endNs, List<List<String>> sides) {
  public PartitionSpec {
    if (startNs < 0) throw new IllegalArgumentException("startNs must be >= 0, got " + startNs);
    if (endNs <= startNs) throw new IllegalArgumentException("endNs must be > startNs " + startNs + ", got " + endNs);
    sides = checkSides(sides);
  }

  /**
   * {@code sides} copied, after checking it names two sides apart.
   *
   * @throws IllegalArgumentException when there are not two sides, a side is empty, an element is
   *     named twice, or an element of one side is, contains or lies within one of the other
   */
  public static List<List<String>> checkSides(List<List<String>> sides) {
    Objects.requireNonNull(sides, "sides");
    if (sides.size() != 2) throw new IllegalArgumentException("a partition has two sides, got " + sides.size());
    List<List<String>> copy = new ArrayList<>();
    for (List<String> side : sides) {
      if (side.isEmpty()) throw new IllegalArgumentException("a side of a partition must name an element: " + sides);
      copy.add(List.copyOf(side));
    }
    for (String a : copy.get(0)) {
      for (String b : copy.get(1)) {
        if (overlap(a, b)) throw new IllegalArgumentException("the sides overlap: " + a + " and " + b);
      }
    }
    for (List<String> side : copy) {
      if (side.stream().distinct().count() != side.size()) {
        throw new IllegalArgumentException("a side names an element twice: " + side);
      }
    }
    return List.copyOf(copy);
  }

  /** Whether elements {@code a} and {@code b} share a server: one is, or lies within, the other. */
  public static boolean overlap(String a, String b) {
    return CutSpec.within(a, b) || CutSpec.within(b, a);
  }

  /** 1 when actor path {@code path} lies within the first side, 2 within the second, 0 outside both. */
  public int sideOf(String path) {
    for (int s = 0; s < 2; s++) {
      for (String element : sides.get(s)) {
        if (CutSpec.within(path, element)) return s + 1;
      }
    }
    return 0;
  }

  /** How it reads in a log: {@code a,b|c}. */
  public String describe() {
    return String.join(",", sides.get(0)) + "|" + String.join(",", sides.get(1));
  }
}
