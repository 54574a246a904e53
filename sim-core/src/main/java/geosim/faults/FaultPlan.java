package geosim.faults;

import geosim.network.BackgroundFlowSpec;
import geosim.network.CutSpec;
import geosim.network.DegradationSpec;
import geosim.network.PartitionSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A scenario's scheduled faults, known before the run and shared read-only. Each kind becomes what
 * the model already knows how to apply on its own timers, so no control message crosses
 * partitions: servers that go down ({@link #downWindowsNs}), network cuts ({@link #cuts}),
 * partitions that filter frames by their ends ({@link #partitions}),
 * degraded links ({@link #degradations}), background flows ({@link #storms}), and per-server changes of disk, clock or answers ({@link
 * #serverStateFaults}).
 *
 * <pre>{@code
 * FaultPlan plan = new FaultPlan(List.of(FaultSpec.serverCrash(20_000_000_000L, 80_000_000_000L, path)));
 * long[] windows = plan.downWindowsNs(path); // {start, end, start, end, ...}
 * }</pre>
 *
 * <p>Faults injected while a run went on (the visualizer) are recorded as the driver's requests,
 * start and end, in the order they were taken ({@link #injected}); a replay hands them to the
 * run again at their times, as messages (see {@code geosim.scenario.FaultInjector}), not through
 * the lists above.
 *
 * @param faults the faults in the order the scenario lists them
 * @param injected the recorded injections: starts (their {@code endNs} as known when injected,
 *     {@link Long#MAX_VALUE} for "until ended") and ends, by the time they took effect
 */
public record FaultPlan(List<FaultSpec> faults, List<FaultEvent> injected) {
  /** No faults. */
  public static final FaultPlan NONE = new FaultPlan(List.of());

  public FaultPlan {
    faults = List.copyOf(faults);
    injected = List.copyOf(injected);
    for (int i = 1; i < injected.size(); i++) {
      if (injected.get(i).timeNs() < injected.get(i - 1).timeNs()) {
        throw new IllegalArgumentException("injected faults must be in time order, got " + injected);
      }
    }
  }

  /** Scheduled faults only. */
  public FaultPlan(List<FaultSpec> faults) {
    this(faults, List.of());
  }

  /** This plan with {@code more} scheduled faults after its own (the same plan when there are none). */
  public FaultPlan withMore(List<FaultSpec> more) {
    if (more.isEmpty()) return this;
    List<FaultSpec> all = new ArrayList<>(faults);
    all.addAll(more);
    return new FaultPlan(all, injected);
  }

  /**
   * The network cuts: region partitions and link cuts between their two elements, a failed switch
   * and a region in an outage isolated from the rest.
   */
  public List<CutSpec> cuts() {
    List<CutSpec> cuts = new ArrayList<>();
    for (FaultSpec f : faults) {
      switch (f.kind()) {
        case REGION_PARTITION, LINK_CUT -> cuts.add(CutSpec.between(f.atNs(), f.endNs(), f.between().get(0),
            f.between().get(1)));
        case SWITCH_FAILURE, REGION_OUTAGE -> cuts.add(CutSpec.isolate(f.atNs(), f.endNs(), f.target()));
        default -> { }
      }
    }
    return cuts;
  }

  /** The partitions between two sets of elements (kind {@code partition}), in the scenario's order. */
  public List<PartitionSpec> partitions() {
    List<PartitionSpec> partitions = new ArrayList<>();
    for (FaultSpec f : faults) {
      if (f.kind() == FaultKind.PARTITION) partitions.add(new PartitionSpec(f.atNs(), f.endNs(), f.sides()));
    }
    return partitions;
  }

  /** The link degradations, in the scenario's order. */
  public List<DegradationSpec> degradations() {
    List<DegradationSpec> degradations = new ArrayList<>();
    for (FaultSpec f : faults) {
      if (f.kind() == FaultKind.LINK_DEGRADATION) {
        degradations.add(new DegradationSpec(f.atNs(), f.endNs(), f.between(), f.degradation()));
      }
    }
    return degradations;
  }

  /**
   * The storms as background flows, two per storm (the pair floods each other: one flow each way
   * at the storm's rate), named {@code storm-<n>-a-b} and {@code storm-<n>-b-a} (n counts the
   * storms from 1), in the scenario's order.
   */
  public List<BackgroundFlowSpec> storms() {
    return storms("storm-");
  }

  /** As {@link #storms()}, the flows named {@code <prefix><n>-a-b} and {@code <prefix><n>-b-a}. */
  public List<BackgroundFlowSpec> storms(String prefix) {
    List<BackgroundFlowSpec> flows = new ArrayList<>();
    int n = 0;
    for (FaultSpec f : faults) {
      if (f.kind() != FaultKind.STORM) continue;
      n++;
      String a = f.between().get(0);
      String b = f.between().get(1);
      flows.add(new BackgroundFlowSpec(prefix + n + "-a-b", a, b, f.amount(), f.atNs(), f.endNs()));
      flows.add(new BackgroundFlowSpec(prefix + n + "-b-a", b, a, f.amount(), f.atNs(), f.endNs()));
    }
    return flows;
  }

  /** Every server of {@code serverPaths} taken down by a fault, one entry per (fault, server), by fault then path order. */
  public List<ServerOutage> outages(List<String> serverPaths) {
    List<ServerOutage> outages = new ArrayList<>();
    for (FaultSpec f : faults) {
      if (f.kind().effect() != FaultKind.Effect.DOWN) continue;
      for (String path : serverPaths) {
        if (CutSpec.within(path, f.target())) outages.add(new ServerOutage(path, f.atNs(), f.endNs()));
      }
    }
    return outages;
  }

  /**
   * The times the server at {@code path} is down (its own crash, restart or termination, its
   * rack's power loss, its region's outage) as {start, end} pairs of ns, by start time;
   * overlapping windows are merged. Empty when it never goes down.
   */
  public long[] downWindowsNs(String path) {
    List<long[]> windows = new ArrayList<>();
    for (FaultSpec f : faults) {
      if (f.kind().effect() == FaultKind.Effect.DOWN && CutSpec.within(path, f.target())) {
        windows.add(new long[] {f.atNs(), f.endNs()});
      }
    }
    windows.sort(Comparator.comparingLong(w -> w[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] w : windows) {
      long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && w[0] <= last[1]) {
        last[1] = Math.max(last[1], w[1]);
      } else {
        merged.add(w.clone());
      }
    }
    long[] out = new long[2 * merged.size()];
    for (int i = 0; i < merged.size(); i++) {
      out[2 * i] = merged.get(i)[0];
      out[2 * i + 1] = merged.get(i)[1];
    }
    return out;
  }

  /**
   * When the server at {@code path} loses its disk's contents (its server-terminates and disk
   * failures, {@link FaultKind#losesDisk}), ns, ascending; empty for never.
   */
  public long[] diskLossesNs(String path) {
    return faults.stream().filter(f -> f.kind().losesDisk() && f.target().equals(path))
        .mapToLong(FaultSpec::atNs).sorted().toArray();
  }

  /** The slow disks, clock jumps and gray failures of the server at {@code path}, in the scenario's order. */
  public List<FaultSpec> serverStateFaults(String path) {
    List<FaultSpec> mine = new ArrayList<>();
    for (FaultSpec f : faults) {
      if (f.kind().effect() == FaultKind.Effect.SERVER_STATE && f.target().equals(path)) mine.add(f);
    }
    return mine;
  }

  /**
   * How many faults of each kind start before {@code untilNs}, by config name ({@code
   * server-crash}); kinds without such faults are left out.
   */
  public SortedMap<String, Long> countsByKind(long untilNs) {
    SortedMap<String, Long> counts = new TreeMap<>();
    for (FaultSpec f : faults) {
      if (f.atNs() < untilNs) counts.merge(f.kind().configName(), 1L, Long::sum);
    }
    return counts;
  }

  /**
   * Every start and end before {@code untilNs}, by time (then by the scenario's order, starts
   * before ends): the fault log of a run of that length.
   */
  public List<FaultEvent> events(long untilNs) {
    List<FaultEvent> events = new ArrayList<>();
    for (FaultSpec f : faults) {
      if (f.atNs() < untilNs) events.add(new FaultEvent(f.atNs(), true, f));
      if (f.endNs() < untilNs) events.add(new FaultEvent(f.endNs(), false, f));
    }
    events.sort(Comparator.comparingLong(FaultEvent::timeNs));
    return events;
  }

  /**
   * This plan with its injected faults among {@link #faults}: each injected start with the end
   * its later end event gave it (an end stops the latest injected fault of its kind and place
   * that had none); what a replayed run's faults were.
   */
  public FaultPlan effective() {
    List<FaultSpec> started = new ArrayList<>();
    for (FaultEvent e : injected) {
      if (e.start()) {
        started.add(e.fault());
      } else {
        endLatestOpen(started, e.fault(), e.timeNs());
      }
    }
    List<FaultSpec> all = new ArrayList<>(faults);
    all.addAll(started);
    return new FaultPlan(all, injected);
  }

  /**
   * Ends the latest fault of {@code started} of {@code like}'s kind and place that has no end
   * ({@link Long#MAX_VALUE}) at {@code atNs} (at least 1 ns after its start), in place.
   *
   * @return the ended fault, or null when there is none open
   */
  public static FaultSpec endLatestOpen(List<FaultSpec> started, FaultSpec like, long atNs) {
    for (int i = started.size() - 1; i >= 0; i--) {
      FaultSpec f = started.get(i);
      if (f.kind() == like.kind() && f.where().equals(like.where()) && f.endNs() == Long.MAX_VALUE) {
        FaultSpec ended = f.at(f.atNs(), Math.max(atNs, f.atNs() + 1));
        started.set(i, ended);
        return ended;
      }
    }
    return null;
  }

  /** No scheduled and no injected fault. */
  public boolean isEmpty() {
    return faults.isEmpty() && injected.isEmpty();
  }
}
