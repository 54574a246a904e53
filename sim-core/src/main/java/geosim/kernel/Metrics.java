package geosim.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.HdrHistogram.Histogram;

/**
 * Counters and histograms of one partition, by name. Names are sorted (TreeMap), so merging
 * partitions and writing snapshots is deterministic.
 *
 * <p>Look a metric up once (for example in {@link SimActor#start}) and keep the returned object:
 * the lookup is a map search, recording is a field update.
 *
 * <p>Each actor that looks a counter up gets its own {@link Counter} under that name (the actor
 * being called at the lookup owns it; a lookup outside any actor's call gets a counter owned by
 * none). Recording costs the same; snapshots sum a name's counters, and a violated invariant can
 * ask which actor holds what ({@link CounterBreakdown}).
 *
 * <p>Histograms record non-negative longs in any unit the model chooses; by convention latencies
 * are recorded in microseconds with names ending in {@code -us}. They keep 3 significant digits
 * and start small, growing their range to the largest value recorded: a histogram sized up
 * front for an hour in microseconds takes about 370 KB, and every snapshot copies histograms.
 */
public final class Metrics {
  private static final int SIGNIFICANT_DIGITS = 3;
  /** The owner of counters looked up outside any actor's call. */
  static final int NO_OWNER = -1;

  private final IntSupplier owner;
  private final TreeMap<String, CounterFamily> counters = new TreeMap<>();
  private final TreeMap<String, Histogram> histograms = new TreeMap<>();
  private final List<IntervalSampler> samplers = new ArrayList<>();

  /** A registry whose counters belong to no actor. */
  public Metrics() {
    this(() -> NO_OWNER);
  }

  /** @param owner the slot of the actor being called when a counter is looked up, {@link #NO_OWNER} between calls */
  Metrics(IntSupplier owner) {
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  /** The calling actor's counter called {@code name}, created at 0 on first use. */
  public Counter counter(String name) {
    return counters.computeIfAbsent(name, n -> new CounterFamily()).of(owner.getAsInt());
  }

  /** The histogram called {@code name}, created empty on first use. */
  public Histogram histogram(String name) {
    return histograms.computeIfAbsent(name, n -> newHistogram());
  }

  /** Calls {@code sampler} at every snapshot boundary from now on (see {@link IntervalSampler}). */
  public void sampleAtSnapshots(IntervalSampler sampler) {
    samplers.add(Objects.requireNonNull(sampler, "sampler"));
  }

  /** Runs every sampler, in registration order, at the boundary {@code atNs}. */
  void sample(long atNs) {
    for (IntervalSampler sampler : samplers) sampler.sample(atNs);
  }

  static Histogram newHistogram() {
    return new Histogram(SIGNIFICANT_DIGITS); // auto-resizing

  }

  /** Adds every counter's current value, summed over its owners, into {@code into}. */
  void addCountersTo(SortedMap<String, Long> into) {
    for (Map.Entry<String, CounterFamily> e : counters.entrySet()) {
      into.merge(e.getKey(), e.getValue().sum(), Long::sum);
    }
  }

  /**
   * Adds each owner's value of the counter {@code name} into {@code into}, under the label
   * {@code labelOf} gives its slot ({@link #NO_OWNER} included); nothing when no one counts it.
   */
  void addByOwnerTo(String name, IntFunction<String> labelOf, SortedMap<String, Long> into) {
    CounterFamily family = counters.get(name);
    if (family == null) return;
    for (int i = 0; i < family.size; i++) {
      into.merge(labelOf.apply(family.owners[i]), family.members[i].value(), Long::sum);
    }
  }

  /**
   * Puts a copy of every histogram that recorded something into {@code into} and resets it,
   * starting a new interval. (Actors keep references to their histograms, so the registry keeps
   * the objects and hands out copies.)
   */
  void drainHistogramsTo(SortedMap<String, Histogram> into) {
    for (Map.Entry<String, Histogram> e : histograms.entrySet()) {
      Histogram h = e.getValue();
      if (h.getTotalCount() == 0) continue;
      into.put(e.getKey(), h.copy());
      h.reset();
    }
  }

  /**
   * The counters of one name, one per owner, sorted by owner slot: a lookup is a binary search,
   * and actors mostly look up in slot order (their start hooks), so an insert is mostly an append.
   */
  private static final class CounterFamily {
    private int[] owners = new int[2];
    private Counter[] members = new Counter[2];
    private int size;

    Counter of(int owner) {
      int at = Arrays.binarySearch(owners, 0, size, owner);
      if (at >= 0) return members[at];
      int insert = -at - 1;
      if (size == owners.length) {
        owners = Arrays.copyOf(owners, size * 2);
        members = Arrays.copyOf(members, size * 2);
      }
      System.arraycopy(owners, insert, owners, insert + 1, size - insert);
      System.arraycopy(members, insert, members, insert + 1, size - insert);
      owners[insert] = owner;
      members[insert] = new Counter();
      size++;
      return members[insert];
    }

    long sum() {
      long sum = 0;
      for (int i = 0; i < size; i++) sum += members[i].value();
      return sum;
    }
  }
}
