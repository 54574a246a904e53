package geosim.node;

import geosim.topology.ServerSpec;

/**
 * A server's network interface, transmit side: one FIFO queue drained at the line rate. A message
 * of {@code b} bytes occupies the NIC for its serialization time {@code ceil(8 b / gbps)} ns (1
 * Gbit/s is one bit per nanosecond) and leaves when its last bit is sent. Propagation, switches and
 * the receive side belong to the network model.
 *
 * <p>The NIC is a one-server FCFS queue, so it reuses {@link Cpu} with one core: each completion
 * is final at arrival, and busy time is exact. Example, 10 Gbit/s: 1,250-byte messages at 0 and
 * 0.5 µs leave at 1 and 2 µs; over [0, 4 µs) utilization is 0.5.
 *
 * <p>Times are virtual nanoseconds; messages come in non-decreasing time order.
 */
public final class Nic {
  /** Largest message, bytes: 1 TiB (a bulk transfer may be handed over as one message). */
  public static final long SIZE_BYTES_MAX = 1L << 40;

  private final double bandwidthGbps;
  private final Cpu line = new Cpu(1);

  /**
   * An idle NIC.
   *
   * @param bandwidthGbps line rate in Gbit/s, > 0 and at most {@link
   *     ServerSpec#NIC_GBPS_MAX}
   */
  public Nic(double bandwidthGbps) {
    if (!(bandwidthGbps > 0 && bandwidthGbps <= ServerSpec.NIC_GBPS_MAX)) {
      throw new IllegalArgumentException("bandwidthGbps must be > 0 and <= "
          + ServerSpec.NIC_GBPS_MAX + ", got " + bandwidthGbps);
    }
    this.bandwidthGbps = bandwidthGbps;
  }

  public double bandwidthGbps() {
    return bandwidthGbps;
  }

  /**
   * Serialization time of a message, ns, rounded up.
   *
   * @param sizeBytes 0 to {@link #SIZE_BYTES_MAX}
   */
  public long serializationNs(long sizeBytes) {
    if (sizeBytes < 0 || sizeBytes > SIZE_BYTES_MAX) {
      throw new IllegalArgumentException("sizeBytes must be between 0 and " + SIZE_BYTES_MAX
          + ", got " + sizeBytes);
    }
    return (long) Math.ceil(sizeBytes * 8.0 / bandwidthGbps);
  }

  /**
   * Queues a message for sending and returns when its last bit leaves.
   *
   * @param arrivalNs virtual time the message is handed to the NIC, >= the previous one
   * @param sizeBytes 0 to {@link #SIZE_BYTES_MAX}
   * @return virtual time the message is sent, >= {@code arrivalNs + serializationNs(sizeBytes)}
   */
  public long send(long arrivalNs, long sizeBytes) {
    return line.submit(arrivalNs, serializationNs(sizeBytes));
  }

  /** Nanoseconds spent sending from time 0 until {@code atNs}, >= the last arrival. */
  public long busyNs(long atNs) {
    return line.busyCoreNs(atNs);
  }

  /** Whether a message is being sent at {@code atNs}, >= the last arrival. */
  public boolean isBusy(long atNs) {
    return line.busyCores(atNs) > 0;
  }
}
