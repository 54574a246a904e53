package geosim.store.gossip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhiAccrualDetectorTest {
  private static final long S = 1_000_000_000L;

  /** A detector with Cassandra's defaults at a 1 s gossip interval: 1000 samples, 2 s initial and max. */
  private static PhiAccrualDetector cassandra() {
    return (PhiAccrualDetector) GossipSettings.cassandra().newDetector();
  }

  /** Heartbeats every {@code intervalNs} from {@code startNs}, {@code count} of them; returns the last time. */
  private static long beat(PhiAccrualDetector d, long startNs, long intervalNs, int count) {
    long t = startNs;
    for (int i = 0; i < count; i++) {
      d.heartbeat(t);
      if (i < count - 1) t += intervalNs;
    }
    return t;
  }

  @Test
  void phiIsZeroAndThePeerAliveBeforeAnyHeartbeat() {
    PhiAccrualDetector d = cassandra();
    assertEquals(0.0, d.phi(Long.MAX_VALUE - 1));
    assertTrue(d.isAlive(Long.MAX_VALUE - 1, 8));
    assertEquals(Long.MAX_VALUE, d.convictionTimeNs(8));
    assertEquals(0, d.sampleCount());
    assertEquals(Long.MIN_VALUE, d.lastHeartbeatNs());
  }

  @Test
  void theFirstHeartbeatRecordsTheInitialGuessAsTheOnlySample() {
    PhiAccrualDetector d = cassandra();
    d.heartbeat(5 * S);
    assertEquals(1, d.sampleCount());
    assertEquals(2.0 * S, d.meanIntervalNs());
    // With a 2 s mean, phi = 1 after 2 ln 10 = 4.6 s of silence.
    assertEquals(1.0, d.phi(5 * S + (long) (2 * S * Math.log(10))), 1e-9);
  }

  @Test
  void phiGrowsLinearlyInTheSilenceUnderTheExponentialModel() {
    PhiAccrualDetector d = cassandra();
    long last = beat(d, 0, S, 1001); // 1000 intervals of 1 s push the 2 s guess out of the window
    assertEquals(1.0 * S, d.meanIntervalNs());
    double ln10 = Math.log(10);
    for (long k = 0; k <= 40; k++) {
      // phi(k s) = -log10(exp(-k)) = k / ln 10, exactly linear.
      assertEquals(k / ln10, d.phi(last + k * S), 1e-12, "phi after " + k + " s");
      assertEquals(-Math.log10(Math.exp(-k)), d.phi(last + k * S), 1e-9);
    }
    assertEquals(2 * d.phi(last + 7 * S), d.phi(last + 14 * S), 1e-12);
  }

  @Test
  void phiScalesInverselyWithTheMeanInterval() {
    PhiAccrualDetector fast = new PhiAccrualDetector(10, S / 2, 10 * S);
    PhiAccrualDetector slow = new PhiAccrualDetector(10, 2 * S, 10 * S);
    long lf = beat(fast, 0, S / 2, 11);
    long ls = beat(slow, 0, 2 * S, 11);
    assertEquals(4 * slow.phi(ls + 8 * S), fast.phi(lf + 8 * S), 1e-12);
  }

  @Test
  void theWindowKeepsOnlyTheLastSamples() {
    PhiAccrualDetector d = new PhiAccrualDetector(100, 2 * S, 2 * S);
    long t = beat(d, 0, S, 5000);
    assertEquals(100, d.sampleCount());
    assertEquals(1.0 * S, d.meanIntervalNs());
    beat(d, t + S / 2, S / 2, 100); // 100 intervals of 0.5 s replace all the 1 s ones
    assertEquals(100, d.sampleCount());
    assertEquals(0.5 * S, d.meanIntervalNs());
    long[] window = d.intervalsNs();
    assertEquals(100, window.length);
    for (long w : window) assertEquals(S / 2, w);
  }

  @Test
  void intervalsComeOutOldestFirstWhileFillingAndAfterWrapping() {
    PhiAccrualDetector d = new PhiAccrualDetector(40, 7, 1_000);
    long t = 0;
    d.heartbeat(t);
    for (long i = 1; i <= 20; i++) d.heartbeat(t += i); // grows the ring past its initial 16
    long[] expected = new long[21];
    expected[0] = 7;
    for (int i = 1; i <= 20; i++) expected[i] = i;
    assertArrayEquals(expected, d.intervalsNs());
    for (long i = 21; i <= 50; i++) d.heartbeat(t += i); // wraps: keeps intervals 11 to 50
    long[] last40 = new long[40];
    for (int i = 0; i < 40; i++) last40[i] = 11 + i;
    assertArrayEquals(last40, d.intervalsNs());
    assertEquals((11 + 50) / 2.0, d.meanIntervalNs());
  }

  @Test
  void intervalsLongerThanTheMaximumAreNotRecorded() {
    PhiAccrualDetector d = cassandra();
    long t = beat(d, 0, S, 11);
    d.heartbeat(t + 30 * S); // a 30 s partition: ignored, as Cassandra's MAX_INTERVAL does
    assertEquals(11, d.sampleCount());
    assertEquals(t + 30 * S, d.lastHeartbeatNs());
    d.heartbeat(t + 30 * S + 2 * S); // exactly the maximum: recorded
    assertEquals(12, d.sampleCount());
  }

  @Test
  void convictionTimeIsTheFirstNanosecondAboveTheThreshold() {
    PhiAccrualDetector d = cassandra();
    long last = beat(d, 0, S, 1001);
    long at = d.convictionTimeNs(5);
    assertEquals(last + 5 * Math.log(10) * S, at, 1.0); // 11.51 s after the last heartbeat
    assertTrue(d.isAlive(at - 1, 5));
    assertFalse(d.isAlive(at, 5));
    // phi equal to the threshold is still alive: conviction needs phi > threshold.
    PhiAccrualDetector exact = new PhiAccrualDetector(1, 10, 10);
    exact.heartbeat(0);
    double phiAt23 = exact.phi(23);
    assertTrue(exact.isAlive(23, phiAt23));
    assertFalse(exact.isAlive(24, phiAt23));
  }

  @Test
  void edgeTimesNeitherOverflowNorGoBackwards() {
    PhiAccrualDetector d = cassandra();
    d.heartbeat(0);
    assertEquals(0.0, d.phi(0));
    double far = d.phi(Long.MAX_VALUE);
    assertTrue(far > 1e9 && Double.isFinite(far), "phi " + far);
    PhiAccrualDetector late = new PhiAccrualDetector(1, Long.MAX_VALUE / 2, 1);
    late.heartbeat(Long.MAX_VALUE / 2);
    assertEquals(Long.MAX_VALUE, late.convictionTimeNs(8)); // beyond the clock: saturates
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.heartbeat(-1));
    assertTrue(e.getMessage().contains("backwards"), e.getMessage());
  }

  @Test
  void badSettingsAreRejectedNamingTheParameter() {
    assertMessage("windowSize", () -> new PhiAccrualDetector(0, S, S));
    assertMessage("windowSize", () -> new PhiAccrualDetector(1_000_001, S, S));
    assertMessage("initialIntervalNs", () -> new PhiAccrualDetector(10, 0, S));
    assertMessage("maxIntervalNs", () -> new PhiAccrualDetector(10, S, 0));
    assertMessage("overflows", () -> new PhiAccrualDetector(1000, S, Long.MAX_VALUE / 999));
    assertMessage("threshold", () -> cassandra().isAlive(0, 0));
    assertMessage("threshold", () -> cassandra().isAlive(0, Double.NaN));
    assertMessage("threshold", () -> cassandra().convictionTimeNs(Double.POSITIVE_INFINITY));
  }

  private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
