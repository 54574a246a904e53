package geosim.node;

import static geosim.node.DiskTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NicTest {
  @Test
  void serializationTimeIsBitsOverBandwidthRoundedUp() {
    assertEquals(1_000, new Nic(10).serializationNs(1_250)); // 10,000 bits at 10 bits/ns
    assertEquals(12_000, new Nic(1).serializationNs(1_500)); // a full Ethernet frame at 1 Gbit/s
    assertEquals(3, new Nic(3).serializationNs(1)); // 8 / 3 = 2.67 ns, rounded up
    assertEquals(0, new Nic(10).serializationNs(0));
  }

  @Test
  void messagesLeaveInFifoOrderBehindTheOneBeingSent() {
    Nic nic = new Nic(10);
    assertEquals(1_000, nic.send(0, 1_250));
    assertEquals(2_000, nic.send(500, 1_250)); // waits 500 ns
    assertEquals(2_100, nic.send(600, 125)); // behind both
    assertEquals(10_100, nic.send(10_000, 125)); // idle line: leaves after its own serialization
  }

  @Test
  void busyTimeIsExact() {
    Nic nic = new Nic(10);
    nic.send(0, 1_250);
    nic.send(500, 1_250);
    assertEquals(1_500, nic.busyNs(1_500));
    assertEquals(2_000, nic.busyNs(4_000));
    assertEquals(0.5, Cpu.utilization(nic.busyNs(4_000), 1, 4_000));
    assertTrue(nic.isBusy(1_999));
    assertFalse(nic.isBusy(2_000));
  }

  @Test
  void edgeAndBadValues() {
    Nic fastest = new Nic(1_000);
    assertEquals(1_000.0, fastest.bandwidthGbps());
    assertEquals((long) Math.ceil(Nic.SIZE_BYTES_MAX * 8.0 / 1_000), fastest.serializationNs(Nic.SIZE_BYTES_MAX));
    assertMessage("bandwidthGbps must be > 0 and <= 1000.0, got 0.0", () -> new Nic(0));
    assertThrows(IllegalArgumentException.class, () -> new Nic(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new Nic(1_001));
    assertMessage("sizeBytes must be between 0 and 1099511627776, got -1", () -> fastest.send(0, -1));
    fastest.send(10, 1);
    assertThrows(IllegalArgumentException.class, () -> fastest.send(9, 1));
  }
}
