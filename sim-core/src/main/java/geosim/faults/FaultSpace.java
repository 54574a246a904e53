package geosim.faults;

import geosim.kernel.Seeds;
import geosim.kernel.StreamRandom;
import geosim.network.CutSpec;
import geosim.topology.Placement;
import geosim.topology.Region;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The faults {@code geosim explore} may throw at a scenario: which kinds, where, how many, how early
 * and for how long. For each seed explored, {@link #draw} picks a plan from the space with the
 * seed's own stream {@value #STREAM}, so the same seed always gets the same plan, and the plan
 * differs from seed to seed: the randomized fault injection of deterministic simulation testers
 * (FoundationDB's simulator [1], TigerBeetle's VOPR [2]), here over the fault kinds the scenario
 * names.
 *
 * <p>A draw: the number of faults is uniform in 1 to {@code maxFaults}; each fault's kind is uniform
 * among {@code kinds}, its place uniform among the topology's elements of that kind within {@code
 * targets} (servers, racks, ToR switches, regions, or pairs of regions), its start uniform in
 * [0, min(within, run length)), its duration uniform in [durationMin, durationMax]. A fault that
 * overlaps one drawn before it of the same kind (or both taking servers down) on the same place is
 * left out, as the scenario reader refuses such a pair; other faults may overlap (down windows
 * merge, cuts add up, as for random faults).
 *
 * <p>[1] W. Zhou et al., "FoundationDB: A Distributed Unbundled Transactional Key Value Store",
 * SIGMOD 2021, section 4 (simulation testing, fault injection). [2] TigerBeetle, {@code
 * src/vopr.zig}: one seed per run, faults drawn from it.
 *
 * @param kinds the kinds drawn from, at least one, each in {@link #KINDS}, no repeats
 * @param targets elements (paths or region names) the faults must lie in; empty for anywhere
 * @param maxFaults most faults per plan, 1 to {@value #FAULTS_MAX}
 * @param withinNs faults start before this time from the run's start, ns, > 0
 * @param durationMinNs shortest fault, ns, > 0
 * @param durationMaxNs longest fault, ns, >= durationMinNs
 */
public record FaultSpace(List<FaultKind> kinds, List<String> targets, int maxFaults, long withinNs,
    long durationMinNs, long durationMaxNs) {
  /** The stream plans are drawn from, by the run's seed. */
  public static final String STREAM = "explore/fault-space";
  /** Most faults one plan holds. Assumption: explore looks for bugs of a few faults at once. */
  public static final int FAULTS_MAX = 100;
  /** The kinds a space may name: those whose places the topology lists and that need no amount. */
  public static final Set<FaultKind> KINDS = EnumSet.of(FaultKind.SERVER_CRASH, FaultKind.RACK_POWER,
      FaultKind.SWITCH_FAILURE, FaultKind.REGION_OUTAGE, FaultKind.REGION_PARTITION, FaultKind.GRAY_FAILURE);

  public FaultSpace {
    kinds = List.copyOf(kinds);
    targets = List.copyOf(targets);
    if (kinds.isEmpty()) throw new IllegalArgumentException("kinds must name at least one kind");
    for (FaultKind k : kinds) {
      if (!KINDS.contains(k)) throw new IllegalArgumentException(k.configName() + " is not drawn; kinds are " + kindNames());
    }
    if (Set.copyOf(kinds).size() != kinds.size()) throw new IllegalArgumentException("kinds repeats a kind: " + kinds);
    if (maxFaults < 1 || maxFaults > FAULTS_MAX) {
      throw new IllegalArgumentException("maxFaults must be between 1 and " + FAULTS_MAX + ", got " + maxFaults);
    }
    if (withinNs <= 0) throw new IllegalArgumentException("withinNs must be > 0, got " + withinNs);
    if (durationMinNs <= 0) throw new IllegalArgumentException("durationMinNs must be > 0, got " + durationMinNs);
    if (durationMaxNs < durationMinNs) {
      throw new IllegalArgumentException("durationMaxNs must be >= durationMinNs " + durationMinNs + ", got " + durationMaxNs);
    }
  }

  /** The names of {@link #KINDS}, {@code server-crash|rack-power|...}. */
  public static String kindNames() {
    StringBuilder names = new StringBuilder();
    for (FaultKind k : KINDS) names.append(names.length() == 0 ? "" : "|").append(k.configName());
    return names.toString();
  }

  /** The places of {@code kind} in {@code topology} within {@link #targets}, in topology order; a pair as two names. */
  public List<List<String>> places(FaultKind kind, Topology topology) {
    Set<List<String>> all = new LinkedHashSet<>();
    if (kind.place() == FaultKind.Place.BETWEEN) {
      List<Region> regions = topology.regions();
      for (int a = 0; a < regions.size(); a++) {
        for (int b = a + 1; b < regions.size(); b++) all.add(List.of(regions.get(a).name(), regions.get(b).name()));
      }
    } else {
      for (Placement p : topology.servers()) all.add(List.of(place(kind, p)));
    }
    List<List<String>> out = new ArrayList<>();
    for (List<String> place : all) {
      if (targets.isEmpty() || place.stream().anyMatch(this::inTargets)) out.add(place);
    }
    return out;
  }

  private static String place(FaultKind kind, Placement p) {
    return switch (kind.place()) {
      case SERVER -> p.path();
      case RACK -> p.region().name() + "/" + p.dataCenter().name() + "/" + p.rack().name();
      case SWITCH -> p.torSwitchPath();
      case REGION -> p.region().name();
      case BETWEEN, SIDES -> throw new IllegalArgumentException("a pair is not one element");
    };
  }

  private boolean inTargets(String element) {
    for (String t : targets) {
      if (CutSpec.within(element, t)) return true;
    }
    return false;
  }

  /**
   * The plan seed {@code seed} draws for a run of {@code durationNs} on {@code topology}, from the
   * stream {@value #STREAM}: the same arguments give the same faults.
   *
   * @throws IllegalArgumentException when a kind has no place within the targets
   */
  public List<FaultSpec> draw(Topology topology, long durationNs, long seed) {
    Objects.requireNonNull(topology, "topology");
    if (durationNs <= 0) throw new IllegalArgumentException("durationNs must be > 0, got " + durationNs);
    List<List<List<String>>> placesByKind = new ArrayList<>();
    for (FaultKind k : kinds) {
      List<List<String>> places = places(k, topology);
      if (places.isEmpty()) throw new IllegalArgumentException(k.configName() + " has no place within " + targets);
      placesByKind.add(places);
    }
    StreamRandom random = new StreamRandom(Seeds.streamSeed(seed, STREAM));
    int count = 1 + random.nextInt(maxFaults);
    long window = Math.min(withinNs, durationNs);
    List<FaultSpec> plan = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int k = random.nextInt(kinds.size());
      List<List<String>> places = placesByKind.get(k);
      List<String> place = places.get(random.nextInt(places.size()));
      long at = (long) (random.nextDouble() * window);
      long length = durationMinNs + (long) (random.nextDouble() * (durationMaxNs - durationMinNs));
      long end = at > Long.MAX_VALUE - length ? Long.MAX_VALUE : at + length;
      FaultKind kind = kinds.get(k);
      FaultSpec fault = kind.place() == FaultKind.Place.BETWEEN ? new FaultSpec(kind, at, end, null, place)
          : new FaultSpec(kind, at, end, place.get(0), null);
      if (!conflicts(fault, plan)) plan.add(fault);
    }
    return plan;
  }

  /**
   * Whether {@code fault} overlaps one of {@code earlier} of the same kind (or both taking servers
   * down) on the same place: a pair the scenario reader refuses in a {@code faults} list, so a
   * plan leaves the later one out.
   */
  static boolean conflicts(FaultSpec fault, List<FaultSpec> earlier) {
    for (FaultSpec other : earlier) {
      boolean sameEffect = fault.kind() == other.kind()
          || (fault.kind().effect() == FaultKind.Effect.DOWN && other.kind().effect() == FaultKind.Effect.DOWN);
      if (sameEffect && fault.where().equals(other.where()) && fault.overlaps(other)) return true;
    }
    return false;
  }
}
