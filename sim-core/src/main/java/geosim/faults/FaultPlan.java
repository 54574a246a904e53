package geosim.faults;

import geosim.network.CutSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A scenario's scheduled faults, known before the run and shared read-only.
 *
 * <pre>{@code
 * FaultPlan plan = new FaultPlan(List.of(FaultSpec.serverCrash(20_000_000_000L, 80_000_000_000L, path)));
 * long[] windows = plan.crashWindowsNs(path); // {start, end, start, end, ...}
 * }</pre>
 *
 * @param faults the faults in the order the scenario lists them
 */
public record FaultPlan(List<FaultSpec> faults) {
  /** No faults. */
  public static final FaultPlan NONE = new FaultPlan(List.of());

  public FaultPlan {
    faults = List.copyOf(faults);
  }

  /** The region partitions as network cuts between the two regions. */
  public List<CutSpec> cuts() {
    List<CutSpec> cuts = new ArrayList<>();
    for (FaultSpec f : faults) {
      if (f.kind() == FaultKind.REGION_PARTITION) {
        cuts.add(CutSpec.between(f.atNs(), f.endNs(), f.between().get(0), f.between().get(1)));
      }
    }
    return cuts;
  }

  /** The crashes of any server, in the scenario's order. */
  public List<FaultSpec> crashes() {
    List<FaultSpec> crashes = new ArrayList<>();
    for (FaultSpec f : faults) {
      if (f.kind() == FaultKind.SERVER_CRASH) crashes.add(f);
    }
    return crashes;
  }

  /**
   * The crashes of the server at {@code path} as {start, end} pairs of ns, by start time;
   * overlapping crashes of one server are merged. Empty when it never crashes.
   */
  public long[] crashWindowsNs(String path) {
    List<long[]> windows = new ArrayList<>();
    for (FaultSpec f : crashes()) {
      if (f.target().equals(path)) windows.add(new long[] {f.atNs(), f.endNs()});
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

  public boolean isEmpty() {
    return faults.isEmpty();
  }
}
