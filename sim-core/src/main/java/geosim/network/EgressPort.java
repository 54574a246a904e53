package geosim.network;

import geosim.topology.LinkSpec;

/**
 * One direction of a link as its sending switch (or NIC) sees it: a FIFO queue of finite size
 * in bytes, drained at the capacity that background flows leave, then a wire with a
 * propagation delay. Because the port is FIFO and drains at a known rate, the fate of a message
 * is known when it arrives (a Lindley recursion, as for a FIFO single server [1]): no event is
 * needed per message.
 *
 * <p>For a message of {@code s} bytes arriving at {@code t}: the queued bytes {@code q(t)} are
 * what earlier messages left after draining at the residual rate {@code r = bandwidth -
 * background}. If {@code q(t) + s > buffer} the message is dropped (tail drop [2]). Otherwise it
 * departs when its last bit is out, {@code t + 8 (q(t) + s) / r} (the same as {@code max(t,
 * port free) + 8 s / r}), and arrives at the far end one propagation delay later. Example:
 * 1500 B at 10 Gbit/s serialize in 1200 ns; with background flows taking 9 Gbit/s, 12,000 ns.
 * Departures are rounded up to whole ns.
 *
 * <p>A degraded link ({@link #setCondition}) drains at its capacity factor times the bandwidth
 * (minus the background) and adds its extra latency to the propagation of every message that
 * departs; its loss is drawn by the port's owner ({@link LinkCondition#lossProbability}).
 *
 * <p>With {@code r = 0} nothing drains: messages are accepted until the buffer is full and get
 * departure {@link #NEVER} (the caller treats them as lost unless the background shrinks).
 * When the background changes, the queue keeps its bytes and drains at the new rate from then
 * on; departures already promised are not revised, and a later message never departs before an
 * earlier one (FIFO).
 *
 * <p>Times are virtual ns and must not go backwards between calls. Not thread-safe: it belongs
 * to one actor.
 *
 * <p>[1] D. V. Lindley, "The theory of queues with a single server", Proc. Cambridge Phil. Soc.
 * 48(2), 1952. <br>
 * [2] S. Floyd, V. Jacobson, "Random Early Detection Gateways for Congestion Avoidance",
 * IEEE/ACM ToN 1(4), 1993, section 1 (drop-tail FIFO as the baseline gateway).
 */
public final class EgressPort {
  /** Departure or arrival time of a message that will not leave: dropped, or stalled at zero residual. */
  public static final long NEVER = Long.MAX_VALUE;

  private final double bandwidthBps;
  private final long propagationNs;
  private final long bufferBytes;
  private double backgroundBps;
  private double capacityBps;
  private LinkCondition condition = LinkCondition.NORMAL;
  private long lastNs;
  private double backlogBits;
  private double acceptedBits;
  private double backgroundBitsTotal;
  private long lastDepartureNs;
  private long droppedMessages;

  /**
   * @param bandwidthBps capacity, bit/s, > 0 and finite
   * @param propagationNs one-way propagation delay, ns, >= 0
   * @param bufferBytes most bytes queued at once, including the message being sent, >= 0
   */
  public EgressPort(double bandwidthBps, long propagationNs, long bufferBytes) {
    if (!(bandwidthBps > 0 && Double.isFinite(bandwidthBps))) {
      throw new IllegalArgumentException("bandwidthBps must be > 0 and finite, got " + bandwidthBps);
    }
    if (propagationNs < 0) throw new IllegalArgumentException("propagationNs must be >= 0, got " + propagationNs);
    if (bufferBytes < 0) throw new IllegalArgumentException("bufferBytes must be >= 0, got " + bufferBytes);
    this.bandwidthBps = bandwidthBps;
    this.propagationNs = propagationNs;
    this.bufferBytes = bufferBytes;
    this.capacityBps = bandwidthBps;
  }

  /** A port for one direction of a topology link, with a buffer of {@code bufferBytes}. */
  public static EgressPort of(LinkSpec spec, long bufferBytes) {
    return new EgressPort(spec.bandwidthGbps() * 1e9, spec.latencyNs(), bufferBytes);
  }

  /**
   * Offers a message of {@code sizeBytes} to the port at {@code nowNs}.
   *
   * @param nowNs virtual time, ns, >= the time of the previous call
   * @param sizeBytes message size on the wire, bytes, >= 1
   */
  public Transmission send(long nowNs, long sizeBytes) {
    if (sizeBytes < 1) throw new IllegalArgumentException("sizeBytes must be >= 1, got " + sizeBytes);
    advanceTo(nowNs);
    if (backlogBits / 8 + sizeBytes > bufferBytes) {
      droppedMessages++;
      return Transmission.dropped();
    }
    backlogBits += 8.0 * sizeBytes;
    acceptedBits += 8.0 * sizeBytes;
    long departureNs = lastDepartureNs == NEVER ? drainedAtNs(nowNs) : Math.max(lastDepartureNs, drainedAtNs(nowNs));
    lastDepartureNs = departureNs;
    long arrivalNs = departureNs == NEVER ? NEVER
        : saturatedAdd(departureNs, saturatedAdd(propagationNs, condition.extraLatencyNs()));
    return new Transmission(true, departureNs, arrivalNs);
  }

  /**
   * Sets the rate background flows take from this port from {@code nowNs} on, e.g. a link's
   * share from {@link MaxMinFairShare}.
   *
   * @param nowNs virtual time, ns, >= the time of the previous call
   * @param backgroundBps bit/s, 0 to the bandwidth; up to 1e-9 relative over it is clamped to it, because a
   *     fair share summed from several flows may overshoot the capacity by rounding
   */
  public void setBackgroundBps(long nowNs, double backgroundBps) {
    if (!(backgroundBps >= 0 && backgroundBps <= bandwidthBps * (1 + 1e-9))) {
      throw new IllegalArgumentException(
          "backgroundBps must be between 0 and the bandwidth " + bandwidthBps + ", got " + backgroundBps);
    }
    advanceTo(nowNs);
    this.backgroundBps = Math.min(backgroundBps, capacityBps);
  }

  /**
   * Degrades the link (or restores it with {@link LinkCondition#NORMAL}) from {@code nowNs} on,
   * with the background rate that its new capacity leaves ({@link #setBackgroundBps}): the queue
   * keeps its bytes and drains at the new residual rate; departures already promised stand.
   *
   * @param nowNs virtual time, ns, >= the time of the previous call
   * @param backgroundBps bit/s, 0 to the new capacity (clamped to it)
   */
  public void setCondition(long nowNs, LinkCondition newCondition, double backgroundBps) {
    advanceTo(nowNs);
    condition = newCondition;
    capacityBps = bandwidthBps * newCondition.capacityFactor();
    setBackgroundBps(nowNs, Math.min(backgroundBps, capacityBps));
  }

  /** The link's degradation now ({@link LinkCondition#NORMAL} when none). */
  public LinkCondition condition() {
    return condition;
  }

  /** Capacity left to foreground messages, bit/s: capacity (as degraded) minus background, >= 0. */
  public double residualBps() {
    return Math.max(0, capacityBps - backgroundBps);
  }

  public double bandwidthBps() {
    return bandwidthBps;
  }

  public long propagationNs() {
    return propagationNs;
  }

  public long bufferBytes() {
    return bufferBytes;
  }

  /** Messages dropped so far because the buffer was full. */
  public long droppedMessages() {
    return droppedMessages;
  }

  /** Bytes waiting or being sent at {@code nowNs} (>= the previous call's time), without changing the port. */
  public double queuedBytes(long nowNs) {
    return drained(nowNs) / 8;
  }

  /** Cumulative traffic up to {@code nowNs} (>= the previous call's time), without changing the port. */
  public PortUsage usage(long nowNs) {
    double background = backgroundBitsTotal + backgroundBps * (nowNs - lastNs) / 1e9;
    return new PortUsage(nowNs, acceptedBits - drained(nowNs), background, bandwidthBps);
  }

  /** Backlog in bits at {@code nowNs} if nothing arrives before. */
  private double drained(long nowNs) {
    checkNotBefore(nowNs);
    return Math.max(0, backlogBits - residualBps() * (nowNs - lastNs) / 1e9);
  }

  private void advanceTo(long nowNs) {
    backlogBits = drained(nowNs);
    backgroundBitsTotal += backgroundBps * (nowNs - lastNs) / 1e9;
    lastNs = nowNs;
  }

  /** When the current backlog will have left, draining at the residual rate; NEVER at zero residual. */
  private long drainedAtNs(long nowNs) {
    double residual = residualBps();
    if (residual <= 0) return NEVER;
    double ns = drainNs(backlogBits, residual);
    return ns >= NEVER - nowNs ? NEVER : nowNs + (long) ns;
  }

  /**
   * Time to send {@code bits} at {@code residualBps} (> 0), ns, rounded up to whole ns so the last
   * bit is out by then; the 1e-6 ns slack keeps floating-point noise (1200.0000000002) from adding a
   * nanosecond. Example: 12,000 bits at 10 Gbit/s, 1200.0.
   */
  static double drainNs(double bits, double residualBps) {
    return Math.ceil(bits * 1e9 / residualBps - 1e-6);
  }

  private void checkNotBefore(long nowNs) {
    if (nowNs < lastNs) {
      throw new IllegalArgumentException("nowNs must be >= the previous call's " + lastNs + " ns, got " + nowNs);
    }
  }

  private static long saturatedAdd(long a, long b) {
    return a > NEVER - b ? NEVER : a + b;
  }
}
