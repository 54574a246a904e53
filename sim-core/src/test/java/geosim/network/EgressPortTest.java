package geosim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.topology.LinkSpec;
import org.junit.jupiter.api.Test;

/** Serialization, queueing, tail drop, background capacity and utilization of one port. */
class EgressPortTest {
  private static final double TEN_GBPS = 10e9;
  private static final long PROPAGATION_NS = 5_000;

  private static EgressPort port(long bufferBytes) {
    return new EgressPort(TEN_GBPS, PROPAGATION_NS, bufferBytes);
  }

  @Test
  void anMtuAtTenGigabitsSerializesIn1200Ns() {
    Transmission t = port(1_000_000).send(1_000, 1500);
    assertTrue(t.delivered());
    assertEquals(1_000 + 1_200, t.departureNs());
    assertEquals(1_000 + 1_200 + PROPAGATION_NS, t.arrivalNs());
  }

  @Test
  void backToBackMessagesQueueBehindEachOther() {
    EgressPort p = port(1_000_000);
    assertEquals(1_200, p.send(0, 1500).departureNs());
    assertEquals(2_400, p.send(0, 1500).departureNs());
    assertEquals(3_600, p.send(600, 1500).departureNs()); // waits 1800 ns, then 1200
    assertEquals(3 * 1500 - 1750, p.queuedBytes(1_400), 1e-9); // 1400 ns drained 1750 B
    assertEquals(0, p.queuedBytes(3_600));
    assertEquals(10_000 + 1_200, p.send(10_000, 1500).departureNs()); // idle port: no wait
  }

  @Test
  void aFullBufferDropsExactlyWhenTheNextMessageWouldNotFit() {
    EgressPort p = port(3_000);
    assertTrue(p.send(0, 1500).delivered());
    assertTrue(p.send(0, 1500).delivered());
    assertFalse(p.send(0, 1).delivered());
    assertFalse(p.send(1_199, 1500).delivered()); // 1501.25 B still queued
    Transmission fits = p.send(1_200, 1500); // exactly 3000 B: fits
    assertTrue(fits.delivered());
    assertEquals(3_600, fits.departureNs());
    assertEquals(2, p.droppedMessages());
    assertEquals(Transmission.dropped(), p.send(1_200, 1));
  }

  @Test
  void aZeroBufferDropsEverything() {
    assertFalse(port(0).send(0, 1).delivered());
  }

  @Test
  void backgroundTakingNinetyPercentMakesSerializationTenTimesLonger() {
    EgressPort p = port(1_000_000);
    p.setBackgroundBps(0, 9e9);
    assertEquals(1e9, p.residualBps(), 1e-6);
    assertEquals(12_000, p.send(0, 1500).departureNs());
  }

  @Test
  void aDegradedLinkSerializesAtItsShareOfTheBandwidthAndAddsItsLatencyUntilRestored() {
    EgressPort p = port(1_000_000);
    p.setCondition(0, new LinkCondition(3_000, 0, 0.25), 0.5e9); // 2.5 Gbit/s, of which 0.5 background
    assertEquals(2e9, p.residualBps(), 1e-6);
    Transmission t = p.send(0, 1500); // 12,000 bits at 2 Gbit/s
    assertEquals(6_000, t.departureNs());
    assertEquals(6_000 + PROPAGATION_NS + 3_000, t.arrivalNs());
    p.setCondition(10_000, LinkCondition.NORMAL, 0);
    Transmission after = p.send(10_000, 1500);
    assertEquals(10_000 + 1_200 + PROPAGATION_NS, after.arrivalNs());
  }

  @Test
  void aBacklogDrainsAtTheNewRateWhenTheBackgroundChanges() {
    EgressPort p = port(1_000_000);
    p.setBackgroundBps(0, 9e9);
    p.send(0, 1500); // 12000 bits at 1 Gbit/s
    p.setBackgroundBps(6_000, 0); // 6000 bits left, now at 10 Gbit/s: 600 ns
    assertEquals(750, p.queuedBytes(6_000), 1e-9);
    // The new message queues behind the 750 B: 6000 + 600 + 1200, but never before the first one's 12000.
    assertEquals(12_000, p.send(6_000, 1500).departureNs());
    assertEquals(12_000 + 1_200, p.send(12_000, 1500).departureNs());
  }

  @Test
  void noResidualCapacityStallsMessagesThenDropsOnceTheBufferIsFull() {
    EgressPort p = port(3_000);
    p.setBackgroundBps(0, TEN_GBPS);
    Transmission first = p.send(0, 1500);
    assertTrue(first.stalled());
    assertEquals(EgressPort.NEVER, first.arrivalNs());
    assertTrue(p.send(1_000_000, 1500).stalled());
    assertFalse(p.send(2_000_000_000, 1).delivered());
    assertEquals(3_000, p.queuedBytes(3_000_000_000L), 0);
  }

  @Test
  void utilizationIsForegroundBusyTimePlusBackgroundShare() {
    EgressPort p = port(1_000_000);
    PortUsage start = p.usage(0);
    p.send(0, 1500);
    PortUsage mid = p.usage(600);
    assertEquals(6_000, mid.foregroundBits(), 1e-9); // half of the message is out
    assertEquals(0.5 * 1_200 / 600, mid.utilizationSince(start), 1e-12);
    p.setBackgroundBps(5_000, 5e9);
    PortUsage end = p.usage(10_000);
    assertEquals(1_200.0 / 10_000, end.foregroundUtilizationSince(start), 1e-12);
    assertEquals(0.5 * 5_000 / 10_000, end.backgroundUtilizationSince(start), 1e-12);
    assertEquals(0.12 + 0.25, end.utilizationSince(start), 1e-12);
    assertEquals(0, end.utilizationSince(end));
    p.setBackgroundBps(12_000, 0); // background ran at half the capacity from 5000 to 12000 ns
    PortUsage later = p.usage(20_000);
    assertEquals(0.5 * 2_000 / 10_000, later.backgroundUtilizationSince(end), 1e-12);
    assertEquals(0.5 * 7_000 / 20_000, later.backgroundUtilizationSince(start), 1e-12);
    assertEquals(0, later.foregroundUtilizationSince(end));
  }

  @Test
  void aPortIsBuiltFromALinkSpecAndRejectsBadArgumentsByName() {
    EgressPort p = EgressPort.of(new LinkSpec(40_000, 100), 12);
    assertEquals(100e9, p.bandwidthBps());
    assertEquals(40_000, p.propagationNs());
    assertEquals(12, p.bufferBytes());
    assertEquals("sizeBytes must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> p.send(0, 0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> p.setBackgroundBps(0, 101e9));
    assertThrows(IllegalArgumentException.class, () -> p.setBackgroundBps(0, -1));
    p.setBackgroundBps(10, 100e9 * (1 + 1e-12)); // rounding from a fair share: clamped
    assertEquals(0, p.residualBps());
    assertEquals("nowNs must be >= the previous call's 10 ns, got 9",
        assertThrows(IllegalArgumentException.class, () -> p.send(9, 1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new EgressPort(0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new EgressPort(1, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> new EgressPort(1, 0, -1));
  }

  @Test
  void farFutureTimesSaturateInsteadOfOverflowing() {
    EgressPort p = new EgressPort(1, Long.MAX_VALUE / 2, Long.MAX_VALUE);
    Transmission t = p.send(Long.MAX_VALUE / 2, 1_000_000_000_000L); // 8e21 ns at 1 bit/s
    assertTrue(t.stalled());
    EgressPort q = new EgressPort(TEN_GBPS, Long.MAX_VALUE, 10_000);
    assertEquals(EgressPort.NEVER, q.send(0, 1500).arrivalNs());
  }
}
