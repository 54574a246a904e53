package geosim.node;

/**
 * A server's CPU with {@code c} identical cores serving work items first come, first served: an
 * item waits in one queue until a core is free, then runs to completion on that core.
 *
 * <p>Because no later arrival can delay an earlier item, each item's start and completion are
 * final when it arrives: it goes to the core that frees first (ties to the lowest index) and starts
 * at {@code max(arrival, that core's free time)}. The owner schedules a timer for the returned
 * completion time; the CPU holds no per-item state, only each core's free time.
 *
 * <p>Utilization over {@code [a, b)} is {@code (busyCoreNs(b) - busyCoreNs(a)) / (c * (b - a))}:
 * exact in integer nanoseconds and never above 1. Example, c = 2: items of 10 ms arriving at 0, 0
 * and 5 ms complete at 10, 10 and 20 ms; {@code busyCoreNs(20 ms) = 30 ms}, utilization 0.75.
 *
 * <p>Times are virtual nanoseconds. Arrivals must come in non-decreasing time order, as a
 * simulated actor's messages do.
 */
public final class Cpu {
  /** Most cores one CPU may have. */
  public static final int CORES_MAX = 4096;

  private final ServerBank cores;

  /**
   * An idle CPU.
   *
   * @param cores number of cores, 1 to {@link #CORES_MAX}
   */
  public Cpu(int cores) {
    if (cores < 1 || cores > CORES_MAX) {
      throw new IllegalArgumentException("cores must be between 1 and " + CORES_MAX + ", got " + cores);
    }
    this.cores = new ServerBank(cores);
  }

  public int cores() {
    return cores.size();
  }

  /**
   * Queues a work item and returns when it completes.
   *
   * @param arrivalNs virtual time the item arrives, >= the previous arrival
   * @param demandNs work in core-nanoseconds, >= 0 (0 completes when a core is free)
   * @return completion time in virtual nanoseconds, >= {@code arrivalNs + demandNs}
   * @throws IllegalArgumentException for a negative demand, an arrival before the previous one,
   *     or a completion beyond the clock's range
   */
  public long submit(long arrivalNs, long demandNs) {
    if (demandNs < 0) throw new IllegalArgumentException("demandNs must be >= 0, got " + demandNs);
    cores.checkNotBefore(arrivalNs, "arrivalNs");
    int core = cores.earliestFree();
    long start = Math.max(arrivalNs, cores.freeAtNs(core));
    long completion = start + demandNs;
    if (completion < start) {
      throw new IllegalArgumentException("completion overflows the clock: start " + start
          + " ns + demandNs " + demandNs);
    }
    cores.book(core, arrivalNs, start, completion);
    return completion;
  }

  /**
   * Core-nanoseconds of work done from time 0 until {@code atNs}. Each core's work after the last
   * arrival is one unbroken stretch ending at its free time, so what is not yet done at {@code
   * atNs} is {@code max(0, free time - atNs)} per core.
   *
   * @param atNs virtual time, >= the last arrival (may lie in the future: the schedule is final)
   */
  public long busyCoreNs(long atNs) {
    return cores.busyNs(atNs);
  }

  /** Cores running an item at {@code atNs}, >= the last arrival: 0 to {@link #cores()}. */
  public int busyCores(long atNs) {
    return cores.busy(atNs);
  }

  /**
   * Utilization of {@code cores} cores that were busy {@code busyCoreNs} core-nanoseconds during
   * an interval of {@code intervalNs}: a number in [0, 1].
   *
   * @throws IllegalArgumentException if the busy time is negative or exceeds cores x interval
   */
  public static double utilization(long busyCoreNs, int cores, long intervalNs) {
    if (cores < 1) throw new IllegalArgumentException("cores must be >= 1, got " + cores);
    if (intervalNs <= 0) throw new IllegalArgumentException("intervalNs must be > 0, got " + intervalNs);
    double capacity = (double) cores * intervalNs;
    if (busyCoreNs < 0 || busyCoreNs > capacity) {
      throw new IllegalArgumentException("busyCoreNs must be between 0 and cores x intervalNs = "
          + (long) capacity + ", got " + busyCoreNs);
    }
    return busyCoreNs / capacity;
  }
}
