package geosim.scenario;

import geosim.kernel.CounterBreakdown;
import geosim.kernel.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One conservation invariant: work that ended (the sum of the {@code parts} counters) never
 * exceeds work begun (the sum of the {@code wholes}). A snapshot sums each counter over every
 * actor; when the sums break the inequality, {@link #blame} asks the run for each actor's share and
 * names who is at fault.
 *
 * <p>Where one actor counts both sides of its own work ({@link Scope#ACTOR}: a queue server its
 * arrivals and completions, a store coordinator the operations it started and ended), the
 * inequality holds for each actor alone, and the first actor in path order that breaks it is at
 * fault. Where the sides are counted at different actors ({@link Scope#SUM}: a frame is counted sent
 * at its source and delivered at its last switch), no single actor can break it; the blame then
 * says so and lists the actors with the largest shares of each side.
 *
 * @param format the finding, {@link String#format} of (parts, whole), e.g. {@code "answered pings %d
 *     (ping.ok) exceed %d (ping.sent)"}
 * @param parts the counters of work that ended
 * @param wholes the counters of work begun
 * @param scope whether the inequality holds per actor
 * @param onlyWhenCounted checked only when the first whole counter exists (the model that counts it runs)
 */
record Conservation(String format, List<String> parts, List<String> wholes, Scope scope, boolean onlyWhenCounted) {
  /** How many actors the blame lists for each side when only the sum breaks the invariant. */
  static final int LARGEST = 3;

  /** Whether the inequality holds for each actor alone, or only summed over the run. */
  enum Scope { ACTOR, SUM }

  /** Who is at fault: an actor, or null when only the sum breaks it; and what to add to the finding. */
  record Blame(String actorPath, String text) {}

  Conservation {
    parts = List.copyOf(parts);
    wholes = List.copyOf(wholes);
  }

  /** {@code parts} never exceeds {@code whole}, labelled {@code what}: "what 6 (part) exceed 5 (whole)". */
  static Conservation atMost(String what, String part, String whole, Scope scope) {
    return new Conservation(what + " %d (" + part + ") exceed %d (" + whole + ")", List.of(part), List.of(whole),
        scope, false);
  }

  /** The finding when the snapshot's sums break the inequality, else null. */
  String violation(Snapshot s) {
    if (onlyWhenCounted && !s.counters().containsKey(wholes.get(0))) return null;
    long part = sum(parts, s.counters());
    long whole = sum(wholes, s.counters());
    return part > whole ? String.format(Locale.ROOT, format, part, whole) : null;
  }

  /**
   * Who is at fault, from each actor's share of the counters involved; null when the breakdown
   * knows no actor (snapshots made outside a run).
   */
  Blame blame(CounterBreakdown breakdown) {
    Map<String, SortedMap<String, Long>> shares = shares(breakdown);
    if (shares.values().stream().allMatch(Map::isEmpty)) return null;
    String actor = scope == Scope.ACTOR ? firstBreaking(shares) : null;
    if (actor != null) {
      return new Blame(actor, "at actor " + actor + ": " + share(parts, shares, actor) + " exceed "
          + share(wholes, shares, actor));
    }
    String why = scope == Scope.SUM ? "its sides are counted at different actors" : "no actor breaks it alone";
    return new Blame(null, "only the sum breaks it, " + why + "; largest shares of "
        + largest(parts, shares) + "; of " + largest(wholes, shares));
  }

  /**
   * The first actor in path order whose own parts exceed its own whole, null when none does;
   * counters held by no actor are left out.
   */
  String firstActorBreaking(CounterBreakdown breakdown) {
    return firstBreaking(shares(breakdown));
  }

  private String firstBreaking(Map<String, SortedMap<String, Long>> shares) {
    TreeSet<String> actors = new TreeSet<>();
    for (SortedMap<String, Long> byActor : shares.values()) actors.addAll(byActor.keySet());
    actors.remove(CounterBreakdown.NO_ACTOR);
    for (String actor : actors) {
      if (share(parts, shares, actor) > share(wholes, shares, actor)) return actor;
    }
    return null;
  }

  private Map<String, SortedMap<String, Long>> shares(CounterBreakdown breakdown) {
    Map<String, SortedMap<String, Long>> shares = new TreeMap<>();
    for (String name : names()) shares.put(name, breakdown.byActor(name));
    return shares;
  }

  private List<String> names() {
    List<String> names = new ArrayList<>(parts);
    names.addAll(wholes);
    return names;
  }

  /** "a + b: x/y 5, x/z 3" — the actors with the largest shares of the sum of {@code names}, ties in path order. */
  private static String largest(List<String> names, Map<String, SortedMap<String, Long>> shares) {
    SortedMap<String, Long> total = new TreeMap<>();
    for (String name : names) shares.get(name).forEach((actor, v) -> total.merge(actor, v, Long::sum));
    List<Map.Entry<String, Long>> order = new ArrayList<>(total.entrySet());
    order.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
    StringBuilder b = new StringBuilder(String.join(" + ", names)).append(':');
    if (order.isEmpty()) b.append(" none");
    for (int i = 0; i < Math.min(LARGEST, order.size()); i++) {
      b.append(i == 0 ? " " : ", ").append(order.get(i).getKey()).append(' ').append(order.get(i).getValue());
    }
    return b.toString();
  }

  private static long share(List<String> names, Map<String, SortedMap<String, Long>> shares, String actor) {
    long sum = 0;
    for (String name : names) sum += shares.get(name).getOrDefault(actor, 0L);
    return sum;
  }

  private static long sum(List<String> names, Map<String, Long> counters) {
    long sum = 0;
    for (String name : names) sum += counters.getOrDefault(name, 0L);
    return sum;
  }
}
