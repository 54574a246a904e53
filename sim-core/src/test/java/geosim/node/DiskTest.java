package geosim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.node.Disk.Access;
import geosim.topology.DiskKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DiskTest {
  private static final long MS = 1_000_000;
  private static final long KIB_4 = 4096;
  /** HDD random 4 KiB: 8.5 ms seek + 4,166,667 ns half rotation + ceil(4096 / 120 MB/s) ns. */
  private static final long HDD_RANDOM_4K_NS = 8_500_000 + 4_166_667 + 34_134;

  @Test
  void hddRandomReadIsSeekPlusHalfRotationPlusTransfer() {
    Disk disk = new Disk(DiskSpec.hdd());
    assertEquals(HDD_RANDOM_4K_NS, disk.serviceNs(KIB_4, Access.RANDOM));
    assertEquals(HDD_RANDOM_4K_NS, disk.submit(0, KIB_4, Access.RANDOM));
  }

  @Test
  void hddRandom4KibSaturatesAtAboutEightyIops() {
    double iops = saturatedIops(new Disk(DiskSpec.hdd()), 1_000, KIB_4, Access.RANDOM);
    assertEquals(1e9 / HDD_RANDOM_4K_NS, iops, 1e-6); // 78.7: one request at a time
    assertTrue(iops > 70 && iops < 90, "iops " + iops);
  }

  @Test
  void ssdRandom4KibReachesTensOfThousandsOfIops() {
    double iops = saturatedIops(new Disk(DiskSpec.ssd()), 100_000, KIB_4, Access.RANDOM);
    // 8 channels / (100 µs access + 8,192 ns transfer) = 73,942; the data sheet says 75,000.
    assertTrue(iops > 70_000 && iops < 80_000, "iops " + iops);
  }

  @Test
  void sequentialHddThroughputIsTheTransferRate() {
    Disk disk = new Disk(DiskSpec.hdd());
    long megabyte = 1_000_000;
    assertEquals(8_333_334, disk.serviceNs(megabyte, Access.SEQUENTIAL)); // no seek, no rotation
    double bytesPerS = saturatedIops(disk, 100, megabyte, Access.SEQUENTIAL) * megabyte;
    assertEquals(120e6, bytesPerS, 120e6 * 1e-6);
  }

  @Test
  void ssdLargeTransfersShareTheInterface() {
    double bytesPerS = saturatedIops(new Disk(DiskSpec.ssd()), 1_000, 1 << 20, Access.SEQUENTIAL) * (1 << 20);
    assertTrue(bytesPerS > 490e6 && bytesPerS <= 500e6, "bytes/s " + bytesPerS); // not 8 x 500 MB/s
  }

  @Test
  void backToBackRequestsQueueInArrivalOrder() {
    Disk hdd = new Disk(DiskSpec.hdd());
    assertEquals(HDD_RANDOM_4K_NS, hdd.submit(0, KIB_4, Access.RANDOM));
    assertEquals(2 * HDD_RANDOM_4K_NS, hdd.submit(1 * MS, KIB_4, Access.RANDOM)); // waits ~11.7 ms
    assertEquals(30 * MS + HDD_RANDOM_4K_NS, hdd.submit(30 * MS, KIB_4, Access.RANDOM)); // idle again

    Disk ssd = new Disk(DiskSpec.ssd());
    assertEquals(108_192, ssd.submit(0, KIB_4, Access.RANDOM));
    assertEquals(116_384, ssd.submit(0, KIB_4, Access.RANDOM)); // positioned in parallel, waits for the interface
    assertEquals(2, ssd.busyChannels(105_000));
    assertEquals(1, ssd.busyChannels(110_000));
  }

  @Test
  void slowdownMultipliesServiceTimeOfLaterRequestsOnly() {
    Disk disk = new Disk(DiskSpec.hdd());
    long first = disk.submit(0, KIB_4, Access.RANDOM);
    disk.setSlowdown(2.5);
    assertEquals(2.5, disk.slowdown());
    assertEquals(21_250_000 + 10_416_668 + 85_335, disk.serviceNs(KIB_4, Access.RANDOM));
    assertEquals(first + disk.serviceNs(KIB_4, Access.RANDOM), disk.submit(0, KIB_4, Access.RANDOM));
    assertEquals(HDD_RANDOM_4K_NS, first);
    disk.setSlowdown(1);
    assertEquals(HDD_RANDOM_4K_NS, disk.serviceNs(KIB_4, Access.RANDOM));
  }

  @Test
  void busyTimeIsExactAndUtilizationNeverExceedsOne() {
    Disk hdd = new Disk(DiskSpec.hdd());
    hdd.submit(0, KIB_4, Access.RANDOM);
    hdd.submit(20 * MS, 1_000_000, Access.SEQUENTIAL); // 20 .. 28.333334 ms
    assertEquals(HDD_RANDOM_4K_NS, hdd.busyChannelNs(20 * MS));
    assertEquals(HDD_RANDOM_4K_NS + 5 * MS, hdd.busyChannelNs(25 * MS));
    assertEquals(HDD_RANDOM_4K_NS + 8_333_334, hdd.busyChannelNs(40 * MS));
    assertEquals(0.8333334, Cpu.utilization(hdd.busyChannelNs(30 * MS) - hdd.busyChannelNs(20 * MS), 1, 10 * MS), 1e-12);

    Disk ssd = new Disk(DiskSpec.ssd());
    for (int i = 0; i < 100; i++) ssd.submit(0, KIB_4, Access.RANDOM);
    long busy = ssd.busyChannelNs(1 * MS); // waiting for the interface counts as busy
    assertEquals(8 * MS, busy);
    assertEquals(1.0, Cpu.utilization(busy, ssd.channels(), 1 * MS));
  }

  @Test
  void edgeValues() {
    Disk hdd = new Disk(DiskSpec.hdd());
    assertEquals(0, hdd.busyChannelNs(0));
    assertEquals(5, hdd.submit(5, 0, Access.SEQUENTIAL)); // nothing to move: done at once
    assertEquals(5 + DiskSpec.hdd().positioningNs(Access.RANDOM), hdd.submit(5, 0, Access.RANDOM));
    assertEquals(0, new Disk(DiskSpec.ssd()).submit(0, 0, Access.SEQUENTIAL) - 100_000);
    Disk slow = new Disk(DiskSpec.hdd());
    slow.setSlowdown(Disk.SLOWDOWN_MAX);
    slow.submit(0, Disk.SIZE_BYTES_MAX, Access.SEQUENTIAL); // ~9.2e18 ns, still inside the clock
    assertThrows(IllegalArgumentException.class, () -> slow.submit(0, Disk.SIZE_BYTES_MAX, Access.SEQUENTIAL));
  }

  @Test
  void defaultsFollowTheDiskKind() {
    assertEquals(DiskSpec.hdd(), DiskSpec.of(DiskKind.HDD));
    assertEquals(DiskSpec.ssd(), DiskSpec.of(DiskKind.SSD));
    assertEquals(1, DiskSpec.hdd().channels());
    assertEquals(DiskSpec.ssd().positioningNs(Access.RANDOM), DiskSpec.ssd().positioningNs(Access.SEQUENTIAL));
  }

  @Test
  void rejectsBadArgumentsNamingThem() {
    assertMessage("averageSeekNs must be between 0 and 1000000000, got -1",
        () -> new DiskSpec(DiskKind.HDD, -1, 0, 0, 100, 1));
    assertMessage("transferMBps must be > 0 and <= 100000.0, got NaN",
        () -> new DiskSpec(DiskKind.HDD, 0, 0, 0, Double.NaN, 1));
    assertMessage("channels must be between 1 and 1024, got 0", () -> new DiskSpec(DiskKind.SSD, 0, 0, 0, 1, 0));
    assertThrows(NullPointerException.class, () -> new DiskSpec(null, 0, 0, 0, 1, 1));
    Disk disk = new Disk(DiskSpec.hdd());
    assertMessage("sizeBytes must be between 0 and 1099511627776, got -1", () -> disk.submit(0, -1, Access.RANDOM));
    assertMessage("slowdown must be between 1 and 1000000.0, got 0.5", () -> disk.setSlowdown(0.5));
    assertThrows(IllegalArgumentException.class, () -> disk.setSlowdown(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> disk.submit(-1, 1, Access.RANDOM));
    disk.submit(10, 1, Access.RANDOM);
    assertMessage("arrivalNs must be >= the last arrival 10 ns, got 9", () -> disk.submit(9, 1, Access.RANDOM));
    assertThrows(IllegalArgumentException.class, () -> disk.busyChannelNs(9));
    assertThrows(NullPointerException.class, () -> disk.submit(10, 1, null));
  }

  /** Requests of one size all arriving at 0: completed per second of virtual time. */
  private static double saturatedIops(Disk disk, int requests, long sizeBytes, Access access) {
    long last = 0;
    for (int i = 0; i < requests; i++) last = Math.max(last, disk.submit(0, sizeBytes, access));
    return requests * 1e9 / last;
  }

  static void assertMessage(String expected, Executable call) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
  }
}
