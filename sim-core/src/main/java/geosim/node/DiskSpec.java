package geosim.node;

import geosim.topology.DiskKind;
import java.util.Objects;

/**
 * The performance figures of one disk, read by {@link Disk}.
 *
 * <p>A request holds one of {@code channels} channels for its positioning time, then moves its
 * bytes over the device's one shared interface at {@code transferMBps}:
 *
 * <ul>
 *   <li>HDD (one channel, the arm): random positioning = average seek + half a rotation, the
 *       expected rotational latency [1]; a sequential request (commit-log append, compaction
 *       stream) skips both. {@code accessNs} is 0.
 *   <li>SSD: positioning = {@code accessNs}, random or sequential alike; {@code channels} flash
 *       channels work in parallel, so small random requests overlap and IOPS reach tens of
 *       thousands while large ones are bounded by the interface [2].
 * </ul>
 *
 * <p>Example, {@link #hdd()}: a random 4 KiB read takes 8.5 + 4.167 + 0.034 ms = 12.70 ms, about
 * 79 IOPS when saturated; a 1 MB sequential write takes 8.33 ms, 120 MB/s.
 *
 * <p>[1] Seagate, Barracuda 7200.11 Serial ATA data sheet, 2008: 7,200 rpm, average seek (read)
 * 8.5 ms, average latency 4.16 ms, sustained transfer up to 120 MB/s. Hamilton (seed 001, 2009)
 * counts 17 of these drives for 2 GB/s sequential, about 118 MB/s each.
 * <br>[2] Intel, SSD DC S3700 Series product specification, 2012: random 4 KB reads up to 75,000
 * IOPS, sequential reads 500 MB/s, typical read latency 50 µs.
 *
 * @param kind HDD or SSD
 * @param averageSeekNs mean seek time of a random request, ns, 0 to {@value #POSITIONING_NS_MAX}
 * @param halfRotationNs mean rotational latency (half a revolution), ns, 0 to {@value
 *     #POSITIONING_NS_MAX}
 * @param accessNs fixed access latency of every request, ns, 0 to {@value #POSITIONING_NS_MAX}
 * @param transferMBps interface transfer rate, MB/s (10^6 bytes/s), > 0 and at most {@value
 *     #TRANSFER_MBPS_MAX}
 * @param channels requests positioned in parallel, 1 to {@value #CHANNELS_MAX}
 */
public record DiskSpec(DiskKind kind, long averageSeekNs, long halfRotationNs, long accessNs,
    double transferMBps, int channels) {
  /** Longest positioning figure, ns: 1 s, far above any real device (assumption). */
  public static final long POSITIONING_NS_MAX = 1_000_000_000L;
  /** Fastest interface, MB/s. Assumption: above PCIe 5.0 x16 (~64 GB/s). */
  public static final double TRANSFER_MBPS_MAX = 100_000;
  /** Most channels. Assumption: above the 16–32 of today's NVMe controllers. */
  public static final int CHANNELS_MAX = 1024;

  public DiskSpec {
    Objects.requireNonNull(kind, "kind");
    checkPositioning("averageSeekNs", averageSeekNs);
    checkPositioning("halfRotationNs", halfRotationNs);
    checkPositioning("accessNs", accessNs);
    if (!(transferMBps > 0 && transferMBps <= TRANSFER_MBPS_MAX)) {
      throw new IllegalArgumentException("transferMBps must be > 0 and <= " + TRANSFER_MBPS_MAX
          + ", got " + transferMBps);
    }
    if (channels < 1 || channels > CHANNELS_MAX) {
      throw new IllegalArgumentException("channels must be between 1 and " + CHANNELS_MAX
          + ", got " + channels);
    }
  }

  /**
   * A 7,200 rpm SATA hard disk [1]: average seek 8.5 ms, half a rotation 60 s / 7,200 / 2 =
   * 4.167 ms, 120 MB/s, one arm.
   */
  public static DiskSpec hdd() {
    return new DiskSpec(DiskKind.HDD, 8_500_000, 4_166_667, 0, 120, 1);
  }

  /**
   * A SATA data-center SSD [2]: access 0.1 ms, 500 MB/s, 8 channels.
   *
   * <p>The access latency is an assumption between the data sheet's 50 µs and the ~150 µs
   * AnandTech measured through the host at queue depth 1 (6,600 IOPS; "Intel SSD DC P3700
   * review", 2014). The 8 channels are fitted: saturated random 4 KiB reads then reach
   * 8 / (100 + 8.2 µs) = 73,900 IOPS, near the data sheet's 75,000.
   */
  public static DiskSpec ssd() {
    return new DiskSpec(DiskKind.SSD, 0, 0, 100_000, 500, 8);
  }

  /** The default spec of a disk kind: {@link #hdd()} or {@link #ssd()}. */
  public static DiskSpec of(DiskKind kind) {
    Objects.requireNonNull(kind, "kind");
    return kind == DiskKind.HDD ? hdd() : ssd();
  }

  /** Positioning time of one request before its transfer, ns, at slowdown 1. */
  public long positioningNs(Disk.Access access) {
    Objects.requireNonNull(access, "access");
    long mechanical = access == Disk.Access.RANDOM ? averageSeekNs + halfRotationNs : 0;
    return mechanical + accessNs;
  }

  /**
   * Time to move {@code sizeBytes} over the interface, ns, rounded up, at slowdown 1.
   *
   * @param sizeBytes 0 to {@link Disk#SIZE_BYTES_MAX}
   */
  public long transferNs(long sizeBytes) {
    if (sizeBytes < 0 || sizeBytes > Disk.SIZE_BYTES_MAX) {
      throw new IllegalArgumentException("sizeBytes must be between 0 and " + Disk.SIZE_BYTES_MAX
          + ", got " + sizeBytes);
    }
    return (long) Math.ceil(sizeBytes * 1_000.0 / transferMBps); // 1 MB/s = 10^-3 bytes/ns
  }

  private static void checkPositioning(String name, long valueNs) {
    if (valueNs < 0 || valueNs > POSITIONING_NS_MAX) {
      throw new IllegalArgumentException(name + " must be between 0 and " + POSITIONING_NS_MAX
          + ", got " + valueNs);
    }
  }
}
