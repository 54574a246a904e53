package geosim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.node.ServerLifecycle.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ServerLifecycleTest {
  private static final long MIN = 60_000_000_000L;

  @Test
  void crashRestartBootThenUpAgainWithoutAnyCall() {
    ServerLifecycle server = ServerLifecycle.upAt(0, 2 * MIN);
    assertTrue(server.isServing(0));
    server.crash(10 * MIN);
    assertEquals(State.CRASHED, server.state(10 * MIN));
    assertFalse(server.isServing(12 * MIN));
    assertTrue(server.hasLocalDisk(12 * MIN)); // a crash keeps the disk
    assertEquals(17 * MIN, server.restart(15 * MIN));
    assertEquals(1, server.incarnation());
    assertEquals(State.BOOTING, server.state(17 * MIN - 1));
    assertFalse(server.isServing(17 * MIN - 1));
    assertTrue(server.isServing(17 * MIN));
  }

  @Test
  void tracksTimeInEachStateAndAvailability() {
    ServerLifecycle server = ServerLifecycle.upAt(0, 2 * MIN);
    server.crash(10 * MIN);
    server.restart(15 * MIN);
    assertEquals(13 * MIN, server.timeInStateNs(State.UP, 20 * MIN)); // 0..10 and 17..20
    assertEquals(5 * MIN, server.timeInStateNs(State.CRASHED, 20 * MIN));
    assertEquals(2 * MIN, server.timeInStateNs(State.BOOTING, 20 * MIN));
    assertEquals(0, server.timeInStateNs(State.TERMINATED, 20 * MIN));
    assertEquals(0.65, server.availability(20 * MIN), 1e-12);
  }

  @Test
  void crashWhileBootingAbortsTheBoot() {
    ServerLifecycle server = ServerLifecycle.bootingAt(5 * MIN, 2 * MIN);
    assertEquals(State.BOOTING, server.state(5 * MIN));
    server.crash(6 * MIN);
    assertFalse(server.isServing(8 * MIN)); // the old boot end (7 min) no longer applies
    assertEquals(10 * MIN, server.restart(8 * MIN));
    assertEquals(State.UP, server.state(10 * MIN));
    assertEquals(3 * MIN, server.timeInStateNs(State.BOOTING, 11 * MIN));
    assertEquals(1 * MIN, server.timeInStateNs(State.UP, 11 * MIN));
    assertEquals(1.0 / 6, server.availability(11 * MIN), 1e-12); // created at 5 min
  }

  @Test
  void terminationIsFinalAndLosesTheDisk() {
    ServerLifecycle server = ServerLifecycle.upAt(0, MIN);
    server.terminate(3 * MIN);
    assertFalse(server.hasLocalDisk(3 * MIN));
    assertFalse(server.isServing(4 * MIN));
    assertIllegal("cannot restart at 300000000000 ns: the server is TERMINATED since 180000000000 ns,"
        + " expected CRASHED", () -> server.restart(5 * MIN));
    assertThrows(IllegalStateException.class, () -> server.crash(5 * MIN));
    assertThrows(IllegalStateException.class, () -> server.terminate(5 * MIN));
    ServerLifecycle crashed = ServerLifecycle.upAt(0, MIN);
    crashed.crash(1);
    crashed.terminate(2); // a crashed or booting server can be terminated too
    assertEquals(State.TERMINATED, crashed.state(2));
  }

  @Test
  void rejectsIllegalTransitionsWithClearMessages() {
    ServerLifecycle server = ServerLifecycle.upAt(0, MIN);
    assertIllegal("cannot restart at 5 ns: the server is UP since 0 ns, expected CRASHED", () -> server.restart(5));
    server.crash(10);
    assertIllegal("cannot crash at 20 ns: the server is CRASHED since 10 ns, expected UP or BOOTING",
        () -> server.crash(20));
    server.restart(30);
    assertIllegal("cannot restart at 40 ns: the server is BOOTING since 30 ns, expected CRASHED",
        () -> server.restart(40));
  }

  @Test
  void edgeAndBadValues() {
    ServerLifecycle instant = ServerLifecycle.bootingAt(0, 0);
    assertTrue(instant.isServing(0)); // zero boot time: up at once
    assertEquals(120 * 1_000_000_000L, ServerLifecycle.BOOT_TIME_NS_DEFAULT);
    ServerLifecycle server = ServerLifecycle.upAt(100, MIN);
    assertEquals(1.0, server.availability(101));
    assertEquals("availability needs nowNs > the creation time 100",
        assertThrows(IllegalArgumentException.class, () -> ServerLifecycle.upAt(100, MIN).availability(100))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> server.state(99)); // before creation
    server.state(200);
    assertThrows(IllegalArgumentException.class, () -> server.crash(150)); // before the last call
    assertThrows(IllegalArgumentException.class, () -> ServerLifecycle.upAt(0, -1));
    assertThrows(IllegalArgumentException.class, () -> ServerLifecycle.upAt(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> ServerLifecycle.bootingAt(1, Long.MAX_VALUE));
  }

  private static void assertIllegal(String expected, Executable call) {
    assertEquals(expected, assertThrows(IllegalStateException.class, call).getMessage());
  }
}
