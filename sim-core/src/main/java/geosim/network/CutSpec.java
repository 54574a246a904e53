package geosim.network;

import geosim.topology.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A network partition as a scenario asks for it, by element paths ({@code us-east},
 * {@code us-east/use1-a}, {@code us-east/use1-a/rack-2}, or a server's path): either
 * <em>isolate</em> one element (cut every link with exactly one end inside it) or cut everything
 * <em>between</em> two elements (every link with one end inside each, both ways).
 *
 * @param startNs virtual time the cut starts, ns, >= 0
 * @param endNs virtual time it heals, ns, > {@code startNs}; {@link Long#MAX_VALUE} for never
 * @param isolate the element cut off from the rest, or null
 * @param between the two elements cut apart (two paths), or null; exactly one of {@code isolate}
 *     and {@code between} is given
 */
public record CutSpec(long startNs, long endNs, String isolate, List<String> between) {
  public CutSpec {
    if (startNs < 0) throw new IllegalArgumentException("startNs must be >= 0, got " + startNs);
    if (endNs <= startNs) throw new IllegalArgumentException("endNs must be > startNs " + startNs + ", got " + endNs);
    if ((isolate == null) == (between == null)) {
      throw new IllegalArgumentException("give exactly one of isolate and between");
    }
    if (between != null) {
      between = List.copyOf(between);
      if (between.size() != 2 || between.get(0).equals(between.get(1))) {
        throw new IllegalArgumentException("between must name two different elements, got " + between);
      }
    }
  }

  /** Isolates {@code element} from {@code startNs} to {@code endNs}. */
  public static CutSpec isolate(long startNs, long endNs, String element) {
    return new CutSpec(startNs, endNs, Objects.requireNonNull(element, "element"), null);
  }

  /** Cuts {@code a} and {@code b} apart from {@code startNs} to {@code endNs}. */
  public static CutSpec between(long startNs, long endNs, String a, String b) {
    return new CutSpec(startNs, endNs, null, List.of(a, b));
  }

  /** The ids of the links this cut severs among {@code links} (by index), in increasing order. */
  public int[] linkIds(List<Link> links) {
    List<Integer> ids = new ArrayList<>();
    for (int id = 0; id < links.size(); id++) {
      String from = links.get(id).from();
      String to = links.get(id).to();
      boolean cut = isolate != null
          ? within(from, isolate) != within(to, isolate)
          : (within(from, between.get(0)) && within(to, between.get(1)))
              || (within(from, between.get(1)) && within(to, between.get(0)));
      if (cut) ids.add(id);
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** True when actor path {@code path} is {@code element} or lies inside it. */
  public static boolean within(String path, String element) {
    return path.equals(element) || path.startsWith(element + "/");
  }

  /** How the cut reads in a report: {@code isolate us-east} or {@code between us-east and eu-west}. */
  public String describe() {
    return isolate != null ? "isolate " + isolate : "between " + between.get(0) + " and " + between.get(1);
  }
}
