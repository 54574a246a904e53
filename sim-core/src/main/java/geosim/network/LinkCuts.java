package geosim.network;

import java.util.BitSet;
import java.util.OptionalInt;

/**
 * The directed links a network partition has cut, by link id ({@link Routes#links()}). A
 * message whose route crosses a cut link is lost. Immutable: {@link #with} and {@link #without}
 * return new sets, so a fault injector can keep the set before a partition and restore it.
 *
 * <p>Example: to cut a cable both ways, {@code cuts.with(routes.linkId(a, b), routes.linkId(b, a))}.
 */
public final class LinkCuts {
  private static final LinkCuts NONE = new LinkCuts(new BitSet());

  private final BitSet cut;

  private LinkCuts(BitSet cut) {
    this.cut = cut;
  }

  /** No link cut: the network is whole. */
  public static LinkCuts none() {
    return NONE;
  }

  /** These links cut, and no others; each id >= 0. */
  public static LinkCuts of(int... linkIds) {
    return NONE.with(linkIds);
  }

  /** This set plus {@code linkIds}, each >= 0. */
  public LinkCuts with(int... linkIds) {
    BitSet next = (BitSet) cut.clone();
    for (int id : linkIds) next.set(checked(id));
    return new LinkCuts(next);
  }

  /** This set without {@code linkIds} (healed), each >= 0. */
  public LinkCuts without(int... linkIds) {
    BitSet next = (BitSet) cut.clone();
    for (int id : linkIds) next.clear(checked(id));
    return new LinkCuts(next);
  }

  public boolean isCut(int linkId) {
    return cut.get(checked(linkId));
  }

  /** Number of cut links. */
  public int size() {
    return cut.cardinality();
  }

  /** True when {@code route} crosses a cut link, so a message along it is lost. */
  public boolean severs(Route route) {
    return firstCut(route).isPresent();
  }

  /** The first cut link along {@code route}, from its source: where a message is lost. */
  public OptionalInt firstCut(Route route) {
    for (Hop hop : route.hops()) {
      if (cut.get(hop.linkId())) return OptionalInt.of(hop.linkId());
    }
    return OptionalInt.empty();
  }

  /** Cut link ids in increasing order. */
  public int[] linkIds() {
    return cut.stream().toArray();
  }

  private static int checked(int linkId) {
    if (linkId < 0) throw new IllegalArgumentException("linkId must be >= 0, got " + linkId);
    return linkId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinkCuts c && cut.equals(c.cut);
  }

  @Override
  public int hashCode() {
    return cut.hashCode();
  }

  @Override
  public String toString() {
    return "LinkCuts" + cut;
  }
}
