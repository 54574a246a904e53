package geosim.node;

import geosim.kernel.ActorContext;
import geosim.kernel.Timer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A server's CPU with {@code c} identical cores under processor sharing: with {@code n} items in
 * the system each runs at rate {@code min(1, c / n)} of a core, so {@code min(n, c)} cores are
 * busy. This is the usual model of a time-sliced CPU [1, ch. 22].
 *
 * <p>Every item gets the same rate, so items finish in the order of the cumulative service one
 * item has received since time 0 ("attained service") at which they are done: arrival's attained
 * service + demand. A heap on that key gives the next completion in O(log n); an arrival or a
 * completion changes the rate and so the next completion time, which the owner re-arms through
 * {@link #rearm}: the old timer is cancelled and a new one started.
 *
 * <p>Completion times are rounded up to whole nanoseconds. Busy core-time is an exact integer:
 * {@code min(n, c)} times each stretch between changes. Times are virtual nanoseconds and must not
 * go backwards; the owner must take completions ({@link #takeCompleted}) when their timer fires.
 *
 * <p>[1] M. Harchol-Balter, Performance Modeling and Design of Computer Systems, Cambridge
 * University Press, 2013, chapter 22 (processor-sharing queues).
 */
public final class SharedCpu {
  /** Remaining service (core-ns) below which an item counts as done: floating-point slack. */
  private static final double DONE_SLACK_NS = 1e-3;

  private record Item(double doneAtAttainedNs, long seq, long id) {}

  private final int cores;
  private final PriorityQueue<Item> items = new PriorityQueue<>(
      Comparator.comparingDouble(Item::doneAtAttainedNs).thenComparingLong(Item::seq));
  private double attainedNs;
  private long lastNs;
  private long busyCoreNs;
  private long nextSeq;
  private Timer timer;

  /**
   * An idle CPU.
   *
   * @param cores number of cores, 1 to {@link Cpu#CORES_MAX}
   */
  public SharedCpu(int cores) {
    if (cores < 1 || cores > Cpu.CORES_MAX) {
      throw new IllegalArgumentException("cores must be between 1 and " + Cpu.CORES_MAX + ", got " + cores);
    }
    this.cores = cores;
  }

  public int cores() {
    return cores;
  }

  /** Items being served. */
  public int size() {
    return items.size();
  }

  /**
   * Adds a work item.
   *
   * @param nowNs virtual time, >= the last call's
   * @param id the owner's name for the item, returned by {@link #takeCompleted}
   * @param demandNs work in core-nanoseconds, >= 0
   */
  public void submit(long nowNs, long id, long demandNs) {
    if (demandNs < 0) throw new IllegalArgumentException("demandNs must be >= 0, got " + demandNs);
    advanceTo(nowNs);
    items.add(new Item(attainedNs + demandNs, nextSeq++, id));
  }

  /** Removes and returns the ids of the items done by {@code nowNs}, in completion order. */
  public List<Long> takeCompleted(long nowNs) {
    advanceTo(nowNs);
    List<Long> done = new ArrayList<>(1);
    while (!items.isEmpty() && remaining(items.peek()) <= DONE_SLACK_NS + 8 * Math.ulp(attainedNs)) {
      done.add(items.poll().id());
    }
    return done;
  }

  /** When the next item completes if nothing arrives: a virtual time, or Long.MAX_VALUE when idle. */
  public long nextCompletionNs() {
    if (items.isEmpty()) return Long.MAX_VALUE;
    double waitNs = Math.max(0, remaining(items.peek())) / rate();
    return lastNs + (long) Math.ceil(waitNs);
  }

  /**
   * Cancels the pending completion timer and, if items remain, starts one that delivers {@code
   * message} at {@link #nextCompletionNs()}. Call after every {@link #submit} and {@link
   * #takeCompleted}.
   */
  public <M> void rearm(ActorContext<M> ctx, M message) {
    if (timer != null) timer.cancel();
    timer = null;
    advanceTo(ctx.now());
    if (!items.isEmpty()) timer = ctx.startTimer(message, nextCompletionNs() - ctx.now());
  }

  /**
   * Core-nanoseconds of work done from time 0 until {@code atNs}.
   *
   * @param atNs virtual time, >= the last call's and at most {@link #nextCompletionNs()}
   */
  public long busyCoreNs(long atNs) {
    checkTime(atNs);
    if (atNs > nextCompletionNs()) {
      throw new IllegalArgumentException("atNs " + atNs + " is past the next completion "
          + nextCompletionNs() + " ns; take completions first");
    }
    return busyCoreNs + (long) Math.min(items.size(), cores) * (atNs - lastNs);
  }

  private void advanceTo(long nowNs) {
    checkTime(nowNs);
    long dt = nowNs - lastNs;
    if (dt > 0 && !items.isEmpty()) {
      attainedNs += rate() * dt;
      busyCoreNs += (long) Math.min(items.size(), cores) * dt;
    }
    lastNs = nowNs;
  }

  private double rate() {
    return Math.min(1.0, (double) cores / items.size());
  }

  private double remaining(Item item) {
    return item.doneAtAttainedNs() - attainedNs;
  }

  private void checkTime(long nowNs) {
    if (nowNs < lastNs) {
      throw new IllegalArgumentException("time must not go backwards: last " + lastNs + " ns, got " + nowNs);
    }
  }
}
