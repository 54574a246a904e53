package geosim.faults;

import geosim.network.Degradation;
import geosim.network.PartitionSpec;
import java.util.List;
import java.util.Objects;

/**
 * One scheduled fault: what, where, from when to when, and how much.
 *
 * @param kind what happens
 * @param atNs when it starts, virtual ns, >= 0
 * @param endNs when it ends (the server restarts, the partition heals), ns, > {@code atNs}; {@link
 *     Long#MAX_VALUE} for never (a terminated server, a clock jump, a fault without duration)
 * @param target the element it hits (a server's, rack's, region's or switch's path) when the kind's
 *     {@link FaultKind#place()} is not {@code BETWEEN} or {@code SIDES}, else null
 * @param between the two elements it acts between (regions, elements joined by a cable, the two
 *     ends of a storm) when the place is {@code BETWEEN}, else null
 * @param amount how much: a slow disk's service-time factor (>= 1), a clock jump in ns (not 0, may
 *     be negative), a storm's rate in bit/s (> 0, finite); 0 for the other kinds
 * @param degradation what a link degradation does to its links; null for the other kinds
 * @param sides a partition's two sides, each a non-empty list of element paths apart from the
 *     other's ({@link PartitionSpec#checkSides}) when the place is {@code SIDES}, else null
 */
public record FaultSpec(FaultKind kind, long atNs, long endNs, String target, List<String> between, double amount,
    Degradation degradation, List<List<String>> sides) {
  public FaultSpec {
    Objects.requireNonNull(kind, "kind");
    if (atNs < 0) throw new IllegalArgumentException("atNs must be >= 0, got " + atNs);
    if (endNs <= atNs) throw new IllegalArgumentException("endNs must be > atNs " + atNs + ", got " + endNs);
    if ((kind.place() == FaultKind.Place.SIDES) != (sides != null)) {
      throw new IllegalArgumentException("sides go with a partition, and only with it: " + kind.configName());
    }
    if (sides != null) {
      if (target != null || between != null) throw new IllegalArgumentException("a partition has sides only");
      sides = PartitionSpec.checkSides(sides);
    } else if (kind.place() == FaultKind.Place.BETWEEN) {
      if (target != null) throw new IllegalArgumentException("a " + kind.configName() + " has no target");
      between = List.copyOf(Objects.requireNonNull(between, "between"));
      if (between.size() != 2 || between.get(0).equals(between.get(1))) {
        throw new IllegalArgumentException("between must name two different elements, got " + between);
      }
    } else {
      Objects.requireNonNull(target, "target");
      if (between != null) throw new IllegalArgumentException("a " + kind.configName() + " has no between");
    }
    checkAmount(kind, amount);
    if ((kind == FaultKind.LINK_DEGRADATION) != (degradation != null)) {
      throw new IllegalArgumentException("a degradation goes with a link-degradation, and only with it: " + kind.configName());
    }
  }

  /** As the canonical constructor for every kind but partition. */
  public FaultSpec(FaultKind kind, long atNs, long endNs, String target, List<String> between, double amount,
      Degradation degradation) {
    this(kind, atNs, endNs, target, between, amount, degradation, null);
  }

  /** As the canonical constructor for every kind but link-degradation and partition. */
  public FaultSpec(FaultKind kind, long atNs, long endNs, String target, List<String> between, double amount) {
    this(kind, atNs, endNs, target, between, amount, null);
  }

  /** As the canonical constructor with no amount (every kind but slow-disk, clock-jump, storm and link-degradation). */
  public FaultSpec(FaultKind kind, long atNs, long endNs, String target, List<String> between) {
    this(kind, atNs, endNs, target, between, 0, null);
  }

  /** A degradation of the links joining {@code a} and {@code b} from {@code atNs} to {@code endNs}. */
  public static FaultSpec linkDegradation(long atNs, long endNs, String a, String b, Degradation degradation) {
    return new FaultSpec(FaultKind.LINK_DEGRADATION, atNs, endNs, null, List.of(a, b), 0, degradation);
  }

  /** A partition between the elements of {@code sideA} and those of {@code sideB} from {@code atNs} to {@code endNs}. */
  public static FaultSpec partition(long atNs, long endNs, List<String> sideA, List<String> sideB) {
    return new FaultSpec(FaultKind.PARTITION, atNs, endNs, null, null, 0, null, List.of(sideA, sideB));
  }

  private static void checkAmount(FaultKind kind, double amount) {
    boolean ok = switch (kind) {
      case SLOW_DISK -> amount >= 1 && Double.isFinite(amount);
      case CLOCK_JUMP -> amount != 0 && Double.isFinite(amount);
      case STORM -> amount > 0 && Double.isFinite(amount);
      default -> amount == 0;
    };
    if (!ok) throw new IllegalArgumentException("amount " + amount + " does not fit a " + kind.configName());
  }

  /** A crash of the server at {@code path} from {@code atNs} to {@code endNs}. */
  public static FaultSpec serverCrash(long atNs, long endNs, String path) {
    return new FaultSpec(FaultKind.SERVER_CRASH, atNs, endNs, path, null);
  }

  /** A partition between regions {@code a} and {@code b} from {@code atNs} to {@code endNs}. */
  public static FaultSpec regionPartition(long atNs, long endNs, String a, String b) {
    return new FaultSpec(FaultKind.REGION_PARTITION, atNs, endNs, null, List.of(a, b));
  }

  /** The same fault from {@code newAtNs} to {@code newEndNs} (an injected fault at the time it was taken). */
  public FaultSpec at(long newAtNs, long newEndNs) {
    return new FaultSpec(kind, newAtNs, newEndNs, target, between, amount, degradation, sides);
  }

  /** Whether the fault is on at {@code nowNs}: {@code atNs <= nowNs < endNs}. */
  public boolean activeAt(long nowNs) {
    return nowNs >= atNs && nowNs < endNs;
  }

  /** Whether its window and {@code other}'s share an instant. */
  public boolean overlaps(FaultSpec other) {
    return atNs < other.endNs && other.atNs < endNs;
  }

  /**
   * Where it acts, for logs and conflict checks: the target, the two elements joined by {@code |},
   * or a partition's two sides, each one's elements joined by {@code ,}.
   */
  public String where() {
    if (sides != null) return String.join(",", sides.get(0)) + "|" + String.join(",", sides.get(1));
    return target != null ? target : between.get(0) + "|" + between.get(1);
  }

  /** How it reads in a log: {@code server-crash us-east/use1-a/rack-1/srv-1}, {@code region-partition us-east|eu-west}. */
  public String describe() {
    return kind.configName() + " " + where();
  }
}
