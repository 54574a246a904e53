package geosim.node;

import java.util.Objects;

/**
 * A server's disk: requests served first come, first served, in two stages. A request takes the
 * channel that frees first (ties to the lowest index) and holds it from {@code start = max(arrival,
 * channel free)} until it completes: it is positioned ({@link DiskSpec#positioningNs}), then waits
 * for the device's one interface and transfers its bytes ({@link DiskSpec#transferNs}). Both
 * stages serve requests in arrival order. An HDD has one channel, so its service time is seek +
 * half a rotation + size / transfer rate [1]; an SSD's channels overlap their access latencies
 * while transfers share the interface [2].
 *
 * <p>As with {@link Cpu}, no later arrival can delay an earlier request, so each completion is
 * final when the request arrives; the owner schedules a timer for it. Busy time counts a channel
 * from a request's start to its completion, including any wait for the interface, so utilization
 * over {@code [a, b)} is {@code (busyChannelNs(b) - busyChannelNs(a)) / (channels * (b - a))},
 * exact and never above 1 ({@link Cpu#utilization} computes it).
 *
 * <p>A {@linkplain #setSlowdown slowdown} factor (the "slow disk" fault) multiplies both stages of
 * the requests that arrive after it is set, each rounded up to whole nanoseconds.
 *
 * <p>Times are virtual nanoseconds; arrivals come in non-decreasing order. Example, {@link
 * DiskSpec#hdd()}: random 4 KiB reads arriving at 0 and 1 ms complete at 12.70 and 25.40 ms.
 *
 * <p>[1] C. Ruemmler, J. Wilkes, "An introduction to disk drive modeling", IEEE Computer 27(3),
 * 1994: seek, rotational latency and transfer as the parts of a disk's service time.
 * <br>[2] N. Agrawal et al., "Design Tradeoffs for SSD Performance", USENIX ATC 2008: parallel
 * flash packages behind one host interface.
 */
public final class Disk {
  /** Largest request, bytes: 1 TiB. */
  public static final long SIZE_BYTES_MAX = 1L << 40;
  /** Largest slowdown factor. Assumption: a disk 10^6 times slower is as good as dead. */
  public static final double SLOWDOWN_MAX = 1e6;

  /** Whether a request must position first. */
  public enum Access {
    /** Anywhere on the device: an HDD seeks and waits half a rotation. */
    RANDOM,
    /** Right after the previous request (a log append): no seek, no rotational wait. */
    SEQUENTIAL
  }

  private final DiskSpec spec;
  private final ServerBank channels;
  private long interfaceFreeAtNs;
  private double slowdown = 1;

  /** An idle disk at full speed. */
  public Disk(DiskSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.channels = new ServerBank(spec.channels());
  }

  public DiskSpec spec() {
    return spec;
  }

  public int channels() {
    return channels.size();
  }

  public double slowdown() {
    return slowdown;
  }

  /**
   * Slows the requests that arrive from now on; 1 restores full speed. Requests already queued
   * keep their completion times.
   *
   * @param factor service-time multiplier, 1 to {@link #SLOWDOWN_MAX}
   */
  public void setSlowdown(double factor) {
    if (!(factor >= 1 && factor <= SLOWDOWN_MAX)) {
      throw new IllegalArgumentException("slowdown must be between 1 and " + SLOWDOWN_MAX
          + ", got " + factor);
    }
    slowdown = factor;
  }

  /**
   * Service time of a request on an idle disk at the current slowdown, ns.
   *
   * @param sizeBytes 0 to {@link #SIZE_BYTES_MAX}
   */
  public long serviceNs(long sizeBytes, Access access) {
    return plus(slowed(spec.positioningNs(access)), slowed(spec.transferNs(sizeBytes)));
  }

  /**
   * Queues a request and returns when it completes.
   *
   * @param arrivalNs virtual time the request arrives, >= the previous arrival
   * @param sizeBytes bytes read or written, 0 to {@link #SIZE_BYTES_MAX}
   * @param access random or sequential
   * @return completion time in virtual nanoseconds, >= {@code arrivalNs + serviceNs(...)}
   * @throws IllegalArgumentException for a bad size, an arrival before the previous one, or a
   *     completion beyond the clock's range
   */
  public long submit(long arrivalNs, long sizeBytes, Access access) {
    long positioningNs = slowed(spec.positioningNs(access));
    long transferNs = slowed(spec.transferNs(sizeBytes));
    channels.checkNotBefore(arrivalNs, "arrivalNs");
    int channel = channels.earliestFree();
    long start = Math.max(arrivalNs, channels.freeAtNs(channel));
    long transferStart = Math.max(plus(start, positioningNs), interfaceFreeAtNs);
    long completion = plus(transferStart, transferNs);
    channels.book(channel, arrivalNs, start, completion);
    interfaceFreeAtNs = completion;
    return completion;
  }

  /**
   * Channel-nanoseconds busy from time 0 until {@code atNs}. A channel's work after the last
   * arrival is one unbroken stretch ending at its free time, as in {@link Cpu#busyCoreNs}.
   *
   * @param atNs virtual time, >= the last arrival (may lie in the future: the schedule is final)
   */
  public long busyChannelNs(long atNs) {
    return channels.busyNs(atNs);
  }

  /** Channels holding a request at {@code atNs}, >= the last arrival: 0 to {@link #channels()}. */
  public int busyChannels(long atNs) {
    return channels.busy(atNs);
  }

  private long slowed(long ns) {
    if (slowdown == 1) return ns;
    double scaled = Math.ceil(ns * slowdown);
    if (scaled >= Long.MAX_VALUE) throw new IllegalArgumentException("service time overflows the clock");
    return (long) scaled;
  }

  private static long plus(long aNs, long bNs) {
    long sum = aNs + bNs;
    if (sum < aNs) {
      throw new IllegalArgumentException("completion overflows the clock: " + aNs + " ns + " + bNs);
    }
    return sum;
  }
}
