package geosim.faults;

import java.util.List;
import java.util.Objects;

/**
 * One scheduled fault: what, where, from when to when.
 *
 * @param kind what happens
 * @param atNs when it starts, virtual ns, >= 0
 * @param endNs when it ends (the server restarts, the partition heals), ns, > {@code atNs}; {@link
 *     Long#MAX_VALUE} for never
 * @param target the crashed server's path (region/datacenter/rack/server) for {@link
 *     FaultKind#SERVER_CRASH}, else null
 * @param between the two regions cut apart for {@link FaultKind#REGION_PARTITION}, else null
 */
public record FaultSpec(FaultKind kind, long atNs, long endNs, String target, List<String> between) {
  public FaultSpec {
    Objects.requireNonNull(kind, "kind");
    if (atNs < 0) throw new IllegalArgumentException("atNs must be >= 0, got " + atNs);
    if (endNs <= atNs) throw new IllegalArgumentException("endNs must be > atNs " + atNs + ", got " + endNs);
    if (kind == FaultKind.SERVER_CRASH) {
      Objects.requireNonNull(target, "target");
      if (between != null) throw new IllegalArgumentException("a server crash has no between");
    } else {
      if (target != null) throw new IllegalArgumentException("a region partition has no target");
      between = List.copyOf(Objects.requireNonNull(between, "between"));
      if (between.size() != 2 || between.get(0).equals(between.get(1))) {
        throw new IllegalArgumentException("between must name two different regions, got " + between);
      }
    }
  }

  /** A crash of the server at {@code path} from {@code atNs} to {@code endNs}. */
  public static FaultSpec serverCrash(long atNs, long endNs, String path) {
    return new FaultSpec(FaultKind.SERVER_CRASH, atNs, endNs, path, null);
  }

  /** A partition between regions {@code a} and {@code b} from {@code atNs} to {@code endNs}. */
  public static FaultSpec regionPartition(long atNs, long endNs, String a, String b) {
    return new FaultSpec(FaultKind.REGION_PARTITION, atNs, endNs, null, List.of(a, b));
  }

  /** Whether the fault is on at {@code nowNs}: {@code atNs <= nowNs < endNs}. */
  public boolean activeAt(long nowNs) {
    return nowNs >= atNs && nowNs < endNs;
  }

  /** How it reads in a log: {@code server-crash us-east/use1-a/rack-1/srv-1}, {@code region-partition us-east|eu-west}. */
  public String describe() {
    return kind.configName() + " " + (target != null ? target : between.get(0) + "|" + between.get(1));
  }
}
